import { CASE_WORKFLOW, type CaseAction, guardEnforcementTransition } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { assertVersion, CASE, enforcementRoles, legalToday } from './access.js';
import { CASE_JSON_COLUMNS, loadCase } from './case-record.js';
import type { CaseStep, StepResult } from './case-step.js';
import { PRE_DECISION_ACTIONS, type PreDecisionInput, preDecisionStep } from './case-steps.js';
import { DECISION_ACTIONS, type DecisionInput, decisionStep, notImplemented } from './decision-steps.js';
import { policyInForce } from './policy.js';
import { appendRecord } from './record-chain.js';

/**
 * One action on a case: the state table guards it (409 invalid_transition with the allowed
 * actions), the version the client saw must be current (409 conflict), the step checks its own
 * rules; then the case row, a new link of the enforcement record, the audit row and any domain
 * events are written in one transaction.
 */
export type CaseActionInput = { expectedVersion: number } & (PreDecisionInput | DecisionInput);

/** Which of the actor's roles a step is taken in (recorded in the enforcement record). */
function roleOf(actor: Actor, action: CaseAction): string {
  const t = CASE_WORKFLOW.transitions.find((x) => x.action === action)!;
  return t.roles.find((r) => enforcementRoles(actor).includes(r)) ?? t.roles[0]!;
}

export async function actOnCase(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: CaseActionInput;
}): Promise<void> {
  await opts.ctx.database.db.transaction((tx) => actOnCaseIn(tx, opts.ctx, opts.actor, opts.id, opts.input));
}

/** The same inside a transaction the caller holds (the demo seed). */
export async function actOnCaseIn(
  tx: Executor,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: CaseActionInput,
): Promise<void> {
  const at = ctx.now();
  const today = legalToday(ctx);
  {
    const c = await loadCase(tx, actor, id, true);
    const transition = guardEnforcementTransition(
      CASE_WORKFLOW,
      c.state,
      input.action,
      enforcementRoles(actor),
    );
    assertVersion(input.expectedVersion, c.version, CASE);
    const step: CaseStep = {
      tx,
      ctx,
      actor,
      c,
      today,
      at,
      calendar: await loadCalendar(tx),
      settings: (await policyInForce(tx, 'settings', today)).content,
    };
    let result: StepResult;
    if (PRE_DECISION_ACTIONS.has(input.action))
      result = await preDecisionStep(step, input as PreDecisionInput);
    else if (DECISION_ACTIONS.has(input.action)) result = await decisionStep(step, input as DecisionInput);
    else throw notImplemented(input.action);
    const next = result.next ?? transition.next;
    const columns = { ...result.set, state: next, version: c.version + 1, updated_at: at.toISOString() };
    await tx.execute(
      sql`UPDATE enforcement_case SET ${sql.join(
        Object.entries(columns).map(([k, v]) =>
          CASE_JSON_COLUMNS.has(k)
            ? sql`${sql.identifier(k)} = ${v === null ? null : JSON.stringify(v)}::jsonb`
            : sql`${sql.identifier(k)} = ${v}`,
        ),
        sql`, `,
      )} WHERE id = ${id}`,
    );
    const role = roleOf(actor, input.action);
    await appendRecord(tx, id, {
      action: input.action,
      fromState: c.state,
      toState: next,
      onDate: today,
      at,
      actor,
      role,
      details: result.details,
      ...(result.fileHashes ? { fileHashes: result.fileHashes } : {}),
    });
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: `enforcement.case.${input.action}`,
        entityType: 'enforcement_case',
        entityId: id,
        diff: { state: [c.state, next], version: [c.version, c.version + 1], role: [null, role] },
      },
      at,
    );
    if (input.action === 'approve_opening') {
      await emitEvent(
        tx,
        {
          type: 'enforcement.case.opened',
          aggregateType: 'enforcement_case',
          aggregateId: id,
          payload: { caseId: id, establishmentId: c.establishment_id },
        },
        at,
      );
    }
  }
}
