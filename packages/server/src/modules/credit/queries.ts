import {
  CONSEQUENCE_NAMES,
  CREDIT_ENTRY_KIND_INFO,
  CREDIT_LEVEL_NAMES,
  type CreditEntryKind,
  type CreditLevel,
  type CreditSubjectType,
  type DemeritBand,
  demeritBand,
  disclose,
  JOINT_PUNISHMENT_INFO,
  type JointPunishment,
  nextDemeritBand,
  QUALITY_GRADE_NAMES,
  type QualityGrade,
  RISK_LEVEL_NAMES,
  RISK_PART_NAMES,
  type RiskLevel,
  type RiskPart,
  SUPERVISION_MODE_NAMES,
  type SupervisionMode,
} from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { likeEscape } from '../registry/establishment-record.js';
import { loadCreditPolicy } from './policy.js';
import { recomputeSubjects } from './recompute.js';
import type {
  blacklistEntrySchema,
  creditEntrySchema,
  creditProfileSchema,
  demeritSchema,
  gradingSchema,
  overrideSchema,
  profileListQuerySchema,
  repairSchema,
} from './schemas.js';
import { creditInScope, creditNotFound, iso } from './scope.js';
import { type ResolvedSubject, resolveSubject, type Subject } from './subjects.js';

/**
 * Reads of the credit module, always inside the actor's scope, and `stratumOf`, which the
 * inspection module uses for its sampling strata.
 */
const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const n = (v: number | string | null): number | null => (v === null ? null : Number(v));

// --- stratumOf ---------------------------------------------------------------------------------

export interface EstablishmentStratum {
  /** low | medium | high | severe (the effective level, overrides applied). */
  riskLevel: RiskLevel;
  /** a | b | c | d: the credit level as a sampling-matrix key (the matrix takes lower case). */
  creditLevel: 'a' | 'b' | 'c' | 'd';
}

/**
 * The risk and credit levels of establishments for the inspection module's strata (kind × risk ×
 * credit). Establishments the credit module has not assessed yet are absent from the map (the
 * inspection module puts them at its level "default"). No scope: the caller owns the pool.
 */
export async function stratumOf(
  db: Executor,
  establishmentIds: readonly number[],
): Promise<Map<number, EstablishmentStratum>> {
  if (establishmentIds.length === 0) return new Map();
  const rows = await queryRows<{
    subject_id: number;
    risk_level: RiskLevel | null;
    credit_level: CreditLevel;
  }>(
    db,
    sql`SELECT subject_id, risk_level, credit_level FROM credit_profile
        WHERE subject_type = 'establishment' AND subject_id = ANY(${sql.param([...new Set(establishmentIds)])}::bigint[])`,
  );
  return new Map(
    rows
      .filter((r) => r.risk_level !== null)
      .map((r) => [
        Number(r.subject_id),
        {
          riskLevel: r.risk_level!,
          creditLevel: r.credit_level.toLowerCase() as EstablishmentStratum['creditLevel'],
        },
      ]),
  );
}

// --- subjects in scope --------------------------------------------------------------------------

export function subjectVisible(actor: Actor, s: ResolvedSubject): boolean {
  if (actor.kind === 'institution')
    return actor.establishmentId !== null && actor.establishmentId === s.establishmentId;
  return actor.regionPrefix !== null && s.regionCode.startsWith(actor.regionPrefix);
}

/** The subject if the actor may see it; "not found" otherwise. */
export async function subjectInScope(db: Executor, actor: Actor, subject: Subject): Promise<ResolvedSubject> {
  const s = await resolveSubject(db, subject);
  if (!s || !subjectVisible(actor, s)) throw creditNotFound(subject.type, subject.id);
  return s;
}

// --- profile -----------------------------------------------------------------------------------

