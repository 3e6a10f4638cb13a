import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { currentGuides } from '../registry/guide-queries.js';
import { establishmentFactsOf } from '../registry/pool-queries.js';
import { campaignChecklist } from './campaign-checklists.js';
import { chinaDay, dateText } from './dates.js';
import type {
  inspectionDetailSchema,
  inspectionListQuerySchema,
  inspectionSummarySchema,
  rectificationSchema,
} from './inspection-schemas.js';
import { iso } from './reference-queries.js';
import { inspectionInScope, inspectionReadable, notFound } from './scope.js';

export interface InspectionRow {
  id: number;
  campaign_id: number;
  campaign_no: string;
  campaign_title: string;
  establishment_id: number;
  establishment_code: string;
  establishment_kind: string;
  region_code: string;
  departments: string[];
  task_kind: 'random' | 'reinspection';
  parent_id: number | null;
  stratum: string | null;
  draw_key: string | null;
  replacement_seq: number | null;
  understaffed: boolean;
  status: 'assigned' | 'completed' | 'replaced';
  due_on: string;
  inspected_at: Date | string | null;
  inspected_on: string | null;
  outcome: 'compliant' | 'non_compliant' | null;
  notes: string | null;
  recorded_at: Date | string | null;
  recorded_by_name: string | null;
  publication_due: string | null;
  published_at: Date | string | null;
  publication: z.infer<typeof inspectionDetailSchema>['publication'];
  replaced_reason: 'closed' | 'deregistered' | 'unreachable' | 'other' | null;
  replaced_on: string | null;
  replaced_note: string | null;
  in_scope: boolean;
}

/** Kinds whose completed inspections the actor's department may read (the compliance guides' departments). */
export async function sharedKinds(db: Executor, actor: Actor): Promise<string[]> {
  if (!actor.unit) return [];
  const dept = actor.unit.departmentCode;
  return (await currentGuides(db))
    .filter((g) => g.content.departments.some((d) => d.departmentCode === dept))
    .map((g) => g.kind);
}

const columns = (actor: Actor) =>
  sql`i.*, c.campaign_no, c.title AS campaign_title, ${inspectionInScope(actor)} AS in_scope`;
const FROM = sql`FROM inspection i JOIN campaign c ON c.id = i.campaign_id`;

/** An inspection the actor may act on (its region and one of its departments), 404 otherwise. */
export async function loadInspection(
  db: Executor,
  actor: Actor,
  id: number,
  forUpdate = false,
): Promise<InspectionRow> {
  const r = await queryOne<InspectionRow>(
    db,
    sql`SELECT ${columns(actor)} ${FROM} WHERE i.id = ${id} AND ${inspectionInScope(actor)} ${forUpdate ? sql`FOR UPDATE OF i` : sql``}`,
  );
  if (!r) throw notFound('inspection', id);
  return r;
}

async function readable(db: Executor, actor: Actor, where: SQL, tail: SQL = sql``): Promise<InspectionRow[]> {
  const kinds = await sharedKinds(db, actor);
  return queryRows<InspectionRow>(
    db,
    sql`SELECT ${columns(actor)} ${FROM} WHERE ${inspectionReadable(actor, kinds)} AND ${where} ${tail}`,
  );
}

type Summary = z.infer<typeof inspectionSummarySchema>;

async function teamsOf(db: Executor, ids: number[]) {
  const rows = ids.length
    ? await queryRows<{
        inspection_id: number;
        inspector_id: number;
        certificate_no: string;
        name: string;
        department_code: string;
        position: number;
      }>(
        db,
        sql`SELECT t.inspection_id, t.inspector_id, o.certificate_no, o.name, o.department_code, t.position
            FROM inspection_team t JOIN inspector o ON o.id = t.inspector_id
            WHERE t.inspection_id = ANY(${sql.param(ids)}::bigint[]) ORDER BY t.inspection_id, t.position`,
      )
    : [];
  const by = new Map<number, Summary['team']>();
  for (const r of rows) {
    const list = by.get(Number(r.inspection_id)) ?? [];
    list.push({
      inspectorId: Number(r.inspector_id),
      certificateNo: r.certificate_no,
      name: r.name,
      departmentCode: r.department_code,
      position: r.position,
    });
    by.set(Number(r.inspection_id), list);
  }
  return by;
}

