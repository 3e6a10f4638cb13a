import {
  blacklistRulesFor,
  type Citation,
  complaintSpike,
  demeritCycle,
  PENALTY_KIND_NAMES,
  PENALTY_SEVERITY_NAMES,
  type PenaltySeverity,
  penaltyDemerit,
  warningRule,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import { type DomainEvent, subscribe } from '../../events/events.js';
import { type AuditActor, recordAudit, SYSTEM_ACTOR } from '../audit/record-audit.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { exitIn, type ListingRow, listIn } from './blacklist-records.js';
import { type DemeritRow, recordDemeritIn, revokeDemeritIn } from './demerit-records.js';
import { recordEntry } from './entries.js';
import { loadCreditPolicy } from './policy.js';
import { raiseAlert } from './raise-alert.js';
import { recomputeSubjects } from './recompute.js';
import { chinaDay } from './scope.js';
import { type ResolvedSubject, resolveSubjects, type Subject } from './subjects.js';

/**
 * The credit module reacts to what happens elsewhere (ARCHITECTURE.md: a penalty updates the credit
 * file and the risk level without the enforcement module knowing credit exists). Each handler
 * writes entries with their source record, records points and listings the rules call for (audited,
 * in the file: never silently), and recomputes the subjects concerned, all in the delivery's
 * transaction. Payload fields are read defensively: producers may add fields.
 */
type Payload = Record<string, unknown>;

const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && /^\d+$/.test(v)
      ? Number(v)
      : null;
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
/** A penalty kind's name in both languages; a kind the catalogue does not know shows as sent. */
const kindName = (k: string) => PENALTY_KIND_NAMES[k as keyof typeof PENALTY_KIND_NAMES] ?? { zh: k, en: k };
const day = (v: unknown, fallback: string): string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : fallback;

function citationOf(v: unknown, fallback: Citation): Citation {
  if (typeof v === 'string' && v) return { zh: v, en: v };
  if (v && typeof v === 'object' && typeof (v as Citation).zh === 'string') {
    const c = v as Citation;
    return { zh: c.zh, en: typeof c.en === 'string' ? c.en : c.zh };
  }
  return fallback;
}

function eventActor(event: DomainEvent): { by: { userId: null; name: string }; audit: AuditActor } {
  const name = `event:${event.type}#${event.id}`;
  return { by: { userId: null, name }, audit: { ...SYSTEM_ACTOR, name } };
}

async function subjectsOf(tx: Executor, p: Payload, aggregate?: string): Promise<ResolvedSubject[]> {
  const wanted: Subject[] = [];
  const est = num(p.establishmentId) ?? (aggregate ? num(aggregate) : null);
  if (est !== null) wanted.push({ type: 'establishment', id: est });
  const pr = num(p.practitionerId);
  if (pr !== null) wanted.push({ type: 'practitioner', id: pr });
  const resolved = await resolveSubjects(tx, wanted);
  return [...resolved.values()];
}

const NO_BASIS: Citation = { zh: '处罚决定书载明的依据', en: 'The basis stated in the penalty decision' };

// --- enforcement -------------------------------------------------------------------------------

async function onPenaltyDecided(tx: Executor, event: DomainEvent, at: Date) {
  const p = event.payload;
  const caseId = String(p.caseId ?? event.aggregateId);
  const severity = (
    ['minor', 'general', 'serious'].includes(String(p.severity)) ? p.severity : 'general'
  ) as PenaltySeverity;
  const licenceRevoked = p.licenceRevoked === true;
  const decidedOn = day(p.decidedOn, chinaDay(at));
  const violationCode = str(p.violationCode);
  const kinds = Array.isArray(p.kinds) ? p.kinds.map(String) : [];
  const fine = num(p.fineAmount) ?? 0;
  const basis = citationOf(p.basis, NO_BASIS);
  const { policy } = await loadCreditPolicy(tx);
  const { by, audit } = eventActor(event);
  const source = { module: 'enforcement', type: 'case', id: caseId };
  const subjects = await subjectsOf(tx, p);
  for (const s of subjects) {
    await recordEntry(
      tx,
      {
        subject: s,
        kind: 'penalty',
        occurredOn: decidedOn,
        severity,
        summaryZh: `行政处罚（${PENALTY_SEVERITY_NAMES[severity]}）：${kinds.map((k) => (k === 'fine' && fine ? `罚款 ${fine} 元` : kindName(k).zh)).join('、') || '处罚'}${fine && !kinds.includes('fine') ? `，罚款 ${fine} 元` : ''}${licenceRevoked ? '，吊销许可证' : ''}${violationCode ? `（${violationCode}）` : ''}`,
        summaryEn: `Penalty (${severity}): ${kinds.map((k) => (k === 'fine' && fine ? `fine ¥${fine}` : kindName(k).en)).join(', ') || 'penalty'}${fine && !kinds.includes('fine') ? `, fine ¥${fine}` : ''}${licenceRevoked ? ', licence revoked' : ''}`,
        citation: basis,
        source,
        sourceEventId: event.id,
        data: { licenceRevoked, kinds, fineAmount: fine, violationCode },
        recordedBy: by,
      },
      at,
    );
    const demerit = penaltyDemerit(policy.demerits, s.type, { severity, licenceRevoked, violationCode });
    const facts = await queryRows<{ occurred_on: string }>(
      tx,
      sql`SELECT max(occurred_on)::text AS occurred_on FROM credit_entry
          WHERE subject_type = ${s.type} AND subject_id = ${s.id} AND kind = 'licence_granted' AND status = 'active'`,
    );
    await recordDemeritIn(
      tx,
      {
        subject: s,
        behaviourCode: demerit.behaviour?.code ?? null,
        points: demerit.points,
        actZh:
          demerit.behaviour?.actZh ??
          `受到${PENALTY_SEVERITY_NAMES[severity]}行政处罚${violationCode ? `（${violationCode}）` : ''}`,
        actEn: demerit.behaviour?.actEn ?? `${severity} administrative penalty`,
        article: demerit.behaviour
          ? demerit.behaviour.article
          : { zh: `${basis.zh}；${demerit.citation.zh}`, en: `${basis.en}; ${demerit.citation.en}` },
        occurredOn: decidedOn,
        cycle: demeritCycle(policy.demerits.cycle[s.type], decidedOn, {
          beds: s.establishment.beds,
          anchor: facts[0]?.occurred_on ?? null,
        }),
        source,
        sourceEventId: event.id,
        note: `由行政处罚决定（案件 ${caseId}）记分`,
        by,
        audit,
      },
      at,
    );
    for (const rule of blacklistRulesFor(policy.blacklist, {
      source: 'penalty',
      licenceRevoked,
      violationCode,
      severity,
    })) {
      await listIn(
        tx,
        s,
        {
          ruleCode: rule.code,
          reason: `${rule.nameZh}（案件 ${caseId}）`,
          basis: rule.citation,
          flags: rule.flags,
          minDays: rule.minDays,
          maxDays: rule.maxDays,
        },
        source,
        decidedOn,
        by,
        audit,
        at,
      );
    }
  }
  await recomputeSubjects(tx, subjects, at);
}

async function onPenaltyWithdrawnOrChanged(tx: Executor, event: DomainEvent, at: Date) {
  const p = event.payload;
  const caseId = String(p.caseId ?? event.aggregateId);
  const reason = str(p.reason) ?? (event.type.endsWith('withdrawn') ? '处罚决定被撤销' : '处罚决定被变更');
  const on = day(p.on, chinaDay(at));
  const { by, audit } = eventActor(event);
  const entries = await queryRows<{
    id: number;
    subject_type: 'establishment' | 'practitioner';
    subject_id: number;
  }>(
    tx,
    sql`SELECT id, subject_type, subject_id FROM credit_entry
        WHERE source_module = 'enforcement' AND source_type = 'case' AND source_id = ${caseId} AND kind = 'penalty' AND status = 'active'`,
  );
  const subjects = [
    ...(
      await resolveSubjects(
        tx,
        entries.map((e) => ({ type: e.subject_type, id: Number(e.subject_id) })),
      )
    ).values(),
  ];
  const changedDecision = event.type === 'enforcement.penalty.changed' && typeof p.severity === 'string';
  if (event.type === 'enforcement.penalty.changed' && !changedDecision) {
    // A change without the decision's content: noted on its entries.
    for (const e of entries) {
      await tx.execute(sql`UPDATE credit_entry SET data = data || ${JSON.stringify({ changed: { reason, on } })}::jsonb,
        status_reason = ${reason}, status_changed_at = ${at.toISOString()} WHERE id = ${e.id}`);
      await recordAudit(
        tx,
        audit,
        {
          action: 'credit.entry.annotate',
          entityType: 'credit_entry',
          entityId: e.id,
          diff: { changed: [null, { reason, on }] },
        },
        at,
      );
    }
    await recomputeSubjects(tx, subjects, at);
    return;
  }
  await tx.execute(sql`UPDATE credit_entry SET status = 'withdrawn', status_reason = ${reason}, status_changed_at = ${at.toISOString()}
    WHERE source_module = 'enforcement' AND source_type = 'case' AND source_id = ${caseId} AND status = 'active'`);
  for (const e of entries) {
    await recordAudit(
      tx,
      audit,
      {
        action: 'credit.entry.withdraw',
        entityType: 'credit_entry',
        entityId: e.id,
        diff: { status: ['active', 'withdrawn'], reason: [null, reason] },
      },
      at,
    );
  }
  const bySubject = new Map(subjects.map((s) => [`${s.type}:${s.id}`, s]));
  const demerits = await queryRows<DemeritRow>(
    tx,
    sql`SELECT id, subject_type, subject_id, establishment_id, region_code, points, act_zh, status, source_module, source_type, source_id
        FROM credit_demerit WHERE source_module = 'enforcement' AND source_type = 'case' AND source_id = ${caseId} AND status = 'active'`,
  );
  for (const d of demerits) {
    const s = bySubject.get(`${d.subject_type}:${Number(d.subject_id)}`);
    if (s)
      await revokeDemeritIn(
        tx,
        d,
        changedDecision ? `处罚决定变更：${reason}` : `处罚决定被撤销：${reason}`,
        by,
        audit,
        s,
        on,
        at,
      );
  }
  const listings = await queryRows<ListingRow>(
    tx,
    sql`SELECT id, subject_type, subject_id, establishment_id, rule_code, status, repair_from::text AS repair_from, ends_on::text AS ends_on
        FROM credit_blacklist WHERE source_module = 'enforcement' AND source_type = 'case' AND source_id = ${caseId} AND status = 'listed'`,
  );
  for (const l of listings) {
    const s = bySubject.get(`${l.subject_type}:${Number(l.subject_id)}`);
    if (s) await exitIn(tx, l, s, { kind: 'withdrawn', reason, on }, by, audit, at);
  }
  await recomputeSubjects(tx, subjects, at);
  // A changed decision replaces the withdrawn one: recorded as a decision would be.
  if (changedDecision) await onPenaltyDecided(tx, event, at);
}

async function onComplaintSubstantiated(tx: Executor, event: DomainEvent, at: Date) {
  const p = event.payload;
  const complaintId = String(p.complaintId ?? event.aggregateId);
  const on = day(p.on, chinaDay(at));
  const { by } = eventActor(event);
  const subjects = await subjectsOf(tx, p);
  for (const s of subjects) {
    await recordEntry(
      tx,
      {
        subject: s,
        kind: 'complaint_substantiated',
        occurredOn: on,
        summaryZh: `投诉举报经查属实（投诉 ${complaintId}）`,
        summaryEn: `Complaint ${complaintId} substantiated`,
        source: { module: 'enforcement', type: 'complaint', id: complaintId },
        sourceEventId: event.id,
        recordedBy: by,
      },
      at,
    );
  }
  const est = subjects.find((s) => s.type === 'establishment');
  const { policy, versions } = await loadCreditPolicy(tx);
  const rule = warningRule(policy.warnings, 'complaint_spike');
  if (est && rule) {
    const days = await queryRows<{ occurred_on: string }>(
      tx,
      sql`SELECT occurred_on::text AS occurred_on FROM credit_entry WHERE subject_type = 'establishment' AND subject_id = ${est.id}
            AND kind = 'complaint_substantiated' AND status = 'active' AND occurred_on > (${on}::date - 366)`,
    );
    const n = complaintSpike(
      rule,
      days.map((d) => d.occurred_on),
      on,
    );
    if (n !== null) {
      await raiseAlert(
        tx,
        await loadCalendar(tx),
        {
          establishmentId: est.id,
          regionCode: est.regionCode,
          rule,
          ruleVersion: versions.warnings,
          dedupeKey: `spike:${on.slice(0, 7)}`,
          summaryZh: `${est.name} 近 ${rule.params.withinDays} 天查实投诉 ${n} 件`,
          summaryEn: `${n} substantiated complaints in ${rule.params.withinDays} days`,
          data: { count: n, withinDays: rule.params.withinDays, lastComplaintId: complaintId },
        },
        at,
      );
    }
  }
  await recomputeSubjects(tx, subjects, at);
}

subscribe({
  subscriber: 'credit.on-enforcement',
  eventTypes: [
    'enforcement.penalty.decided',
    'enforcement.penalty.changed',
    'enforcement.penalty.withdrawn',
    'enforcement.complaint.substantiated',
  ],
  async handle(tx, event, ctx) {
    const at = ctx.now();
    if (event.type === 'enforcement.penalty.decided') return onPenaltyDecided(tx, event, at);
    if (event.type === 'enforcement.complaint.substantiated') return onComplaintSubstantiated(tx, event, at);
    return onPenaltyWithdrawnOrChanged(tx, event, at);
  },
});

// --- inspection --------------------------------------------------------------------------------

subscribe({
  subscriber: 'credit.on-inspection',
  eventTypes: [
    'inspection.inspection.completed',
    'inspection.rectification.ordered',
    'inspection.rectification.closed',
  ],
  async handle(tx, event, ctx) {
    const at = ctx.now();
    const p = event.payload;
    const { by } = eventActor(event);
    const subjects = await subjectsOf(tx, p, event.aggregateId);
    const s = subjects[0];
    if (!s) return;
    if (event.type === 'inspection.inspection.completed') {
      const items = Array.isArray(p.nonCompliantItems) ? p.nonCompliantItems.map(String) : [];
      const compliant = p.outcome === 'compliant';
      await recordEntry(
        tx,
        {
          subject: s,
          kind: compliant ? 'inspection_compliant' : 'inspection_non_compliant',
          occurredOn: day(p.inspectedOn, chinaDay(at)),
          summaryZh: compliant
            ? '监督检查合格'
            : `监督检查发现 ${items.length} 项不符合：${items.join('、')}`,
          summaryEn: compliant
            ? 'Inspection: compliant'
            : `Inspection: ${items.length} non-compliant items: ${items.join(', ')}`,
          source: {
            module: 'inspection',
            type: 'inspection',
            id: String(p.inspectionId ?? event.aggregateId),
          },
          sourceEventId: event.id,
          data: {
            nonCompliantItems: items.length,
            itemCodes: items,
            taskKind: p.taskKind ?? null,
            campaignId: p.campaignId ?? null,
          },
          recordedBy: by,
        },
        at,
      );
    } else if (event.type === 'inspection.rectification.ordered') {
      await recordEntry(
        tx,
        {
          subject: s,
          kind: 'rectification_ordered',
          occurredOn: chinaDay(new Date(event.occurredAt)),
          summaryZh: `责令限期整改，期限至 ${String(p.deadline ?? '')}`,
          summaryEn: `Rectification ordered by ${String(p.deadline ?? '')}`,
          source: {
            module: 'inspection',
            type: 'rectification',
            id: String(p.rectificationId ?? p.inspectionId ?? event.aggregateId),
          },
          sourceEventId: event.id,
          data: {
            deadline: p.deadline ?? null,
            itemCodes: p.itemCodes ?? [],
            inspectionId: p.inspectionId ?? null,
          },
          recordedBy: by,
        },
        at,
      );
    } else {
      const rectified = p.status === 'rectified';
      await recordEntry(
        tx,
        {
          subject: s,
          kind: 'rectification_closed',
          occurredOn: chinaDay(new Date(event.occurredAt)),
          summaryZh: rectified ? '复查：已整改' : '复查：逾期未整改',
          summaryEn: rectified ? 'Re-inspection: rectified' : 'Re-inspection: not rectified',
          source: {
            module: 'inspection',
            type: 'inspection',
            id: String(p.reinspectionId ?? p.inspectionId ?? event.aggregateId),
          },
          sourceEventId: event.id,
          data: { rectified, inspectionId: p.inspectionId ?? null },
          recordedBy: by,
        },
        at,
      );
    }
    await recomputeSubjects(tx, subjects, at);
  },
});

// --- licensing ---------------------------------------------------------------------------------

subscribe({
  subscriber: 'credit.on-licensing',
  eventTypes: [
    'licensing.application.decided',
    'licensing.license.status-changed',
    'licensing.commitment.false',
    'licensing.filing.false',
    'licensing.revalidation.noticed',
    'licensing.revalidation.decided',
  ],
  async handle(tx, event, ctx) {
    const at = ctx.now();
    const p = event.payload;
    const { by, audit } = eventActor(event);
    if (event.type === 'licensing.revalidation.noticed' || event.type === 'licensing.revalidation.decided') {
      const licenseId = num(p.licenseId);
      const est = num(p.establishmentId);
      if (licenseId === null) return;
      if (event.type === 'licensing.revalidation.noticed' && est !== null) {
        await tx.execute(sql`INSERT INTO credit_revalidation_watch (license_id, establishment_id, due_on, status, last_event_id, updated_at)
          VALUES (${licenseId}, ${est}, ${day(p.dueOn, chinaDay(at))}, 'due', ${event.id}, ${at.toISOString()})
          ON CONFLICT (license_id) DO UPDATE SET due_on = EXCLUDED.due_on, status = 'due', last_event_id = EXCLUDED.last_event_id,
            updated_at = EXCLUDED.updated_at WHERE credit_revalidation_watch.last_event_id < EXCLUDED.last_event_id`);
      } else {
        await tx.execute(sql`UPDATE credit_revalidation_watch SET status = 'cleared', last_event_id = ${event.id}, updated_at = ${at.toISOString()}
          WHERE license_id = ${licenseId} AND last_event_id < ${event.id}`);
      }
      return;
    }
    const subjects = await subjectsOf(tx, p);
    const s = subjects[0];
    if (!s) return;
    if (event.type === 'licensing.application.decided') {
      const decision = String(p.decision ?? '');
      const granted = decision === 'granted' || decision === 'filed';
      if (!granted && decision !== 'refused') return;
      await recordEntry(
        tx,
        {
          subject: s,
          kind: granted ? 'licence_granted' : 'application_refused',
          occurredOn: day(p.decidedOn, chinaDay(at)),
          summaryZh: `${String(p.permitCode ?? '')} ${granted ? (decision === 'filed' ? '备案完成' : '准予许可') : '不予许可'}`,
          summaryEn: `${String(p.permitCode ?? '')} ${granted ? (decision === 'filed' ? 'filing recorded' : 'granted') : 'refused'}`,
          source: { module: 'licensing', type: 'application', id: event.aggregateId },
          sourceEventId: event.id,
          data: { permitCode: p.permitCode ?? null, decision, licenseId: p.licenseId ?? null },
          recordedBy: by,
        },
        at,
      );
    } else if (event.type === 'licensing.license.status-changed') {
      const status = String(p.status ?? '');
      if (!['withdrawn', 'revoked', 'deregistered'].includes(status)) return;
      const licenseId = num(p.licenseId);
      if (licenseId !== null) {
        await tx.execute(sql`UPDATE credit_revalidation_watch SET status = 'cleared', last_event_id = ${event.id}, updated_at = ${at.toISOString()}
          WHERE license_id = ${licenseId}`);
      }
      await recordEntry(
        tx,
        {
          subject: s,
          kind: 'licence_ended',
          occurredOn: chinaDay(new Date(event.occurredAt)),
          summaryZh: `许可证 ${String(p.number ?? '')} ${{ withdrawn: '被撤销', revoked: '被吊销', deregistered: '注销' }[status]}${p.reason ? `：${String(p.reason)}` : ''}`,
          summaryEn: `Licence ${String(p.number ?? '')} ${status}`,
          source: { module: 'licensing', type: 'license', id: String(p.licenseId ?? event.aggregateId) },
          sourceEventId: event.id,
          data: { endStatus: status, permitCode: p.permitCode ?? null },
          recordedBy: by,
        },
        at,
      );
    } else {
      const kind = event.type === 'licensing.commitment.false' ? 'commitment_false' : 'filing_false';
      const foundOn = day(p.foundOn, chinaDay(at));
      const citation = citationOf(p.citation, {
        zh: '大卫健办发〔2020〕31号',
        en: 'Dalian Health 2020 No. 31',
      });
      const taskId = String(p.taskId ?? event.aggregateId);
      await recordEntry(
        tx,
        {
          subject: s,
          kind,
          occurredOn: foundOn,
          summaryZh: `${kind === 'commitment_false' ? '告知承诺' : '备案信息'}经核查不实：${String(p.findings ?? '')}`,
          summaryEn: `${kind === 'commitment_false' ? 'Commitment' : 'Filing'} found untrue: ${String(p.findings ?? '')}`,
          citation,
          source: { module: 'licensing', type: 'task', id: taskId },
          sourceEventId: event.id,
          data: { licenseId: p.licenseId ?? null, applicationId: p.applicationId ?? null },
          recordedBy: by,
        },
        at,
      );
      const { policy } = await loadCreditPolicy(tx);
      for (const rule of blacklistRulesFor(policy.blacklist, { source: kind })) {
        await listIn(
          tx,
          s,
          {
            ruleCode: rule.code,
            reason: `${rule.nameZh}（核查任务 ${taskId}）`,
            basis: rule.citation,
            flags: rule.flags,
            minDays: rule.minDays,
            maxDays: rule.maxDays,
          },
          { module: 'licensing', type: 'task', id: taskId },
          foundOn,
          by,
          audit,
          at,
        );
      }
    }
    await recomputeSubjects(tx, subjects, at);
  },
});

// --- registry ----------------------------------------------------------------------------------

/**
 * A newly registered establishment gets its default profile (credit level, risk score with its
 * parts, mode) at once, so it appears in the risk list and the sampling strata without waiting for
 * the nightly recompute. A repeated delivery recomputes the same values.
 */
subscribe({
  subscriber: 'credit.on-registry',
  eventTypes: ['registry.establishment.registered'],
  async handle(tx, event, ctx) {
    const id = num(event.payload.establishmentId) ?? num(event.aggregateId);
    if (id === null) return;
    await recomputeSubjects(tx, [{ type: 'establishment', id }], ctx.now());
  },
});