interface ProfileRow {
  subject_type: CreditSubjectType;
  subject_id: number;
  establishment_id: number;
  region_code: string;
  public_code: string | null;
  name: string;
  kind: string | null;
  flags: string[];
  computed_credit_level: CreditLevel;
  credit_level: CreditLevel;
  credit_reasons: unknown;
  risk_score: number | string | null;
  computed_risk_level: RiskLevel | null;
  risk_level: RiskLevel | null;
  risk_parts: unknown;
  computed_mode: SupervisionMode | null;
  mode: SupervisionMode | null;
  modes: SupervisionMode[];
  inspections_per_year: number | string | null;
  mode_reasons: unknown;
  demerit_points: number;
  demerit_cycle_start: string;
  demerit_cycle_end: string;
  blacklisted: boolean;
  grade: QualityGrade | null;
  rule_versions: unknown;
  computed_on: string;
  computed_at: Date | string;
}

const PROFILE_COLUMNS =
  sql.raw(`subject_type, subject_id, establishment_id, region_code, public_code, name, kind, flags,
  computed_credit_level, credit_level, credit_reasons, risk_score, computed_risk_level, risk_level, risk_parts, computed_mode,
  mode, modes, inspections_per_year, mode_reasons, demerit_points, demerit_cycle_start::text AS demerit_cycle_start,
  demerit_cycle_end::text AS demerit_cycle_end, blacklisted, grade, rule_versions, computed_on::text AS computed_on, computed_at`);

type OverrideDto = z.infer<typeof overrideSchema>;

function presentBand(b: DemeritBand | undefined) {
  return b
    ? {
        minPoints: b.minPoints,
        labelZh: b.labelZh,
        labelEn: b.labelEn,
        consequences: b.consequences.map((c) => ({ code: c, ...CONSEQUENCE_NAMES[c] })),
      }
    : null;
}

/** Staff names are the regulator's internal matter: an institution user sees the office, not the person. */
const staffNameFor = (actor: Actor, name: string) => (actor.kind === 'institution' ? '监督部门' : name);

async function activeOverrides(
  db: Executor,
  actor: Actor,
  establishmentId: number,
  today: string,
): Promise<OverrideDto[]> {
  const rows = await queryRows<{
    id: number;
    target: OverrideDto['target'];
    value: string;
    inspections_per_year: number | string | null;
    reason: string;
    valid_until: string | null;
    created_at: Date | string;
    created_by_name: string;
  }>(
    db,
    sql`SELECT id, target, value, inspections_per_year, reason, valid_until::text AS valid_until, created_at, created_by_name
        FROM credit_override WHERE establishment_id = ${establishmentId} AND status = 'active'
          AND (valid_until IS NULL OR valid_until >= ${today})`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    target: r.target,
    value: r.value,
    inspectionsPerYear: n(r.inspections_per_year),
    reason: r.reason,
    validUntil: r.valid_until,
    createdAt: iso(r.created_at)!,
    createdBy: staffNameFor(actor, r.created_by_name),
  }));
}

/**
 * A subject's profile: level, risk with every part and reason, mode, points and listings. Computed
 * on first read when the credit module has not assessed the subject yet.
 */