async function summaries(db: Executor, rows: InspectionRow[], today: string): Promise<Summary[]> {
  const facts = await establishmentFactsOf(
    db,
    rows.map((r) => Number(r.establishment_id)),
  );
  const teams = await teamsOf(
    db,
    rows.map((r) => Number(r.id)),
  );
  return rows.map((r) => {
    const e = facts.get(Number(r.establishment_id));
    return {
      id: Number(r.id),
      campaign: {
        id: Number(r.campaign_id),
        campaignNo: r.campaign_no,
        title: r.campaign_title,
        joint: r.departments.length > 1,
      },
      taskKind: r.task_kind,
      parentId: r.parent_id === null ? null : Number(r.parent_id),
      establishment: e
        ? {
            id: Number(e.id),
            name: e.name,
            uscc: e.uscc,
            publicCode: e.publicCode,
            kind: e.kind as never,
            regionCode: e.regionCode,
            address: e.address,
          }
        : null,
      code: r.establishment_code,
      stratum: r.stratum,
      departments: r.departments,
      status: r.status,
      dueOn: dateText(r.due_on)!,
      overdue: r.status === 'assigned' && dateText(r.due_on)! < today,
      understaffed: r.understaffed,
      team: teams.get(Number(r.id)) ?? [],
      inspectedOn: dateText(r.inspected_on),
      outcome: r.outcome,
      publicationDue: dateText(r.publication_due),
      publishedAt: iso(r.published_at),
      readOnly: !r.in_scope,
    };
  });
}

