import {
  type BenchmarkTable,
  type ComplaintPeriods,
  DEFAULT_BENCHMARK,
  DEFAULT_COMPLAINT_PERIODS,
  DEFAULT_ENFORCEMENT_SETTINGS,
  type EnforcementSettings,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { assertVersion, iso, legalToday } from './access.js';

/**
 * Versioned enforcement policy (numbers that policy sets are data): the discretion benchmark, the
 * settings (hearing amounts, legal-review criteria, periods) and the complaint periods. Version 1
 * of each is the shipped default; a case keeps the benchmark version it was recorded under.
 */
export interface PolicyContent {
  benchmark: BenchmarkTable;
  settings: EnforcementSettings;
  complaint_periods: ComplaintPeriods;
}
export type PolicyKind = keyof PolicyContent;
export const POLICY_KINDS: PolicyKind[] = ['benchmark', 'settings', 'complaint_periods'];

const DEFAULTS: PolicyContent = {
  benchmark: DEFAULT_BENCHMARK,
  settings: DEFAULT_ENFORCEMENT_SETTINGS,
  complaint_periods: DEFAULT_COMPLAINT_PERIODS,
};

/** Writes version 1 of each policy (idempotent). */
export async function ensureEnforcementDefaults(db: Executor, at: Date = new Date(0)): Promise<void> {
  for (const kind of POLICY_KINDS) {
    await db.execute(sql`INSERT INTO enforcement_policy (kind, version, effective_from, content, note, created_at)
      VALUES (${kind}, 1, '2021-07-15', ${JSON.stringify(DEFAULTS[kind])}::jsonb, '默认值 Shipped defaults', ${at.toISOString()})
      ON CONFLICT DO NOTHING`);
  }
}

export interface PolicyVersion<K extends PolicyKind> {
  kind: K;
  version: number;
  effectiveFrom: string;
  content: PolicyContent[K];
  note: string;
  createdAt: string;
  createdBy: string | null;
}

interface Row {
  kind: string;
  version: number;
  effective_from: string;
  content: unknown;
  note: string;
  created_at: Date | string;
  created_by_name: string | null;
}

const present = <K extends PolicyKind>(r: Row): PolicyVersion<K> => ({
  kind: r.kind as K,
  version: r.version,
  effectiveFrom: r.effective_from,
  content: (typeof r.content === 'string' ? JSON.parse(r.content) : r.content) as PolicyContent[K],
  note: r.note,
  createdAt: iso(r.created_at),
  createdBy: r.created_by_name,
});

/** The version in force on `day` (the shipped default when the table is empty, e.g. a bare test database). */
export async function policyInForce<K extends PolicyKind>(
  db: Executor,
  kind: K,
  day: string,
): Promise<PolicyVersion<K>> {
  const r = await queryOne<Row>(
    db,
    sql`SELECT * FROM enforcement_policy WHERE kind = ${kind} AND effective_from <= ${day} ORDER BY version DESC LIMIT 1`,
  );
  if (r) return present<K>(r);
  return {
    kind,
    version: 1,
    effectiveFrom: '2021-07-15',
    content: DEFAULTS[kind],
    note: '',
    createdAt: new Date(0).toISOString(),
    createdBy: null,
  };
}

export async function policyVersion<K extends PolicyKind>(
  db: Executor,
  kind: K,
  version: number,
): Promise<PolicyVersion<K>> {
  const r = await queryOne<Row>(
    db,
    sql`SELECT * FROM enforcement_policy WHERE kind = ${kind} AND version = ${version}`,
  );
  return r ? present<K>(r) : policyInForce(db, kind, '9999-12-31');
}

export async function policyVersions(db: Executor, kind: PolicyKind) {
  const rows = await queryRows<Row>(
    db,
    sql`SELECT * FROM enforcement_policy WHERE kind = ${kind} ORDER BY version DESC`,
  );
  return rows.map((r) => present(r));
}

/** Saves a new version (never edits one): the administrator states the version seen and the effective day. */
export async function savePolicy<K extends PolicyKind>(opts: {
  ctx: AppContext;
  actor: Actor;
  kind: K;
  content: PolicyContent[K];
  effectiveFrom: string | undefined;
  note: string;
  expectedVersion: number;
}): Promise<PolicyVersion<K>> {
  const { ctx, actor, kind } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(72081)`);
    const latest = await queryOne<{ version: number }>(
      tx,
      sql`SELECT max(version)::int AS version FROM enforcement_policy WHERE kind = ${kind}`,
    );
    const current = latest?.version ?? 0;
    assertVersion(opts.expectedVersion, current, { zh: '执法设置', en: 'Enforcement policy' });
    const version = current + 1;
    const effectiveFrom = opts.effectiveFrom ?? legalToday(ctx);
    await tx.execute(sql`INSERT INTO enforcement_policy (kind, version, effective_from, content, note, created_at, created_by, created_by_name)
      VALUES (${kind}, ${version}, ${effectiveFrom}, ${JSON.stringify(opts.content)}::jsonb, ${opts.note}, ${at.toISOString()},
        ${actor.userId}, ${actor.username})`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'enforcement.policy.save',
        entityType: 'enforcement_policy',
        entityId: `${kind}:${version}`,
        diff: { version: [current, version], effectiveFrom: [null, effectiveFrom], note: [null, opts.note] },
      },
      at,
    );
    return policyVersion(tx, kind, version);
  });
}
