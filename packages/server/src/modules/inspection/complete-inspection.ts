import {
  DomainError,
  type ItemResult,
  MIN_OFFICERS_PRESENT,
  outcomeOf,
  publicationDue,
  rectificationTerms,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { chinaDay, dateText } from './dates.js';
import { checklistOf, type InspectionRow, loadInspection } from './inspection-queries.js';
import type { completeInspectionSchema } from './inspection-schemas.js';
import { currentPolicy } from './reference-queries.js';
import { insertTasks } from './tasks.js';

type Form = z.infer<typeof completeInspectionSchema>;

const refuse = (code: string, path: string, zh: string, en: string, extra: Record<string, unknown> = {}) =>
  new DomainError(code, zh, en, { ...extra, errors: [{ path, code, messageZh: zh, messageEn: en }] });

/** Officers present: at least two distinct roster officers of the campaign's departments, none with a 回避 link. */
async function checkOfficers(tx: Executor, task: InspectionRow, ids: number[]): Promise<void> {
  const distinct = [...new Set(ids)];
  if (distinct.length < MIN_OFFICERS_PRESENT) {
    throw refuse(
      'too_few_officers',
      'officers',
      '现场执法人员不得少于两人',
      'At least two different officers must be present',
    );
  }
  const rows = await queryRows<{ id: number; department_code: string; conflicted: boolean }>(
    tx,
    sql`SELECT o.id, o.department_code, EXISTS (SELECT 1 FROM inspector_conflict x WHERE x.inspector_id = o.id
          AND x.establishment_id = ${task.establishment_id} AND x.ended_at IS NULL) AS conflicted
        FROM inspector o WHERE o.id = ANY(${sql.param(distinct)}::bigint[])`,
  );
  for (const [i, id] of ids.entries()) {
    const o = rows.find((r) => Number(r.id) === id);
    if (!o || !task.departments.includes(o.department_code)) {
      throw refuse(
        'unknown_officer',
        `officers[${i}]`,
        '不是参与本次检查的部门的执法人员',
        'Not an officer of a department of this inspection',
      );
    }
    if (o.conflicted) {
      throw refuse(
        'officer_conflict',
        `officers[${i}]`,
        '该执法人员与被检查单位存在回避关系',
        'This officer must not inspect this establishment (conflict of interest)',
      );
    }
  }
  const missing = task.departments.filter((d) => !rows.some((r) => r.department_code === d));
  if (task.task_kind === 'random' && missing.length > 0) {
    throw refuse(
      'department_missing',
      'officers',
      `联合检查须有每个参与部门的执法人员到场（缺少：${missing.join('、')}）`,
      `A joint inspection needs an officer of every department present (missing: ${missing.join(', ')})`,
      { missingDepartments: missing },
    );
  }
}

/**
 * Records the inspection form (one visit, every department's items): each item 符合/不符合/不适用
 * with notes and photos, the officers present (at least two) and the time. Non-compliant items
 * order rectification (deadline in working days, and a re-inspection task), pass a lead to
 * enforcement, or both. A re-inspection closes the order it checks.
 */
export async function completeInspection(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  form: Form;
}): Promise<void> {
  const { ctx, actor, id, form } = opts;
  const at = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const task = await loadInspection(tx, actor, id, true);
    if (task.status !== 'assigned') {
      throw new DomainError(
        'invalid_transition',
        '该检查任务已完成或已被替换',
        'This inspection is already completed or replaced',
        { status: task.status },
      );
    }
    const inspectedAt = new Date(form.inspectedAt);
    if (inspectedAt.getTime() > at.getTime() + 5 * 60_000) {
      throw refuse(
        'invalid_time',
        'inspectedAt',
        '检查时间不能晚于现在',
        'The inspection time cannot be in the future',
      );
    }
    const drawn = await queryOne<{ drawn_at: Date | string }>(
      tx,
      sql`SELECT drawn_at FROM campaign WHERE id = ${task.campaign_id}`,
    );
    if (drawn?.drawn_at && inspectedAt < new Date(drawn.drawn_at)) {
      throw refuse(
        'invalid_time',
        'inspectedAt',
        '检查时间早于抽取时间',
        'The inspection time is before the draw',
      );
    }
    await checkOfficers(tx, task, form.officers);

    const checklist = await checklistOf(tx, task);
    const byCode = new Map(checklist.map((c) => [c.code, c]));
    const seen = new Set<string>();
    for (const [i, item] of form.items.entries()) {
      if (!byCode.has(item.itemCode)) {
        throw refuse(
          'unknown_item',
          `items[${i}].itemCode`,
          `检查表中没有 ${item.itemCode}`,
          `No item ${item.itemCode} on this checklist`,
        );
      }
      if (seen.has(item.itemCode))
        throw refuse('duplicate_item', `items[${i}].itemCode`, '检查项重复', 'Item given twice');
      seen.add(item.itemCode);
      if ((item.result === 'non_compliant') !== (item.disposition !== null)) {
        throw refuse(
          'invalid_disposition',
          `items[${i}].disposition`,
          '不符合项须选择处理方式（责令整改、移交线索或两者），其他项不得选择',
          'A non-compliant item needs a disposition (rectification, lead or both); other items take none',
        );
      }
    }
    const missing = checklist.filter((c) => !seen.has(c.code)).map((c) => c.code);
    if (missing.length) {
      throw refuse(
        'items_missing',
        'items',
        `以下检查项未填写：${missing.join('、')}`,
        `Items not filled in: ${missing.join(', ')}`,
        { missing },
      );
    }
    const photoIds = [...new Set(form.items.flatMap((i) => i.photoIds))];
    if (photoIds.length) {
      const own = await queryRows<{ id: number }>(
        tx,
        sql`SELECT id FROM inspection_photo WHERE inspection_id = ${id} AND id = ANY(${sql.param(photoIds)}::bigint[])`,
      );
      const unknown = photoIds.filter((p) => !own.some((o) => Number(o.id) === p));
      if (unknown.length)
        throw refuse(
          'unknown_photo',
          'items',
          `照片不属于本次检查：${unknown.join('、')}`,
          `Photos not of this inspection: ${unknown.join(', ')}`,
        );
    }
    const toRectify = form.items.filter(
      (i) => i.disposition === 'rectification' || i.disposition === 'rectification_and_lead',
    );
    const toLead = form.items.filter(
      (i) => i.disposition === 'lead' || i.disposition === 'rectification_and_lead',
    );
    if (toLead.length && !form.leadSummary) {
      throw refuse(
        'lead_summary_required',
        'leadSummary',
        '移交线索须填写线索摘要',
        'A lead needs a summary',
      );
    }

    const inspectedOn = chinaDay(inspectedAt);
    const calendar = await loadCalendar(tx);
    const policy = (await currentPolicy(tx)).values;
    const outcome = outcomeOf(form.items.map((i) => i.result as ItemResult));
    const when = at.toISOString();
    await tx.execute(sql`UPDATE inspection SET status = 'completed', inspected_at = ${inspectedAt.toISOString()}, inspected_on = ${inspectedOn},
      outcome = ${outcome}, notes = ${form.notes}, recorded_at = ${when}, recorded_by = ${actor.userId}, recorded_by_name = ${actor.username},
      publication_due = ${publicationDue(calendar, inspectedOn, policy).date} WHERE id = ${id}`);
    await tx.execute(sql`INSERT INTO inspection_officer (inspection_id, inspector_id)
      SELECT ${id}, x FROM unnest(${sql.param([...new Set(form.officers)])}::bigint[]) AS x`);
    for (const [position, item] of form.items.entries()) {
      await tx.execute(sql`INSERT INTO inspection_item_result (inspection_id, item_code, position, result, note, photo_ids, disposition)
        VALUES (${id}, ${item.itemCode}, ${position}, ${item.result}, ${item.note}, ${sql.param(item.photoIds)}::bigint[], ${item.disposition})`);
    }

    let rectification: { id: number; deadline: string; reinspectionId: number } | null = null;
    if (toRectify.length) {
      const terms = rectificationTerms({
        calendar,
        inspectedOn,
        severities: toRectify.map((i) => byCode.get(i.itemCode)!.severity),
        policy,
        workingDays: form.rectificationWorkingDays,
      });
      const [reinspectionId] = await insertTasks(
        tx,
        [
          {
            campaignId: Number(task.campaign_id),
            establishmentId: Number(task.establishment_id),
            code: task.establishment_code,
            kind: task.establishment_kind,
            region: task.region_code,
            departments: task.departments,
            taskKind: 'reinspection',
            parentId: id,
            stratum: task.stratum,
            key: null,
            replacementSeq: null,
            understaffed: false,
            dueOn: terms.reinspectionDue.date,
            team: [...new Set(form.officers)],
          },
        ],
        at,
      );
      const row = await queryOne<{ id: number }>(
        tx,
        sql`INSERT INTO rectification (inspection_id, establishment_id, item_codes, ordered_on, working_days, deadline, reinspection_id, status)
            VALUES (${id}, ${task.establishment_id}, ${sql.param(toRectify.map((i) => i.itemCode))}::text[], ${inspectedOn},
              ${terms.workingDays}, ${terms.deadline.date}, ${reinspectionId!}, 'open') RETURNING id`,
      );
      rectification = { id: Number(row!.id), deadline: terms.deadline.date, reinspectionId: reinspectionId! };
      await emitEvent(
        tx,
        {
          type: 'inspection.rectification.ordered',
          aggregateType: 'establishment',
          aggregateId: Number(task.establishment_id),
          payload: {
            inspectionId: id,
            rectificationId: rectification.id,
            itemCodes: toRectify.map((i) => i.itemCode),
            deadline: terms.deadline.date,
            workingDays: terms.workingDays,
          },
        },
        at,
      );
    }
    if (toLead.length) {
      const lead = await queryOne<{ id: number }>(
        tx,
        sql`INSERT INTO inspection_lead (inspection_id, establishment_id, region_code, departments, item_codes, summary, created_at, created_by)
            VALUES (${id}, ${task.establishment_id}, ${task.region_code}, ${sql.param(task.departments)}::text[],
              ${sql.param(toLead.map((i) => i.itemCode))}::text[], ${form.leadSummary}, ${when}, ${actor.userId}) RETURNING id`,
      );
      await emitEvent(
        tx,
        {
          type: 'inspection.lead.raised',
          aggregateType: 'establishment',
          aggregateId: Number(task.establishment_id),
          payload: {
            establishmentId: Number(task.establishment_id),
            inspectionId: id,
            leadId: Number(lead!.id),
            itemCodes: toLead.map((i) => i.itemCode),
            summary: form.leadSummary,
            departments: task.departments,
          },
        },
        at,
      );
    }
    if (task.task_kind === 'reinspection') {
      const status = outcome === 'compliant' ? 'rectified' : 'not_rectified';
      await tx.execute(
        sql`UPDATE rectification SET status = ${status}, closed_at = ${when} WHERE inspection_id = ${task.parent_id}`,
      );
      await emitEvent(
        tx,
        {
          type: 'inspection.rectification.closed',
          aggregateType: 'establishment',
          aggregateId: Number(task.establishment_id),
          payload: {
            establishmentId: Number(task.establishment_id),
            inspectionId: Number(task.parent_id),
            reinspectionId: id,
            status,
          },
        },
        at,
      );
    }
    const nonCompliant = form.items.filter((i) => i.result === 'non_compliant').map((i) => i.itemCode);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'inspection.inspection.complete',
        entityType: 'inspection',
        entityId: id,
        diff: {
          status: ['assigned', 'completed'],
          outcome: [null, outcome],
          inspectedAt: [null, inspectedAt.toISOString()],
          officers: [null, [...new Set(form.officers)]],
          nonCompliant: [null, nonCompliant],
          rectificationDeadline: [null, rectification?.deadline ?? null],
        },
      },
      at,
    );
    await emitEvent(
      tx,
      {
        type: 'inspection.inspection.completed',
        aggregateType: 'establishment',
        aggregateId: Number(task.establishment_id),
        payload: {
          establishmentId: Number(task.establishment_id),
          inspectionId: id,
          campaignId: Number(task.campaign_id),
          taskKind: task.task_kind,
          inspectedOn,
          outcome,
          nonCompliantItems: nonCompliant,
          departments: task.departments,
          dueOn: dateText(task.due_on),
        },
      },
      at,
    );
  });
}
