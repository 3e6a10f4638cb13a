import {
  availableActions,
  LICENSE_WORKFLOW,
  REVALIDATION_WORKFLOW,
  renewalLastDay,
  TASK_WORKFLOW,
} from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { iso, recordInScope, workflowRoles } from './access.js';
import { TASK_COLUMNS, type TaskRow } from './act-on-task.js';
import { effectiveStatus, LICENSE_COLUMNS, type LicenseRow, loadLicense } from './license-record.js';
import { REVALIDATION_COLUMNS, type RevalidationRow, revalidationInScope } from './revalidations.js';
import type {
  licenseDetailSchema,
  licenseListQuerySchema,
  licenseSummarySchema,
  revalidationListQuerySchema,
  revalidationSchema,
  taskListQuerySchema,
  taskSchema,
} from './schemas/license.js';

export function presentLicenseSummary(l: LicenseRow, today: string): z.infer<typeof licenseSummarySchema> {
  return {
    id: l.id,
    number: l.number,
    permitCode: l.permit_code,
    licenseNameZh: l.license_name_zh,
    establishment: { id: l.establishment_id, name: l.establishment_name, regionCode: l.establishment_region },
    issuer: { unitId: l.unit_id, name: l.unit_name, departmentCode: l.department_code },
    status: l.status,
    effectiveStatus: effectiveStatus(l, today),
    issuedOn: l.issued_on,
    validFrom: l.valid_from,
    validTo: l.valid_to,
    version: l.version,
  };
}

