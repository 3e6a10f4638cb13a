import {
  DomainError,
  guardTransition,
  TASK_WORKFLOW,
  type TaskAction,
  type TaskState,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { assertVersion, legalToday, notFound, recordInScope, TASK, workflowRoles } from './access.js';
import { endLicense } from './license-effects.js';
import { licenseById } from './license-record.js';

/**
 * Verification after the decision (seed 000 三): a commitment found false, or a filing found
 * untrue, gets a rectification order with a deadline; if it is not rectified the licence is
 * withdrawn (撤销) and a credit record is asked for (`licensing.commitment.false` /
 * `licensing.filing.false`, which the credit module takes up).
 */
export interface TaskRow {
  id: number;
  kind: 'commitment_verification' | 'post_filing_check';
  application_id: number;
  license_id: number;
  establishment_id: number;
  establishment_name: string;
  unit_id: number;
  unit_region_code: string;
  department_code: string;
  state: TaskState;
  due_on: string;
  rectification_due: string | null;
  findings: string | null;
  closed_on: string | null;
  assignee_user_id: number | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

export const TASK_COLUMNS =
  sql.raw(`t.id, t.kind, t.application_id, t.license_id, t.establishment_id, t.establishment_name,
  t.unit_id, t.unit_region_code, t.department_code, t.state, t.due_on::text AS due_on,
  t.rectification_due::text AS rectification_due, t.findings, t.closed_on::text AS closed_on, t.assignee_user_id, t.version,
  t.created_at, t.updated_at`);

export async function loadTask(db: Executor, actor: Actor, id: number, forUpdate = false): Promise<TaskRow> {
  const row = await queryOne<TaskRow>(
    db,
    sql`SELECT ${TASK_COLUMNS} FROM licensing_task t WHERE t.id = ${id} AND ${recordInScope(actor, 't')}
        ${forUpdate ? sql`FOR UPDATE OF t` : sql``}`,
  );
  if (!row) throw notFound(TASK, id);
  return row;
}

export interface TaskActionInput {
  action: TaskAction;
  expectedVersion: number;
  findings?: string | undefined;
  rectificationDue?: string | undefined;
}

export async function actOnTask(opts: { ctx: AppContext; actor: Actor; id: number; input: TaskActionInput }) {
  await opts.ctx.database.db.transaction((tx) => actOnTaskIn(tx, opts.ctx, opts.actor, opts.id, opts.input));
}

export async function actOnTaskIn(
  tx: Executor,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: TaskActionInput,
) {
  const at = ctx.now();
  const today = legalToday(ctx);
  {
    const task = await loadTask(tx, actor, id, true);
    assertVersion(input.expectedVersion, task.version, TASK);
    const transition = guardTransition(
      TASK_WORKFLOW,
      task.state,
      input.action,
      workflowRoles(actor, task.establishment_id),
    );
    const findings = input.findings?.trim() || null;
    let rectificationDue = task.rectification_due;
    if (input.action === 'order_rectification') {
      if (!findings || !input.rectificationDue || input.rectificationDue <= today) {
        throw new DomainError(
          'rectification_incomplete',
          '责令整改须写明发现的问题和晚于今天的整改期限',
          'A rectification order states the findings and a deadline after today',
          {
            errors: [
              ...(!findings
                ? [
                    {
                      path: 'findings',
                      code: 'required',
                      messageZh: '请写明问题',
                      messageEn: 'State the findings',
                    },
                  ]
                : []),
              ...(!input.rectificationDue || input.rectificationDue <= today
                ? [
                    {
                      path: 'rectificationDue',
                      code: 'invalid',
                      messageZh: '整改期限应晚于今天',
                      messageEn: 'The deadline must be after today',
                    },
                  ]
                : []),
            ],
          },
        );
      }
      rectificationDue = input.rectificationDue;
    }
    if (input.action === 'record_failed' && !findings) {
      throw new DomainError(
        'findings_required',
        '撤销许可须写明整改未达标的事实',
        'State why the rectification failed',
        {
          errors: [
            { path: 'findings', code: 'required', messageZh: '请写明事实', messageEn: 'State the facts' },
          ],
        },
      );
    }
    const closed = transition.to === 'conforming' || transition.to === 'failed';
    await tx.execute(sql`UPDATE licensing_task SET state = ${transition.to}, rectification_due = ${rectificationDue},
      findings = COALESCE(${findings}, findings), closed_on = ${closed ? today : null},
      assignee_user_id = COALESCE(assignee_user_id, ${actor.userId}), version = version + 1, updated_at = ${at.toISOString()}
      WHERE id = ${id}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: `licensing.task.${input.action}`,
        entityType: 'licensing_task',
        entityId: id,
        diff: {
          state: [task.state, transition.to],
          findings: [task.findings, findings ?? task.findings],
          rectificationDue: [task.rectification_due, rectificationDue],
        },
      },
      at,
    );
    if (input.action === 'record_failed') {
      const license = await licenseById(tx, task.license_id, true);
      const what = task.kind === 'commitment_verification' ? '承诺' : '备案信息';
      if (license.status === 'valid') {
        await endLicense({
          tx,
          actor,
          today,
          at,
          license,
          status: 'withdrawn',
          reason: `${what}不实，逾期不整改或整改后仍达不到要求，依法撤销：${findings}`,
          decisionNo: null,
        });
      }
      await emitEvent(
        tx,
        {
          type:
            task.kind === 'commitment_verification' ? 'licensing.commitment.false' : 'licensing.filing.false',
          aggregateType: 'establishment',
          aggregateId: task.establishment_id,
          payload: {
            establishmentId: task.establishment_id,
            licenseId: task.license_id,
            applicationId: task.application_id,
            taskId: task.id,
            findings,
            foundOn: today,
            citation: '大卫健办发〔2020〕31号 三、四：依法查处虚假承诺、违规经营等行为并记入信用记录',
          },
        },
        at,
      );
    }
  }
}
