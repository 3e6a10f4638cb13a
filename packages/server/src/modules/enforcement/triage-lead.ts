import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { loadEstablishment } from '../registry/establishment-record.js';
import { assertVersion, enforcementRoles, LEAD, legalToday } from './access.js';
import { loadLead } from './lead-record.js';
import { insertLead } from './leads.js';
import { type ProposeCaseInput, proposeCaseIn } from './propose-case.js';
import { assertReportRegion, competentUnit } from './routing.js';

/**
 * Triage of a lead: no action (with reasons), a rectification order with a deadline in working
 * days, or a proposal to open a case. Only an open lead is triaged, once.
 */
export type TriageInput = { expectedVersion: number } & (
  | { action: 'dismiss'; reason: string }
  | { action: 'order_rectification'; workingDays: number; reason: string }
  | ({ action: 'open_case' } & ProposeCaseInput)
);

export async function triageLead(opts: { ctx: AppContext; actor: Actor; id: number; input: TriageInput }) {
  return opts.ctx.database.db.transaction((tx) =>
    triageLeadIn(tx, opts.ctx, opts.actor, opts.id, opts.input),
  );
}

/** The same inside a transaction the caller holds (the demo seed). */
export async function triageLeadIn(
  tx: Executor,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: TriageInput,
) {
  const at = ctx.now();
  const today = legalToday(ctx);
  {
    const lead = await loadLead(tx, actor, id, true);
    if (!enforcementRoles(actor).includes('investigator')) {
      throw new DomainError('forbidden', '只有执法办案人员可以处理线索', 'Only case officers triage leads');
    }
    if (lead.state !== 'open') {
      throw new DomainError('invalid_transition', '该线索已处理', 'This lead has been triaged', {
        state: lead.state,
        allowedActions: [],
      });
    }
    assertVersion(input.expectedVersion, lead.version, LEAD);
    let set: Record<string, unknown>;
    let caseId: number | null = null;
    if (input.action === 'dismiss') {
      set = { state: 'no_action', triage_reason: input.reason };
    } else if (input.action === 'order_rectification') {
      const due = (await loadCalendar(tx)).addWorkingDays(today, input.workingDays).date;
      set = { state: 'rectification', triage_reason: input.reason, rectification_due: due };
    } else {
      const { expectedVersion: _v, action: _a, ...proposal } = input;
      const created = await proposeCaseIn(tx, ctx, actor, lead, proposal, today, at);
      caseId = created.id;
      set = { state: 'case', case_id: caseId, triage_reason: input.summary };
    }
    const entries = Object.entries({
      ...set,
      triaged_on: today,
      version: lead.version + 1,
      updated_at: at.toISOString(),
    });
    await tx.execute(
      sql`UPDATE enforcement_lead SET ${sql.join(
        entries.map(([k, v]) => sql`${sql.identifier(k)} = ${v}`),
        sql`, `,
      )} WHERE id = ${id}`,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: `enforcement.lead.${input.action}`,
        entityType: 'enforcement_lead',
        entityId: id,
        diff: {
          state: [lead.state, set.state],
          caseId: [null, caseId],
          rectificationDue: [null, set.rectification_due ?? null],
        },
      },
      at,
    );
    return { leadId: id, caseId };
  }
}

/** An officer records a lead found another way (patrol, media, a tip not entered as a complaint). */
export async function createManualLead(opts: {
  ctx: AppContext;
  actor: Actor;
  input: { summary: string; establishmentId?: number | undefined; regionCode?: string | undefined };
}): Promise<number> {
  const { ctx, actor, input } = opts;
  const at = ctx.now();
  const today = legalToday(ctx);
  return ctx.database.db.transaction(async (tx) => {
    if (!actor.unit || !enforcementRoles(actor).includes('investigator')) {
      throw new DomainError('forbidden', '只有执法办案人员可以登记线索', 'Only case officers record leads');
    }
    let regionCode = input.regionCode;
    if (input.establishmentId !== undefined)
      regionCode = (await loadEstablishment(tx, actor, input.establishmentId)).region_code;
    if (!regionCode) {
      throw new DomainError(
        'validation_failed',
        '请选择监管对象或区划',
        'Choose an establishment or a region',
        {
          errors: [
            { path: 'regionCode', code: 'required', messageZh: '请选择区划', messageEn: 'Choose a region' },
          ],
        },
      );
    }
    await assertReportRegion(tx, regionCode);
    if (actor.regionPrefix === null || !regionCode.startsWith(actor.regionPrefix)) {
      throw new DomainError(
        'validation_failed',
        '区划不在本单位辖区内',
        'The region is outside the unit’s area',
        {
          errors: [
            {
              path: 'regionCode',
              code: 'out_of_scope',
              messageZh: '不在辖区内',
              messageEn: 'Outside the area',
            },
          ],
        },
      );
    }
    const unit = await competentUnit(tx, actor.unit.departmentCode, regionCode);
    const lead = await insertLead(tx, {
      source: 'manual',
      sourceRef: `${actor.userId}:${at.getTime()}`,
      establishmentId: input.establishmentId ?? null,
      regionCode,
      departmentCode: actor.unit.departmentCode,
      unitId: unit.id,
      summary: input.summary,
      receivedOn: today,
      at,
      createdBy: actor.userId,
    });
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'enforcement.lead.create',
        entityType: 'enforcement_lead',
        entityId: lead.id,
        diff: { source: [null, 'manual'] },
      },
      at,
    );
    return lead.id;
  });
}