export async function searchInspections(
  db: Executor,
  actor: Actor,
  q: z.infer<typeof inspectionListQuerySchema>,
  now: Date,
) {
  const today = chinaDay(now);
  const where: SQL[] = [sql`true`];
  if (q.campaignId) where.push(sql`i.campaign_id = ${q.campaignId}`);
  if (q.establishmentId) where.push(sql`i.establishment_id = ${q.establishmentId}`);
  if (q.status) where.push(sql`i.status = ${q.status}`);
  if (q.taskKind) where.push(sql`i.task_kind = ${q.taskKind}`);
  if (q.overdue === 'true') where.push(sql`i.status = 'assigned' AND i.due_on < ${today}`);
  if (q.mine === 'true') {
    where.push(sql`EXISTS (SELECT 1 FROM inspection_team t JOIN inspector o ON o.id = t.inspector_id
      WHERE t.inspection_id = i.id AND o.user_id = ${actor.userId})`);
  }
  const w = sql.join(where, sql` AND `);
  const rows = await readable(
    db,
    actor,
    w,
    sql`ORDER BY i.due_on, i.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const kinds = await sharedKinds(db, actor);
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n ${FROM} WHERE ${inspectionReadable(actor, kinds)} AND ${w}`,
  );
  return {
    items: await summaries(db, rows, today),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

type Rectification = z.infer<typeof rectificationSchema>;

async function rectificationWhere(db: Executor, where: SQL, today: string): Promise<Rectification | null> {
  const r = await queryOne<{
    id: number;
    item_codes: string[];
    ordered_on: string;
    working_days: number;
    deadline: string;
    status: Rectification['status'];
    reinspection_id: number | null;
  }>(db, sql`SELECT * FROM rectification WHERE ${where}`);
  if (!r) return null;
  return {
    id: Number(r.id),
    itemCodes: r.item_codes,
    orderedOn: dateText(r.ordered_on)!,
    workingDays: r.working_days,
    deadline: dateText(r.deadline)!,
    status: r.status,
    reinspectionId: r.reinspection_id === null ? null : Number(r.reinspection_id),
    overdue: r.status === 'open' && dateText(r.deadline)! < today,
  };
}

/** The checklist of a task: the campaign's merged list for the kind, or, for a re-inspection, the items to rectify. */
export async function checklistOf(
  db: Executor,
  r: Pick<InspectionRow, 'campaign_id' | 'establishment_kind' | 'task_kind' | 'parent_id'>,
) {
  const merged = await campaignChecklist(db, Number(r.campaign_id), r.establishment_kind);
  if (r.task_kind !== 'reinspection') return merged;
  const order = await queryOne<{ item_codes: string[] }>(
    db,
    sql`SELECT item_codes FROM rectification WHERE inspection_id = ${r.parent_id}`,
  );
  return merged.filter((i) => order?.item_codes.includes(i.code));
}

export async function inspectionDetail(
  db: Executor,
  actor: Actor,
  id: number,
  now: Date,
): Promise<z.infer<typeof inspectionDetailSchema>> {
  const today = chinaDay(now);
  const [r] = await readable(db, actor, sql`i.id = ${id}`);
  if (!r) throw notFound('inspection', id);
  const [summary] = await summaries(db, [r], today);
  const officers = await queryRows<{
    inspector_id: number;
    certificate_no: string;
    name: string;
    department_code: string;
  }>(
    db,
    sql`SELECT o.inspector_id, x.certificate_no, x.name, x.department_code FROM inspection_officer o JOIN inspector x ON x.id = o.inspector_id
        WHERE o.inspection_id = ${id} ORDER BY x.department_code, x.certificate_no`,
  );
  const items = await queryRows<{
    item_code: string;
    result: 'compliant' | 'non_compliant' | 'not_applicable';
    note: string;
    photo_ids: number[];
    disposition: 'rectification' | 'lead' | 'rectification_and_lead' | null;
  }>(
    db,
    sql`SELECT item_code, result, note, photo_ids, disposition FROM inspection_item_result WHERE inspection_id = ${id} ORDER BY position`,
  );
  const photos = await queryRows<{
    id: number;
    sha256: string;
    media_type: 'image/jpeg' | 'image/png';
    size_bytes: number;
    uploaded_at: Date | string;
  }>(
    db,
    sql`SELECT id, sha256, media_type, size_bytes, uploaded_at FROM inspection_photo WHERE inspection_id = ${id} ORDER BY id`,
  );
  const leads = await queryRows<{
    id: number;
    item_codes: string[];
    summary: string;
    status: string;
    created_at: Date | string;
  }>(
    db,
    sql`SELECT id, item_codes, summary, status, created_at FROM inspection_lead WHERE inspection_id = ${id} ORDER BY id`,
  );
  return {
    ...summary!,
    drawKey: r.draw_key,
    replacementSeq: r.replacement_seq,
    checklist: await checklistOf(db, r),
    result:
      r.status === 'completed'
        ? {
            inspectedAt: iso(r.inspected_at)!,
            notes: r.in_scope ? r.notes : null,
            officers: officers.map((o) => ({
              inspectorId: Number(o.inspector_id),
              certificateNo: o.certificate_no,
              name: o.name,
              departmentCode: o.department_code,
            })),
            items: items.map((i) => ({
              itemCode: i.item_code,
              result: i.result,
              note: i.note,
              photoIds: i.photo_ids.map(Number),
              disposition: i.disposition,
            })),
            recordedAt: iso(r.recorded_at)!,
            recordedBy: r.recorded_by_name,
          }
        : null,
    photos: photos.map((p) => ({
      id: Number(p.id),
      sha256: p.sha256,
      mediaType: p.media_type,
      sizeBytes: p.size_bytes,
      uploadedAt: iso(p.uploaded_at)!,
    })),
    rectification: await rectificationWhere(db, sql`inspection_id = ${id}`, today),
    parentRectification:
      r.parent_id === null ? null : await rectificationWhere(db, sql`inspection_id = ${r.parent_id}`, today),
    leads: leads.map((l) => ({
      id: Number(l.id),
      itemCodes: l.item_codes,
      summary: l.summary,
      status: l.status,
      createdAt: iso(l.created_at)!,
    })),
    publication: r.publication,
    replaced:
      r.status === 'replaced'
        ? { reason: r.replaced_reason!, on: dateText(r.replaced_on)!, note: r.replaced_note }
        : null,
  };
}
