import { DomainError } from '@weijian/domain';
import type { Executor } from '../../db/database.js';
import { type DomainEvent, subscribe } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit.js';
import { establishmentFacts } from '../registry/queries.js';
import { chinaDate } from './access.js';
import { insertLead } from './leads.js';
import { competentUnit, type Unit } from './routing.js';

/**
 * Enforcement reacts to findings and alerts by creating leads (线索) for the departments concerned:
 * inspection.lead.raised (a non-compliant item passed on by the inspectors: one lead per department
 * of the inspection) and credit.alert.raised (a risk alert: a lead for the health supervision
 * institute, else the health department). A region without such a unit gets no lead (nothing to
 * retry); the same event delivered twice finds its lead already there.
 */
async function unitOrNull(tx: Executor, department: string, regionCode: string): Promise<Unit | null> {
  try {
    return await competentUnit(tx, department, regionCode);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'no_competent_unit') return null;
    throw e;
  }
}

async function leadFor(
  tx: Executor,
  event: DomainEvent,
  ctx: AppContext,
  lead: {
    source: 'inspection' | 'alert';
    sourceRef: string;
    establishmentId: number;
    departments: string[];
    summary: string;
    details: Record<string, unknown>;
  },
): Promise<void> {
  const facts = await establishmentFacts(tx, lead.establishmentId);
  if (!facts) return;
  const at = ctx.now();
  for (const department of lead.departments) {
    const unit = await unitOrNull(tx, department, facts.regionCode);
    if (!unit) continue;
    const created = await insertLead(tx, {
      source: lead.source,
      sourceRef: lead.sourceRef,
      establishmentId: lead.establishmentId,
      regionCode: facts.regionCode,
      departmentCode: department,
      unitId: unit.id,
      summary: lead.summary,
      details: { ...lead.details, eventId: event.id, establishmentName: facts.name },
      receivedOn: chinaDate(new Date(event.occurredAt)),
      at,
      createdBy: null,
    });
    if (created.created) {
      await recordAudit(
        tx,
        SYSTEM_ACTOR,
        {
          action: 'enforcement.lead.create',
          entityType: 'enforcement_lead',
          entityId: created.id,
          diff: { source: [null, lead.source], sourceRef: [null, lead.sourceRef], eventId: [null, event.id] },
        },
        at,
      );
    }
  }
}

subscribe({
  subscriber: 'enforcement.on-inspection-lead',
  eventTypes: ['inspection.lead.raised'],
  async handle(tx, event, ctx) {
    const p = event.payload as {
      inspectionId: number;
      leadId: number;
      itemCodes?: string[];
      summary?: string | null;
      departments?: string[];
    };
    await leadFor(tx, event, ctx, {
      source: 'inspection',
      sourceRef: String(p.leadId),
      establishmentId: Number(event.aggregateId),
      departments: [...new Set(p.departments ?? ['supervision'])],
      summary: `检查发现（检查任务 ${p.inspectionId}）：${p.summary ?? (p.itemCodes ?? []).join('、')}`,
      details: { inspectionId: p.inspectionId, inspectionLeadId: p.leadId, itemCodes: p.itemCodes ?? [] },
    });
  },
});

subscribe({
  subscriber: 'enforcement.on-credit-alert',
  eventTypes: ['credit.alert.raised'],
  async handle(tx, event, ctx) {
    const p = event.payload as { alertId: number | string; establishmentId: number; ruleCode: string };
    const facts = await establishmentFacts(tx, Number(p.establishmentId));
    if (!facts) return;
    const department = (await unitOrNull(tx, 'supervision', facts.regionCode)) ? 'supervision' : 'health';
    await leadFor(tx, event, ctx, {
      source: 'alert',
      sourceRef: String(p.alertId),
      establishmentId: Number(p.establishmentId),
      departments: [department],
      summary: `风险预警（规则 ${p.ruleCode}）：${facts.name}`,
      details: { alertId: p.alertId, ruleCode: p.ruleCode },
    });
  },
});
