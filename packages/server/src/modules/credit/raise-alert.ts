import type { Calendar, WarningRule } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import { type AuditActor, recordAudit, SYSTEM_ACTOR } from '../audit/record-audit.js';
import { chinaDay } from './scope.js';

export interface AlertInput {
  establishmentId: number;
  regionCode: string;
  practitionerId?: number | null;
  rule: WarningRule;
  ruleVersion: number;
  dedupeKey: string;
  summaryZh: string;
  summaryEn: string;
  data: Record<string, unknown>;
}

/**
 * Raises a warning unless the same one (rule and key) is still unhandled: assigned to the rule's
 * department in the establishment's region, due in the rule's working days, audited, and told to
 * the other modules (`credit.alert.raised`, which enforcement turns into a lead when it wants).
 */
export async function raiseAlert(
  tx: Executor,
  calendar: Calendar,
  a: AlertInput,
  at: Date,
  actor: AuditActor = SYSTEM_ACTOR,
): Promise<number | undefined> {
  const raisedOn = chinaDay(at);
  const due = calendar.addWorkingDays(raisedOn, a.rule.responseWorkingDays).date;
  const next = new Date(Date.parse(`${due}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const row = await queryOne<{ id: number }>(
    tx,
    sql`INSERT INTO credit_alert (establishment_id, practitioner_id, region_code, department_code, rule_code, rule_version, dedupe_key,
          severity, summary_zh, summary_en, data, citation, raised_at, raised_on, due_on, next_escalation_on)
        VALUES (${a.establishmentId}, ${a.practitionerId ?? null}, ${a.regionCode}, ${a.rule.department}, ${a.rule.code}, ${a.ruleVersion},
          ${a.dedupeKey}, ${a.rule.severity}, ${a.summaryZh}, ${a.summaryEn}, ${JSON.stringify(a.data)}::jsonb,
          ${JSON.stringify(a.rule.citation)}::jsonb, ${at.toISOString()}, ${raisedOn}, ${due}, ${next})
        ON CONFLICT (establishment_id, rule_code, dedupe_key) WHERE status <> 'handled' DO NOTHING
        RETURNING id`,
  );
  if (!row) return undefined;
  const id = Number(row.id);
  await tx.execute(sql`INSERT INTO credit_alert_action (alert_id, action, from_status, to_status, note, at, by_user_id, by_name)
    VALUES (${id}, 'raise', NULL, 'open', ${a.summaryZh}, ${at.toISOString()}, ${actor.userId}, ${actor.name ?? 'system'})`);
  await recordAudit(
    tx,
    actor,
    {
      action: 'credit.alert.raise',
      entityType: 'credit_alert',
      entityId: id,
      diff: {
        ruleCode: [null, a.rule.code],
        establishmentId: [null, a.establishmentId],
        dueOn: [null, due],
        summary: [null, a.summaryZh],
      },
    },
    at,
  );
  await emitEvent(
    tx,
    {
      type: 'credit.alert.raised',
      aggregateType: 'credit_alert',
      aggregateId: id,
      payload: {
        alertId: id,
        establishmentId: a.establishmentId,
        practitionerId: a.practitionerId ?? null,
        ruleCode: a.rule.code,
        severity: a.rule.severity,
        departmentCode: a.rule.department,
        summaryZh: a.summaryZh,
        summaryEn: a.summaryEn,
        dueOn: due,
      },
    },
    at,
  );
  return id;
}