export async function searchLicenses(
  db: Executor,
  actor: Actor,
  q: z.infer<typeof licenseListQuerySchema>,
  today: string,
) {
  const where: SQL[] = [recordInScope(actor, 'l')];
  if (q.establishmentId) where.push(sql`l.establishment_id = ${q.establishmentId}`);
  if (q.permitCode) where.push(sql`l.permit_code = ${q.permitCode}`);
  if (q.status) where.push(sql`l.status = ${q.status}`);
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, '\\$&')}%`;
    where.push(sql`(l.establishment_name LIKE ${like} OR l.number LIKE ${like})`);
  }
  const filter = sql.join(where, sql` AND `);
  const rows = await queryRows<LicenseRow>(
    db,
    sql`SELECT ${LICENSE_COLUMNS} FROM licensing_license l WHERE ${filter}
        ORDER BY l.issued_on DESC, l.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM licensing_license l WHERE ${filter}`,
  );
  return {
    items: rows.map((r) => presentLicenseSummary(r, today)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function licenseDetail(
  db: Executor,
  actor: Actor,
  id: number,
  today: string,
): Promise<z.infer<typeof licenseDetailSchema>> {
  const l = await loadLicense(db, actor, id);
  const history = await queryRows<{
    action: string;
    on_date: string;
    at: Date | string;
    actor_name: string | null;
    diff: Record<string, unknown>;
  }>(
    db,
    sql`SELECT action, on_date::text AS on_date, at, actor_name, diff FROM licensing_license_event WHERE license_id = ${id} ORDER BY id`,
  );
  const revalidations = await queryRows<RevalidationRow>(
    db,
    sql`SELECT ${REVALIDATION_COLUMNS} FROM licensing_revalidation r JOIN licensing_license l ON l.id = r.license_id
        WHERE r.license_id = ${id} ORDER BY r.due_on, r.id`,
  );
  return {
    ...presentLicenseSummary(l, today),
    applicationId: l.application_id,
    scope: l.scope_text,
    conditions: l.conditions,
    note: l.note,
    statusChangedOn: l.status_changed_on,
    statusReason: l.status_reason,
    statusDecisionNo: l.status_decision_no,
    renewalLastDay: l.valid_to ? renewalLastDay(l.valid_to) : null,
    certificatePath: `/api/v1/licensing/licenses/${l.id}/certificate.pdf`,
    availableActions: availableActions(LICENSE_WORKFLOW, l.status, workflowRoles(actor, l.establishment_id)),
    history: history.map((h) => ({
      action: h.action,
      onDate: h.on_date,
      at: iso(h.at),
      actorName: h.actor_name,
      diff: h.diff,
    })),
    revalidations: revalidations.map((r) => presentRevalidation(r, actor)),
  };
}

export function presentTask(t: TaskRow, actor: Actor, today: string): z.infer<typeof taskSchema> {
  const due = t.state === 'rectifying' ? t.rectification_due : t.state === 'open' ? t.due_on : null;
  return {
    id: t.id,
    kind: t.kind,
    applicationId: t.application_id,
    licenseId: t.license_id,
    establishment: { id: t.establishment_id, name: t.establishment_name },
    unitId: t.unit_id,
    state: t.state,
    stateLabelZh: TASK_WORKFLOW.states[t.state].labelZh,
    stateLabelEn: TASK_WORKFLOW.states[t.state].labelEn,
    dueOn: t.due_on,
    rectificationDue: t.rectification_due,
    findings: t.findings,
    closedOn: t.closed_on,
    overdue: due !== null && today > due,
    version: t.version,
    availableActions: availableActions(TASK_WORKFLOW, t.state, workflowRoles(actor, t.establishment_id)),
    updatedAt: iso(t.updated_at),
  };
}

export async function searchTasks(
  db: Executor,
  actor: Actor,
  q: z.infer<typeof taskListQuerySchema>,
  today: string,
) {
  const where: SQL[] = [recordInScope(actor, 't')];
  if (q.state) where.push(sql`t.state = ${q.state}`);
  if (q.kind) where.push(sql`t.kind = ${q.kind}`);
  const filter = sql.join(where, sql` AND `);
  const rows = await queryRows<TaskRow>(
    db,
    sql`SELECT ${TASK_COLUMNS} FROM licensing_task t WHERE ${filter} ORDER BY t.due_on, t.id LIMIT ${q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM licensing_task t WHERE ${filter}`,
  );
  return { items: rows.map((t) => presentTask(t, actor, today)), total: total?.n ?? 0 };
}

export function presentRevalidation(r: RevalidationRow, actor: Actor): z.infer<typeof revalidationSchema> {
  return {
    id: r.id,
    license: {
      id: r.license_id,
      number: r.license_number,
      licenseNameZh: r.license_name_zh,
      permitCode: r.permit_code,
    },
    establishment: { id: r.establishment_id, name: r.establishment_name },
    cycleYears: r.cycle_years,
    dueOn: r.due_on,
    noticeOn: r.notice_on,
    state: r.state,
    stateLabelZh: REVALIDATION_WORKFLOW.states[r.state].labelZh,
    stateLabelEn: REVALIDATION_WORKFLOW.states[r.state].labelEn,
    noticedOn: r.noticed_on,
    submittedOn: r.submitted_on,
    submission: r.submission,
    decidedOn: r.decided_on,
    deferredUntil: r.deferred_until,
    reasons: r.reasons,
    version: r.version,
    availableActions: availableActions(
      REVALIDATION_WORKFLOW,
      r.state,
      workflowRoles(actor, r.establishment_id),
    ),
    inputs: {
      noteZh:
        '监督检查结果、不良执业行为记分等将在相关模块上线后在此列示，作为校验的参考依据（大卫健办发〔2020〕31号 附件7 二）',
    },
  };
}

export async function searchRevalidations(
  db: Executor,
  actor: Actor,
  q: z.infer<typeof revalidationListQuerySchema>,
) {
  const where: SQL[] = [revalidationInScope(actor)];
  if (q.state) where.push(sql`r.state = ${q.state}`);
  if (q.licenseId) where.push(sql`r.license_id = ${q.licenseId}`);
  const filter = sql.join(where, sql` AND `);
  const from = sql`licensing_revalidation r JOIN licensing_license l ON l.id = r.license_id`;
  const rows = await queryRows<RevalidationRow>(
    db,
    sql`SELECT ${REVALIDATION_COLUMNS} FROM ${from} WHERE ${filter} ORDER BY r.due_on, r.id LIMIT ${q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM ${from} WHERE ${filter}`,
  );
  return { items: rows.map((r) => presentRevalidation(r, actor)), total: total?.n ?? 0 };
}