export async function creditProfile(
  db: Executor,
  actor: Actor,
  subject: Subject,
  at: Date,
  today: string,
): Promise<z.infer<typeof creditProfileSchema>> {
  await subjectInScope(db, actor, subject);
  const load = () =>
    queryOne<ProfileRow>(
      db,
      sql`SELECT ${PROFILE_COLUMNS} FROM credit_profile WHERE subject_type = ${subject.type} AND subject_id = ${subject.id}`,
    );
  let p = await load();
  if (!p) {
    await db.transaction(async (tx) => {
      await recomputeSubjects(tx, [subject], at);
    });
    p = await load();
  }
  if (!p) throw creditNotFound(subject.type, subject.id);
  const { policy } = await loadCreditPolicy(db);
  const overrides =
    subject.type === 'establishment' ? await activeOverrides(db, actor, subject.id, today) : [];
  const ov = (t: OverrideDto['target']) => overrides.find((o) => o.target === t) ?? null;
  const bands = policy.demerits.bands[subject.type];
  const riskParts = parse<{
    parts: RiskPart[];
    cutPoints: { medium: number; high: number; severe: number };
  } | null>(p.risk_parts);
  const modeReasons = parse<{ reasons: { zh: string; en: string }[]; rule: number } | null>(p.mode_reasons);
  const grading =
    p.grade && subject.type === 'establishment'
      ? await queryOne<{ total: number | string; assessed_on: string }>(
          db,
          sql`SELECT total, assessed_on::text AS assessed_on FROM credit_grading WHERE establishment_id = ${subject.id}
              ORDER BY assessed_on DESC, id DESC LIMIT 1`,
        )
      : undefined;
  return {
    subject: {
      type: p.subject_type,
      id: Number(p.subject_id),
      name: p.name,
      establishmentId: Number(p.establishment_id),
      regionCode: p.region_code,
      publicCode: p.public_code,
      kind: p.kind,
      flags: p.flags,
    },
    computedOn: p.computed_on,
    computedAt: iso(p.computed_at)!,
    creditLevel: {
      level: p.credit_level,
      computed: p.computed_credit_level,
      nameZh: CREDIT_LEVEL_NAMES[p.credit_level].zh,
      nameEn: CREDIT_LEVEL_NAMES[p.credit_level].en,
      reasons: parse(p.credit_reasons),
      override: ov('credit_level'),
      citation: policy.levels.citation,
    },
    risk:
      p.risk_level && riskParts && p.computed_risk_level
        ? {
            score: Number(p.risk_score),
            level: p.risk_level,
            computed: p.computed_risk_level,
            nameZh: RISK_LEVEL_NAMES[p.risk_level].zh,
            parts: riskParts.parts.map((part) => ({
              ...part,
              nameZh: RISK_PART_NAMES[part.code].zh,
              nameEn: RISK_PART_NAMES[part.code].en,
            })),
            cutPoints: riskParts.cutPoints,
            override: ov('risk_level'),
            citation: policy.risk.citation,
          }
        : null,
    mode:
      p.mode && p.computed_mode && modeReasons
        ? {
            mode: p.mode,
            computed: p.computed_mode,
            nameZh: SUPERVISION_MODE_NAMES[p.mode].zh,
            nameEn: SUPERVISION_MODE_NAMES[p.mode].en,
            applicable: p.modes,
            inspectionsPerYear: Number(p.inspections_per_year),
            reasons: modeReasons.reasons,
            citation: policy.modes.rules[modeReasons.rule]?.citation ?? policy.modes.citation,
            override: ov('mode'),
          }
        : null,
    demerits: {
      points: p.demerit_points,
      cycleStart: p.demerit_cycle_start,
      cycleEnd: p.demerit_cycle_end,
      band: presentBand(demeritBand(bands, p.demerit_points)),
      nextBand: presentBand(nextDemeritBand(bands, p.demerit_points)),
    },
    blacklist: (await blacklistOf(db, actor, subject)).filter((l) => l.status === 'listed'),
    grade:
      p.grade && grading
        ? {
            grade: p.grade,
            ...{ nameZh: QUALITY_GRADE_NAMES[p.grade].zh, nameEn: QUALITY_GRADE_NAMES[p.grade].en },
            total: Number(grading.total),
            assessedOn: grading.assessed_on,
          }
        : null,
    ruleVersions: parse(p.rule_versions),
  };
}

