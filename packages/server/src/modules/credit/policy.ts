import {
  CREDIT_POLICY_SECTIONS,
  type CreditPolicy,
  type CreditPolicySection,
  checkCreditPolicySection,
  DEFAULT_CREDIT_POLICY,
  DomainError,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { diffOf, recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';

/** The credit rules in force: each section's latest version (the shipped defaults when none is stored). */
export interface LoadedPolicy {
  policy: CreditPolicy;
  versions: Record<CreditPolicySection, number>;
}

export interface RuleSetVersion {
  section: CreditPolicySection;
  version: number;
  values: unknown;
  note: string;
  effectiveFrom: string | null;
  createdAt: string;
  createdBy: string | null;
}

interface Row {
  section: CreditPolicySection;
  version: number;
  values: unknown;
  note: string;
  effective_from: string | null;
  created_at: Date | string;
  created_by_name: string | null;
}

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

function present(r: Row): RuleSetVersion {
  return {
    section: r.section,
    version: r.version,
    values: parse(r.values),
    note: r.note,
    effectiveFrom: r.effective_from,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by_name,
  };
}

/** Version 1 of every section: the defaults of packages/domain credit (idempotent). */
export async function ensureCreditDefaults(db: Executor, at: Date = new Date(0)): Promise<void> {
  for (const section of CREDIT_POLICY_SECTIONS) {
    await db.execute(sql`INSERT INTO credit_rule_set (section, version, "values", note, created_at)
      VALUES (${section}, 1, ${JSON.stringify(DEFAULT_CREDIT_POLICY[section])}::jsonb, '默认规则 Defaults', ${at.toISOString()})
      ON CONFLICT DO NOTHING`);
  }
}

export async function currentRuleSets(db: Executor): Promise<RuleSetVersion[]> {
  const rows = await queryRows<Row>(
    db,
    sql`SELECT DISTINCT ON (section) section, version, "values", note, effective_from::text AS effective_from, created_at, created_by_name
        FROM credit_rule_set ORDER BY section, version DESC`,
  );
  const found = new Map(rows.map((r) => [r.section, present(r)]));
  return CREDIT_POLICY_SECTIONS.map(
    (section) =>
      found.get(section) ?? {
        section,
        version: 1,
        values: DEFAULT_CREDIT_POLICY[section],
        note: '默认规则 Defaults',
        effectiveFrom: null,
        createdAt: new Date(0).toISOString(),
        createdBy: null,
      },
  );
}

export async function ruleSetVersions(db: Executor, section: CreditPolicySection): Promise<RuleSetVersion[]> {
  const rows = await queryRows<Row>(
    db,
    sql`SELECT section, version, "values", note, effective_from::text AS effective_from, created_at, created_by_name
        FROM credit_rule_set WHERE section = ${section} ORDER BY version DESC`,
  );
  return rows.map(present);
}

export async function loadCreditPolicy(db: Executor): Promise<LoadedPolicy> {
  const sets = await currentRuleSets(db);
  const policy = { ...DEFAULT_CREDIT_POLICY } as Record<CreditPolicySection, unknown>;
  const versions = {} as Record<CreditPolicySection, number>;
  for (const s of sets) {
    policy[s.section] = s.values;
    versions[s.section] = s.version;
  }
  return { policy: policy as unknown as CreditPolicy, versions };
}

/** Saves a new version of one section (administrators; checked by the domain; audited). */
export async function saveRuleSet(opts: {
  ctx: AppContext;
  actor: Actor;
  section: CreditPolicySection;
  input: {
    values: unknown;
    note: string;
    effectiveFrom?: string | null | undefined;
    expectedVersion?: number | undefined;
  };
}): Promise<RuleSetVersion> {
  const { ctx, actor, section, input } = opts;
  checkCreditPolicySection(section, input.values as never);
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(72091)`);
    const current = (await currentRuleSets(tx)).find((s) => s.section === section)!;
    if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
      throw new DomainError(
        'version_conflict',
        `规则已被他人修改（当前版本 ${current.version}），请刷新后重试`,
        `The rules were changed meanwhile (now version ${current.version}); reload and retry`,
        { currentVersion: current.version },
      );
    }
    const version = current.version + 1;
    await tx.execute(sql`INSERT INTO credit_rule_set (section, version, "values", note, effective_from, created_at, created_by, created_by_name)
      VALUES (${section}, ${version}, ${JSON.stringify(input.values)}::jsonb, ${input.note}, ${input.effectiveFrom ?? null},
        ${at.toISOString()}, ${actor.userId}, ${actor.username})`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'credit.rules.save',
        entityType: 'credit_rule_set',
        entityId: `${section}:${version}`,
        diff: diffOf(current.values as Record<string, unknown>, input.values as Record<string, unknown>),
      },
      at,
    );
    return (await ruleSetVersions(tx, section))[0]!;
  });
}
