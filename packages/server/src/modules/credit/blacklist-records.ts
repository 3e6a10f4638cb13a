import { type Citation, type CreditSubjectType, listingPeriod } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import { type AuditActor, recordAudit } from '../audit/record-audit.js';
import { recordEntry } from './entries.js';
import type { ResolvedSubject } from './subjects.js';

export interface Listing {
  ruleCode: string;
  reason: string;
  basis: Citation;
  flags: string[];
  minDays: number;
  maxDays: number;
}

/** Lists a subject on the blacklist (once per rule and source), with its file entry, audit and event. */
export async function listIn(
  tx: Executor,
  subject: ResolvedSubject,
  l: Listing,
  source: { module: string; type: string; id: string },
  enteredOn: string,
  by: { userId: number | null; name: string },
  audit: AuditActor,
  at: Date,
): Promise<number | undefined> {
  const existing = await queryOne<{ id: number }>(
    tx,
    sql`SELECT id FROM credit_blacklist WHERE subject_type = ${subject.type} AND subject_id = ${subject.id} AND rule_code = ${l.ruleCode}
          AND source_module = ${source.module} AND source_type = ${source.type} AND source_id = ${source.id} AND status = 'listed'`,
  );
  if (existing) return undefined;
  const period = listingPeriod(l, enteredOn);
  const row = await queryOne<{ id: number }>(
    tx,
    sql`INSERT INTO credit_blacklist (subject_type, subject_id, establishment_id, region_code, name, rule_code, reason, basis, flags,
          source_module, source_type, source_id, entered_on, repair_from, ends_on, entered_at, entered_by, entered_by_name)
        VALUES (${subject.type}, ${subject.id}, ${subject.establishmentId}, ${subject.regionCode}, ${subject.name}, ${l.ruleCode}, ${l.reason},
          ${JSON.stringify(l.basis)}::jsonb, ${sql.param(l.flags)}::text[], ${source.module}, ${source.type}, ${source.id},
          ${period.enteredOn}, ${period.repairFrom}, ${period.endsOn}, ${at.toISOString()}, ${by.userId}, ${by.name})
        RETURNING id`,
  );
  const id = Number(row!.id);
  await recordEntry(
    tx,
    {
      subject,
      kind: 'blacklist_entered',
      occurredOn: enteredOn,
      summaryZh: `列入黑名单：${l.reason}；联合惩戒：${l.flags.join('、')}；${period.repairFrom} 起可申请信用修复，${period.endsOn} 到期`,
      summaryEn: `Entered on the blacklist: ${l.reason}; joint punishments ${l.flags.join(', ')}; repair from ${period.repairFrom}, ends ${period.endsOn}`,
      citation: l.basis,
      source: { module: 'credit', type: 'blacklist', id },
      data: { blacklistId: id, ruleCode: l.ruleCode, flags: l.flags },
      recordedBy: by,
    },
    at,
  );
  await recordAudit(
    tx,
    audit,
    {
      action: 'credit.blacklist.enter',
      entityType: 'credit_blacklist',
      entityId: id,
      diff: {
        subject: [null, `${subject.type}:${subject.id}`],
        ruleCode: [null, l.ruleCode],
        reason: [null, l.reason],
        flags: [null, l.flags],
      },
    },
    at,
  );
  await emitEvent(
    tx,
    {
      type: 'credit.blacklist.entered',
      aggregateType: subject.type,
      aggregateId: subject.id,
      payload: {
        blacklistId: id,
        subjectType: subject.type,
        subjectId: subject.id,
        establishmentId: subject.establishmentId,
        name: subject.name,
        ruleCode: l.ruleCode,
        reason: l.reason,
        flags: l.flags,
        enteredOn: period.enteredOn,
        repairFrom: period.repairFrom,
        endsOn: period.endsOn,
      },
    },
    at,
  );
  return id;
}

export interface ListingRow {
  id: number;
  subject_type: CreditSubjectType;
  subject_id: number;
  establishment_id: number;
  rule_code: string;
  status: 'listed' | 'exited';
  repair_from: string;
  ends_on: string;
}

/** Ends a listing (repair, expiry, or its source withdrawn), with entry, audit and event. */
export async function exitIn(
  tx: Executor,
  listing: ListingRow,
  subject: ResolvedSubject,
  exit: { kind: 'repair' | 'expiry' | 'withdrawn'; reason: string; on: string },
  by: { userId: number | null; name: string },
  audit: AuditActor,
  at: Date,
): Promise<void> {
  await tx.execute(sql`UPDATE credit_blacklist SET status = 'exited', exited_on = ${exit.on}, exit_kind = ${exit.kind},
    exit_reason = ${exit.reason} WHERE id = ${listing.id}`);
  const how = { repair: '信用修复', expiry: '期满', withdrawn: '依据被撤销' }[exit.kind];
  await recordEntry(
    tx,
    {
      subject,
      kind: 'blacklist_exited',
      occurredOn: exit.on,
      summaryZh: `移出黑名单（${how}）：${exit.reason}`,
      summaryEn: `Left the blacklist (${exit.kind}): ${exit.reason}`,
      source: { module: 'credit', type: 'blacklist', id: listing.id },
      data: { blacklistId: listing.id, exitKind: exit.kind },
      recordedBy: by,
    },
    at,
  );
  await recordAudit(
    tx,
    audit,
    {
      action: 'credit.blacklist.exit',
      entityType: 'credit_blacklist',
      entityId: listing.id,
      diff: { status: ['listed', 'exited'], exitKind: [null, exit.kind], reason: [null, exit.reason] },
    },
    at,
  );
  await emitEvent(
    tx,
    {
      type: 'credit.blacklist.exited',
      aggregateType: subject.type,
      aggregateId: subject.id,
      payload: {
        blacklistId: listing.id,
        subjectType: subject.type,
        subjectId: subject.id,
        establishmentId: subject.establishmentId,
        ruleCode: listing.rule_code,
        exitKind: exit.kind,
        on: exit.on,
      },
    },
    at,
  );
}
