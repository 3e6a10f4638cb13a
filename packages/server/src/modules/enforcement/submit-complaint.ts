import { randomBytes } from 'node:crypto';
import {
  COMPLAINT_CATEGORIES,
  complaintAcceptDue,
  formatQueryCode,
  isDuplicateComplaint,
  routeComplaint,
  suggestComplaintCategory,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { type AuditActor, recordAudit, SYSTEM_ACTOR } from '../audit/record-audit.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { loadEstablishment } from '../registry/establishment-record.js';
import { fieldRefusal, legalToday } from './access.js';
import { addComplaintNote } from './complaint-record.js';
import { policyInForce } from './policy.js';
import { assertReportRegion, competentUnit, departmentName, identifyEstablishment } from './routing.js';
import { nextRegisterNumber } from './sequences.js';

/**
 * A complaint or report arrives: from the portal (anonymous or named), entered by staff from the
 * hotline, a visit or a letter, or transferred from another department. It is classified (the
 * reporter's choice, else a keyword suggestion), the establishment identified when it can be (else
 * flagged for triage), routed by the responsibility map to the department's unit with its acceptance
 * deadline — or, when it is about a matter already open, joined to the first complaint as another
 * reporter. Every reporter gets a query code to follow the matter; only its keyed hash is stored.
 */
export type ComplaintChannel = 'portal' | 'hotline' | 'transfer' | 'visit' | 'letter';

export interface ComplaintInput {
  channel: ComplaintChannel;
  anonymous: boolean;
  reporter?: { name: string; phone?: string | undefined; idNumber?: string | undefined } | null | undefined;
  categoryCode?: string | undefined;
  establishmentId?: number | undefined;
  establishmentCode?: string | undefined;
  establishmentName?: string | undefined;
  practitionerName?: string | undefined;
  regionCode: string;
  location?: string | undefined;
  description: string;
  transferredFrom?: string | undefined;
}

export interface SubmittedComplaint {
  complaintId: number;
  reporterId: number;
  number: string;
  queryCode: string;
  joined: boolean;
  departmentCode: string;
  departmentName: string;
  unitName: string;
  receivedOn: string;
  acceptDue: string;
}

// Serialises intake so two reports of one matter arriving together do not both open a file.
const INTAKE_LOCK = 72_082;

interface OpenComplaint {
  id: number;
  number: string;
  category: string;
  establishment_id: number | null;
  establishment_text: string;
  region_code: string;
  department_code: string;
  unit_id: number;
  accept_due: string;
  received_on: string;
}

async function findDuplicate(
  tx: Executor,
  key: {
    categoryCode: string;
    establishmentId: number | null;
    establishmentText: string;
    regionCode: string;
  },
): Promise<OpenComplaint | undefined> {
  const rows = await queryRows<OpenComplaint>(
    tx,
    sql`SELECT id, number, category, establishment_id, establishment_text, region_code, department_code, unit_id, accept_due, received_on
        FROM complaint
        WHERE category = ${key.categoryCode} AND state IN ('received', 'accepted', 'concluded')
          AND ${key.establishmentId !== null ? sql`establishment_id = ${key.establishmentId}` : sql`establishment_id IS NULL AND left(region_code, 6) = ${key.regionCode.slice(0, 6)}`}
        ORDER BY id LIMIT 200`,
  );
  return rows.find((r) =>
    isDuplicateComplaint(key, {
      categoryCode: r.category,
      establishmentId: r.establishment_id === null ? null : Number(r.establishment_id),
      establishmentText: r.establishment_text,
      regionCode: r.region_code,
    }),
  );
}

export async function submitComplaint(opts: {
  ctx: AppContext;
  /** Staff entering it; null for the portal. */
  actor: Actor | null;
  input: ComplaintInput;
  origin: { ip: string | null; requestId: string | null };
}): Promise<SubmittedComplaint> {
  const { ctx, actor, input } = opts;
  if (!input.anonymous && !input.reporter?.name?.trim()) {
    throw fieldRefusal(
      'reporter_required',
      'reporter.name',
      '实名举报须填写姓名',
      'A named report needs the reporter’s name',
    );
  }
  if (!input.anonymous && !input.reporter?.phone?.trim() && input.channel === 'portal') {
    throw fieldRefusal(
      'reporter_required',
      'reporter.phone',
      '实名举报须留联系电话',
      'A named report needs a phone number',
    );
  }
  if (input.channel === 'transfer' && !input.transferredFrom?.trim()) {
    throw fieldRefusal(
      'transferred_from_required',
      'transferredFrom',
      '请填写移交单位',
      'Name the body that transferred it',
    );
  }
  if (input.categoryCode && !COMPLAINT_CATEGORIES.some((c) => c.code === input.categoryCode)) {
    throw fieldRefusal('unknown_category', 'categoryCode', '投诉举报类别无效', 'Unknown category');
  }
  const auditActor: AuditActor = actor
    ? auditActorOf(actor)
    : { ...SYSTEM_ACTOR, name: 'portal', ip: opts.origin.ip, requestId: opts.origin.requestId };

  return ctx.database.db.transaction((tx) => submitComplaintIn(tx, opts, auditActor));
}

/** The same inside a transaction the caller holds (the demo seed). */
export async function submitComplaintIn(
  tx: Executor,
  opts: { ctx: AppContext; actor: Actor | null; input: ComplaintInput },
  auditActor: AuditActor,
): Promise<SubmittedComplaint> {
  const { ctx, actor, input } = opts;
  const at = ctx.now();
  const today = legalToday(ctx);
  {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${INTAKE_LOCK})`);
    let establishment: { id: number; name: string; regionCode: string } | null = null;
    if (input.establishmentId !== undefined) {
      if (!actor)
        throw fieldRefusal('not_allowed', 'establishmentId', '请填写机构代码或名称', 'Give the code or name');
      const e = await loadEstablishment(tx, actor, input.establishmentId);
      establishment = { id: Number(e.id), name: e.name, regionCode: e.region_code };
    } else {
      await assertReportRegion(tx, input.regionCode);
      establishment = await identifyEstablishment(tx, {
        code: input.establishmentCode,
        name: input.establishmentName,
        regionCode: input.regionCode,
      });
    }
    const regionCode = establishment?.regionCode ?? input.regionCode;
    const establishmentText = (input.establishmentName ?? establishment?.name ?? '').trim();
    const suggestion = suggestComplaintCategory(`${input.description} ${establishmentText}`);
    const categoryCode = input.categoryCode ?? suggestion.code;
    const categorySource = input.categoryCode ? (actor ? 'staff' : 'reporter') : 'keywords';
    const route = routeComplaint(categoryCode);

    const queryCode = formatQueryCode(randomBytes(8));
    const reporter = input.anonymous ? null : input.reporter;
    const reporterValues = (
      complaintId: number,
      seq: number,
    ) => sql`(${complaintId}, ${seq}, ${input.channel}, ${input.anonymous},
      ${reporter?.name ? ctx.secrets.encrypt(reporter.name.trim()) : null},
      ${reporter?.phone ? ctx.secrets.encrypt(reporter.phone.trim()) : null},
      ${reporter?.idNumber ? ctx.secrets.encrypt(reporter.idNumber.trim().toUpperCase()) : null},
      ${reporter?.phone ? ctx.secrets.lookupHash(reporter.phone.replace(/\D/g, '')) : null},
      ${ctx.secrets.lookupHash(queryCode)}, ${input.description}, ${today}, ${at.toISOString()}, ${actor?.userId ?? null})`;
    const insertReporter = async (complaintId: number, seq: number) =>
      (await queryOne<{ id: number }>(
        tx,
        sql`INSERT INTO complaint_reporter (complaint_id, seq, channel, anonymous, name_enc, phone_enc, id_number_enc, phone_hash,
              query_code_hash, description, submitted_on, submitted_at, entered_by)
            VALUES ${reporterValues(complaintId, seq)} RETURNING id`,
      ))!.id;

    const duplicate = await findDuplicate(tx, {
      categoryCode,
      establishmentId: establishment?.id ?? null,
      establishmentText,
      regionCode,
    });
    if (duplicate) {
      const complaintId = Number(duplicate.id);
      const seq = (await queryOne<{ n: number }>(
        tx,
        sql`SELECT coalesce(max(seq), 0)::int + 1 AS n FROM complaint_reporter WHERE complaint_id = ${complaintId}`,
      ))!.n;
      const reporterId = Number(await insertReporter(complaintId, seq));
      await addComplaintNote(tx, {
        complaintId,
        visibility: 'internal',
        action: 'join',
        text: `第 ${seq} 位举报人反映同一事项（${input.channel}），已并入本件办理`,
        onDate: today,
        at,
        actor,
      });
      await tx.execute(
        sql`UPDATE complaint SET updated_at = ${at.toISOString()}, version = version + 1 WHERE id = ${complaintId}`,
      );
      await recordAudit(
        tx,
        auditActor,
        {
          action: 'enforcement.complaint.join',
          entityType: 'complaint',
          entityId: complaintId,
          diff: { reporter: [null, { seq, channel: input.channel, anonymous: input.anonymous }] },
        },
        at,
      );
      const unit = await queryOne<{ name: string }>(
        tx,
        sql`SELECT name FROM unit WHERE id = ${duplicate.unit_id}`,
      );
      return {
        complaintId,
        reporterId,
        number: duplicate.number,
        queryCode,
        joined: true,
        departmentCode: duplicate.department_code,
        departmentName: await departmentName(tx, duplicate.department_code),
        unitName: unit?.name ?? '',
        receivedOn: duplicate.received_on,
        acceptDue: duplicate.accept_due,
      };
    }

    const unit = await competentUnit(tx, route.departmentCode, regionCode);
    const calendar = await loadCalendar(tx);
    const periods = (await policyInForce(tx, 'complaint_periods', today)).content;
    const acceptDue = complaintAcceptDue(calendar, today, periods);
    const number = await nextRegisterNumber(tx, 'complaint', regionCode, today);
    const needsTriage = establishment === null;
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO complaint (number, channel, category, category_source, category_keywords, department_code, unit_id, region_code,
            establishment_id, establishment_text, practitioner_text, location_text, description, needs_triage, transferred_from, state,
            received_on, accept_due, created_at, updated_at)
          VALUES (${number}, ${input.channel}, ${categoryCode}, ${categorySource},
            ${sql.param(categorySource === 'keywords' ? suggestion.matched : [])}::text[], ${route.departmentCode}, ${unit.id}, ${regionCode},
            ${establishment?.id ?? null}, ${establishmentText}, ${input.practitionerName?.trim() ?? ''}, ${input.location?.trim() ?? ''},
            ${input.description}, ${needsTriage}, ${input.transferredFrom?.trim() ?? null}, 'received', ${today}, ${acceptDue},
            ${at.toISOString()}, ${at.toISOString()})
          RETURNING id`,
    );
    const complaintId = Number(row!.id);
    const reporterId = Number(await insertReporter(complaintId, 1));
    const deptName = await departmentName(tx, route.departmentCode);
    await addComplaintNote(tx, {
      complaintId,
      visibility: 'public',
      action: 'submit',
      toState: 'received',
      text: `已收到，按职责分工由${unit.name}办理，将于 ${acceptDue} 前决定是否受理。`,
      onDate: today,
      at,
      actor,
    });
    if (needsTriage) {
      await addComplaintNote(tx, {
        complaintId,
        visibility: 'internal',
        action: 'flag',
        text: '未能在名录中识别被投诉单位，请分拣核实',
        onDate: today,
        at,
        actor,
      });
    }
    await recordAudit(
      tx,
      auditActor,
      {
        action: 'enforcement.complaint.submit',
        entityType: 'complaint',
        entityId: complaintId,
        diff: {
          number: [null, number],
          channel: [null, input.channel],
          anonymous: [null, input.anonymous],
          category: [null, categoryCode],
          departmentCode: [null, route.departmentCode],
          unitId: [null, unit.id],
          establishmentId: [null, establishment?.id ?? null],
          needsTriage: [null, needsTriage],
        },
      },
      at,
    );
    return {
      complaintId,
      reporterId,
      number,
      queryCode,
      joined: false,
      departmentCode: route.departmentCode,
      departmentName: deptName,
      unitName: unit.name,
      receivedOn: today,
      acceptDue,
    };
  }
}