export async function searchProfiles(db: Executor, actor: Actor, q: z.infer<typeof profileListQuerySchema>) {
  const where: SQL[] = [sql`p.subject_type = 'establishment'`, creditInScope(actor, 'p')];
  if (q.q) where.push(sql`p.name LIKE ${`%${likeEscape(q.q)}%`}`);
  if (q.region) where.push(sql`p.region_code LIKE ${`${q.region.replace(/(00)+$/, '')}%`}`);
  if (q.creditLevel) where.push(sql`p.credit_level = ${q.creditLevel}`);
  if (q.riskLevel) where.push(sql`p.risk_level = ${q.riskLevel}`);
  if (q.mode) where.push(sql`p.mode = ${q.mode}`);
  if (q.blacklisted) where.push(sql`p.blacklisted = ${q.blacklisted === 'true'}`);
  const w = sql.join(where, sql` AND `);
  const rows = await queryRows<ProfileRow & { overridden: boolean }>(
    db,
    sql`SELECT ${PROFILE_COLUMNS}, EXISTS (SELECT 1 FROM credit_override o WHERE o.establishment_id = p.subject_id AND o.status = 'active') AS overridden
        FROM credit_profile p WHERE ${w} ORDER BY p.risk_score DESC NULLS LAST, p.subject_id
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM credit_profile p WHERE ${w}`,
  );
  // Region names (GB/T 2260 reference data) for the page's codes: people read 洪家楼街道, not 370112002.
  const codes = [...new Set(rows.map((r) => r.region_code))];
  const regionNames = new Map(
    codes.length
      ? (
          await queryRows<{ code: string; name: string }>(
            db,
            sql`SELECT code, name FROM region WHERE code = ANY(${sql.param(codes)}::text[])`,
          )
        ).map((r) => [r.code, r.name])
      : [],
  );
  return {
    items: rows.map((r) => ({
      establishmentId: Number(r.subject_id),
      name: r.name,
      regionCode: r.region_code,
      regionName: regionNames.get(r.region_code) ?? r.region_code,
      kind: r.kind,
      flags: r.flags,
      creditLevel: r.credit_level,
      riskScore: n(r.risk_score),
      riskLevel: r.risk_level,
      mode: r.mode,
      inspectionsPerYear: n(r.inspections_per_year),
      demeritPoints: r.demerit_points,
      blacklisted: r.blacklisted,
      grade: r.grade,
      overridden: r.overridden,
      computedOn: r.computed_on,
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

// --- file --------------------------------------------------------------------------------------

interface EntryRow {
  id: number;
  kind: CreditEntryKind;
  polarity: 'positive' | 'negative' | 'neutral';
  severity: 'minor' | 'general' | 'serious' | null;
  occurred_on: string;
  summary_zh: string;
  summary_en: string;
  citation: unknown;
  source_module: string;
  source_type: string;
  source_id: string;
  status: 'active' | 'withdrawn';
  status_reason: string | null;
  recorded_at: Date | string;
  recorded_by_name: string | null;
}

export async function creditFile(
  db: Executor,
  actor: Actor,
  subject: Subject,
  page: { page: number; pageSize: number },
) {
  await subjectInScope(db, actor, subject);
  const rows = await queryRows<EntryRow>(
    db,
    sql`SELECT id, kind, polarity, severity, occurred_on::text AS occurred_on, summary_zh, summary_en, citation, source_module,
          source_type, source_id, status, status_reason, recorded_at, recorded_by_name
        FROM credit_entry WHERE subject_type = ${subject.type} AND subject_id = ${subject.id}
        ORDER BY occurred_on DESC, id DESC LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM credit_entry WHERE subject_type = ${subject.type} AND subject_id = ${subject.id}`,
  );
  const items: z.infer<typeof creditEntrySchema>[] = rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    kindNameZh: CREDIT_ENTRY_KIND_INFO[r.kind]?.nameZh ?? r.kind,
    kindNameEn: CREDIT_ENTRY_KIND_INFO[r.kind]?.nameEn ?? r.kind,
    polarity: r.polarity,
    severity: r.severity,
    occurredOn: r.occurred_on,
    summaryZh: r.summary_zh,
    summaryEn: r.summary_en,
    citation: parse(r.citation),
    source: { module: r.source_module, type: r.source_type, id: r.source_id },
    status: r.status,
    statusReason: r.status_reason,
    recordedAt: iso(r.recorded_at)!,
    // Institution users see that the system or "staff" recorded it, not who.
    recordedBy:
      actor.kind === 'institution' && r.recorded_by_name && !r.recorded_by_name.startsWith('event:')
        ? '监督人员'
        : r.recorded_by_name,
  }));
  return { items, total: total?.n ?? 0, page: page.page, pageSize: page.pageSize };
}

interface DemeritDbRow {
  id: number;
  subject_type: CreditSubjectType;
  subject_id: number;
  behaviour_code: string | null;
  points: number;
  act_zh: string;
  act_en: string;
  article: unknown;
  occurred_on: string;
  cycle_start: string;
  cycle_end: string;
  source_module: string;
  source_type: string;
  source_id: string;
  note: string;
  status: 'active' | 'revoked';
  revoked_reason: string | null;
  recorded_at: Date | string;
  recorded_by_name: string;
}

export const DEMERIT_COLUMNS =
  sql.raw(`id, subject_type, subject_id, behaviour_code, points, act_zh, act_en, article,
  occurred_on::text AS occurred_on, cycle_start::text AS cycle_start, cycle_end::text AS cycle_end, source_module, source_type,
  source_id, note, status, revoked_reason, recorded_at, recorded_by_name`);

export function presentDemerit(r: DemeritDbRow, actor: Actor): z.infer<typeof demeritSchema> {
  return {
    id: Number(r.id),
    subjectType: r.subject_type,
    subjectId: Number(r.subject_id),
    behaviourCode: r.behaviour_code,
    points: r.points,
    actZh: r.act_zh,
    actEn: r.act_en,
    article: parse(r.article),
    occurredOn: r.occurred_on,
    cycleStart: r.cycle_start,
    cycleEnd: r.cycle_end,
    source: { module: r.source_module, type: r.source_type, id: r.source_id },
    note: r.note,
    status: r.status,
    revokedReason: r.revoked_reason,
    recordedAt: iso(r.recorded_at)!,
    recordedBy:
      actor.kind === 'institution' && !r.recorded_by_name.startsWith('event:')
        ? '监督人员'
        : r.recorded_by_name,
  };
}

export async function demeritsOf(db: Executor, actor: Actor, subject: Subject, at: Date, today: string) {
  const profile = await creditProfile(db, actor, subject, at, today);
  const rows = await queryRows<DemeritDbRow>(
    db,
    sql`SELECT ${DEMERIT_COLUMNS} FROM credit_demerit WHERE subject_type = ${subject.type} AND subject_id = ${subject.id}
        ORDER BY occurred_on DESC, id DESC LIMIT 500`,
  );
  return { ...profile.demerits, items: rows.map((r) => presentDemerit(r, actor)) };
}

// --- blacklist ---------------------------------------------------------------------------------

interface ListingDbRow {
  id: number;
  subject_type: CreditSubjectType;
  subject_id: number;
  establishment_id: number;
  name: string;
  region_code: string;
  rule_code: string;
  reason: string;
  basis: unknown;
  flags: string[];
  source_module: string;
  source_type: string;
  source_id: string;
  entered_on: string;
  repair_from: string;
  ends_on: string;
  status: 'listed' | 'exited';
  exited_on: string | null;
  exit_kind: 'repair' | 'expiry' | 'withdrawn' | null;
  exit_reason: string | null;
}

const LISTING_COLUMNS =
  sql.raw(`b.id, b.subject_type, b.subject_id, b.establishment_id, b.name, b.region_code, b.rule_code, b.reason, b.basis,
  b.flags, b.source_module, b.source_type, b.source_id, b.entered_on::text AS entered_on, b.repair_from::text AS repair_from,
  b.ends_on::text AS ends_on, b.status, b.exited_on::text AS exited_on, b.exit_kind, b.exit_reason`);

export const presentFlag = (f: string) => {
  const info = JOINT_PUNISHMENT_INFO[f as JointPunishment];
  return { code: f, zh: info?.zh ?? f, en: info?.en ?? f, department: info?.department ?? '' };
};

interface RepairRow {
  id: number;
  blacklist_id: number;
  statement: string;
  conditions: unknown;
  status: 'pending' | 'granted' | 'refused';
  applied_at: Date | string;
  applied_by_name: string;
  decided_at: Date | string | null;
  decided_by_name: string | null;
  decision_reason: string | null;
}

function presentRepair(r: RepairRow, actor: Actor): z.infer<typeof repairSchema> {
  return {
    id: Number(r.id),
    blacklistId: Number(r.blacklist_id),
    statement: r.statement,
    conditions: parse(r.conditions),
    status: r.status,
    appliedAt: iso(r.applied_at)!,
    appliedBy: r.applied_by_name,
    decidedAt: iso(r.decided_at),
    decidedBy: r.decided_by_name === null ? null : staffNameFor(actor, r.decided_by_name),
    decisionReason: r.decision_reason,
  };
}

async function presentListings(
  db: Executor,
  actor: Actor,
  rows: ListingDbRow[],
): Promise<z.infer<typeof blacklistEntrySchema>[]> {
  const ids = rows.map((r) => Number(r.id));
  const repairs = ids.length
    ? await queryRows<RepairRow>(
        db,
        sql`SELECT id, blacklist_id, statement, conditions, status, applied_at, applied_by_name, decided_at, decided_by_name, decision_reason
            FROM credit_repair WHERE blacklist_id = ANY(${sql.param(ids)}::bigint[]) ORDER BY id`,
      )
    : [];
  return rows.map((r) => ({
    id: Number(r.id),
    subjectType: r.subject_type,
    subjectId: Number(r.subject_id),
    establishmentId: Number(r.establishment_id),
    name: r.name,
    regionCode: r.region_code,
    ruleCode: r.rule_code,
    reason: r.reason,
    basis: parse(r.basis),
    flags: r.flags.map(presentFlag),
    source: { module: r.source_module, type: r.source_type, id: r.source_id },
    enteredOn: r.entered_on,
    repairFrom: r.repair_from,
    endsOn: r.ends_on,
    status: r.status,
    exitedOn: r.exited_on,
    exitKind: r.exit_kind,
    exitReason: r.exit_reason,
    repairs: repairs
      .filter((x) => Number(x.blacklist_id) === Number(r.id))
      .map((x) => presentRepair(x, actor)),
  }));
}

async function blacklistOf(db: Executor, actor: Actor, subject: Subject) {
  const rows = await queryRows<ListingDbRow>(
    db,
    sql`SELECT ${LISTING_COLUMNS} FROM credit_blacklist b WHERE b.subject_type = ${subject.type} AND b.subject_id = ${subject.id}
        ORDER BY b.entered_on DESC, b.id DESC`,
  );
  return presentListings(db, actor, rows);
}

export async function searchBlacklist(
  db: Executor,
  actor: Actor,
  q: { status?: 'listed' | 'exited' | undefined; q?: string | undefined; page: number; pageSize: number },
) {
  const where: SQL[] = [creditInScope(actor, 'b')];
  if (q.status) where.push(sql`b.status = ${q.status}`);
  if (q.q) where.push(sql`b.name LIKE ${`%${likeEscape(q.q)}%`}`);
  const w = sql.join(where, sql` AND `);
  const rows = await queryRows<ListingDbRow>(
    db,
    sql`SELECT ${LISTING_COLUMNS} FROM credit_blacklist b WHERE ${w} ORDER BY b.entered_on DESC, b.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM credit_blacklist b WHERE ${w}`,
  );
  return {
    items: await presentListings(db, actor, rows),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function blacklistEntry(db: Executor, actor: Actor, id: number, forUpdate = false) {
  const row = await queryOne<ListingDbRow>(
    db,
    sql`SELECT ${LISTING_COLUMNS} FROM credit_blacklist b WHERE b.id = ${id} AND ${creditInScope(actor, 'b')}
        ${forUpdate ? sql`FOR UPDATE OF b` : sql``}`,
  );
  if (!row) throw creditNotFound('blacklist', id);
  return (await presentListings(db, actor, [row]))[0]!;
}

// --- gradings ----------------------------------------------------------------------------------

export async function gradingsOf(
  db: Executor,
  actor: Actor,
  establishmentId: number,
): Promise<z.infer<typeof gradingSchema>[]> {
  await subjectInScope(db, actor, { type: 'establishment', id: establishmentId });
  const rows = await queryRows<{
    id: number;
    establishment_id: number;
    sector: 'medical_beauty' | 'dental';
    rule_version: number;
    scores: unknown;
    total: number | string;
    grade: QualityGrade;
    grade_by_total: QualityGrade;
    capped_by: string[];
    assessed_on: string;
    note: string;
    recorded_at: Date | string;
    recorded_by_name: string;
  }>(
    db,
    sql`SELECT id, establishment_id, sector, rule_version, scores, total, grade, grade_by_total, capped_by, assessed_on::text AS assessed_on,
          note, recorded_at, recorded_by_name FROM credit_grading WHERE establishment_id = ${establishmentId}
        ORDER BY assessed_on DESC, id DESC`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    establishmentId: Number(r.establishment_id),
    sector: r.sector,
    ruleVersion: r.rule_version,
    scores: parse(r.scores),
    total: Number(r.total),
    grade: r.grade,
    gradeByTotal: r.grade_by_total,
    cappedBy: r.capped_by,
    assessedOn: r.assessed_on,
    note: r.note,
    recordedAt: iso(r.recorded_at)!,
    recordedBy: r.recorded_by_name,
  }));
}

// --- quotas ------------------------------------------------------------------------------------

export async function quotasOf(db: Executor, establishmentId: number) {
  const rows = await queryRows<{
    drug: string;
    monthly_quantity: number;
    unit: string;
    source: string;
    set_at: Date | string;
    set_by_name: string;
  }>(
    db,
    sql`SELECT drug, monthly_quantity, unit, source, set_at, set_by_name FROM narcotic_quota WHERE establishment_id = ${establishmentId} ORDER BY drug`,
  );
  return {
    items: rows.map((r) => ({
      drug: r.drug,
      monthlyQuantity: Number(r.monthly_quantity),
      unit: r.unit,
      source: r.source,
      setAt: iso(r.set_at)!,
      setBy: r.set_by_name,
    })),
  };
}

// --- public ------------------------------------------------------------------------------------

/** What the public portal shows of an establishment's credit (seed 001 四(四)): grade, points, listings. */
export async function publicCredit(db: Executor, publicCode: string) {
  const p = await queryOne<ProfileRow>(
    db,
    sql`SELECT ${PROFILE_COLUMNS} FROM credit_profile WHERE subject_type = 'establishment' AND public_code = ${publicCode.toUpperCase()}`,
  );
  if (!p) throw creditNotFound('establishment', publicCode);
  const grading = await queryOne<{ assessed_on: string }>(
    db,
    sql`SELECT assessed_on::text AS assessed_on FROM credit_grading WHERE establishment_id = ${p.subject_id} ORDER BY assessed_on DESC, id DESC LIMIT 1`,
  );
  const listings = await queryRows<{ reason: string; entered_on: string; ends_on: string; flags: string[] }>(
    db,
    sql`SELECT reason, entered_on::text AS entered_on, ends_on::text AS ends_on, flags FROM credit_blacklist
        WHERE subject_type = 'establishment' AND subject_id = ${p.subject_id} AND status = 'listed' AND 'publish' = ANY(flags)`,
  );
  return {
    name: p.name,
    publicCode: p.public_code!,
    grade:
      p.grade && grading
        ? {
            grade: p.grade,
            nameZh: QUALITY_GRADE_NAMES[p.grade].zh,
            nameEn: QUALITY_GRADE_NAMES[p.grade].en,
            assessedOn: grading.assessed_on,
          }
        : null,
    demeritPoints: p.demerit_points,
    demeritCycle: { start: p.demerit_cycle_start, end: p.demerit_cycle_end },
    blacklisted: listings.length > 0,
    // Through the portal's one gate (@weijian/domain disclosure) for its masking: the reason is free
    // text. The period is the listing's status, already chosen by the query (no day is needed).
    blacklist: listings.map((l) => ({
      reason: String(
        disclose('blacklist', { reason: l.reason, listed: true, marked: true, endsOn: null }, '0000-01-01')
          ?.reason ?? '',
      ),
      enteredOn: l.entered_on,
      endsOn: l.ends_on,
      flags: l.flags.map(presentFlag),
    })),
  };
}
