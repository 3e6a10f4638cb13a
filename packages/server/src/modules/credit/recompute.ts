import {
  type Calendar,
  type CreditFact,
  type CreditLevel,
  creditLevelOf,
  daysBetween,
  demeritBand,
  demeritCycle,
  type QualityGrade,
  type RiskLevel,
  type RiskResult,
  riskScore,
  type SupervisionMode,
  supervisionModeOf,
  warningRule,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { factsOf } from './entries.js';
import { type LoadedPolicy, loadCreditPolicy } from './policy.js';
import { raiseAlert } from './raise-alert.js';
import { chinaDay } from './scope.js';
import { keyOf, type ResolvedSubject, resolveSubjects, type Subject } from './subjects.js';

/**
 * Recomputes where subjects stand from their credit files: demerit points of the current cycle,
 * credit level, and for establishments the risk score with its parts and the supervision mode;
 * applies supervisors' overrides; stores the profile; and, when an existing profile's level, risk
 * level or mode changes, tells the other modules in the same transaction. A newly reached demerit
 * band raises a warning. Works on a batch so that a full recompute costs a few queries per batch.
 */
interface PreviousProfile {
  subject_type: string;
  subject_id: number;
  credit_level: CreditLevel;
  risk_level: RiskLevel | null;
  mode: SupervisionMode | null;
  demerit_band: number | null;
  demerit_cycle_start: string | null;
}

export interface RecomputeResult {
  computed: number;
  levelChanges: number;
  riskChanges: number;
}

const DAY_MS = 86_400_000;

export async function recomputeSubjects(
  tx: Executor,
  subjects: readonly Subject[],
  at: Date,
  opts: { policy?: LoadedPolicy; calendar?: Calendar } = {},
): Promise<RecomputeResult> {
  const result: RecomputeResult = { computed: 0, levelChanges: 0, riskChanges: 0 };
  const unique = [...new Map(subjects.map((s) => [keyOf(s), s])).values()];
  if (unique.length === 0) return result;
  const today = chinaDay(at);
  const loaded = opts.policy ?? (await loadCreditPolicy(tx));
  const { policy, versions } = loaded;
  const resolved = await resolveSubjects(tx, unique);
  const present = unique.filter((s) => resolved.has(keyOf(s)));
  if (present.length === 0) return result;
  const estIds = present.filter((s) => s.type === 'establishment').map((s) => s.id);
  const byType = (t: string) => present.filter((s) => s.type === t).map((s) => s.id);
  const subjectFilter = sql`((subject_type = 'establishment' AND subject_id = ANY(${sql.param(byType('establishment'))}::bigint[]))
    OR (subject_type = 'practitioner' AND subject_id = ANY(${sql.param(byType('practitioner'))}::bigint[])))`;

  const facts = await factsOf(tx, present, today);
  const demerits = await queryRows<{
    subject_type: string;
    subject_id: number;
    points: number;
    occurred_on: string;
  }>(
    tx,
    sql`SELECT subject_type, subject_id, points, occurred_on::text AS occurred_on FROM credit_demerit
        WHERE status = 'active' AND occurred_on > (${today}::date - 1100) AND ${subjectFilter}`,
  );
  const listed = new Set(
    (
      await queryRows<{ subject_type: string; subject_id: number }>(
        tx,
        sql`SELECT DISTINCT subject_type, subject_id FROM credit_blacklist WHERE status = 'listed' AND ${subjectFilter}`,
      )
    ).map((r) => `${r.subject_type}:${Number(r.subject_id)}`),
  );
  const alerts = await queryRows<{
    establishment_id: number;
    severity: 'high' | 'medium' | 'low';
    n: number;
  }>(
    tx,
    sql`SELECT establishment_id, severity, count(*)::int AS n FROM credit_alert
        WHERE status <> 'handled' AND establishment_id = ANY(${sql.param(estIds)}::bigint[]) GROUP BY establishment_id, severity`,
  );
  const readings = new Map(
    (
      await queryRows<{ establishment_id: number; n: number }>(
        tx,
        sql`SELECT establishment_id, count(*)::int AS n FROM monitoring_reading
            WHERE out_of_limit AND measured_at >= ${new Date(at.getTime() - 90 * DAY_MS).toISOString()}
              AND establishment_id = ANY(${sql.param(estIds)}::bigint[]) GROUP BY establishment_id`,
      )
    ).map((r) => [Number(r.establishment_id), r.n]),
  );
  const grades = new Map(
    (
      await queryRows<{ establishment_id: number; grade: QualityGrade }>(
        tx,
        sql`SELECT DISTINCT ON (establishment_id) establishment_id, grade FROM credit_grading
            WHERE establishment_id = ANY(${sql.param(estIds)}::bigint[]) ORDER BY establishment_id, assessed_on DESC, id DESC`,
      )
    ).map((r) => [Number(r.establishment_id), r.grade]),
  );
  const overrides = await queryRows<{
    establishment_id: number;
    target: string;
    value: string;
    inspections_per_year: number | string | null;
  }>(
    tx,
    sql`SELECT establishment_id, target, value, inspections_per_year FROM credit_override
        WHERE status = 'active' AND (valid_until IS NULL OR valid_until >= ${today})
          AND establishment_id = ANY(${sql.param(estIds)}::bigint[])`,
  );
  const overridesOf = new Map<number, typeof overrides>();
  for (const o of overrides)
    overridesOf.set(Number(o.establishment_id), [...(overridesOf.get(Number(o.establishment_id)) ?? []), o]);
  const previous = new Map(
    (
      await queryRows<PreviousProfile>(
        tx,
        sql`SELECT subject_type, subject_id, credit_level, risk_level, mode, demerit_band, demerit_cycle_start::text AS demerit_cycle_start
            FROM credit_profile WHERE ${subjectFilter}`,
      )
    ).map((p) => [`${p.subject_type}:${Number(p.subject_id)}`, p]),
  );

  const demeritsOf = new Map<string, { points: number; occurred_on: string }[]>();
  for (const d of demerits) {
    const k = `${d.subject_type}:${Number(d.subject_id)}`;
    const list = demeritsOf.get(k) ?? [];
    list.push(d);
    demeritsOf.set(k, list);
  }
  const alertsOf = new Map<number, { high: number; medium: number; low: number }>();
  for (const a of alerts) {
    const c = alertsOf.get(Number(a.establishment_id)) ?? { high: 0, medium: 0, low: 0 };
    c[a.severity] += a.n;
    alertsOf.set(Number(a.establishment_id), c);
  }
  const rows: Record<string, unknown>[] = [];
  const changes: {
    s: ResolvedSubject;
    prev: PreviousProfile;
    row: Record<string, unknown>;
    risk: RiskResult | null;
  }[] = [];
  const bandAlerts: {
    s: ResolvedSubject;
    points: number;
    band: number;
    cycleStart: string;
    label: string;
    consequences: string[];
  }[] = [];

  for (const subject of present) {
    const key = keyOf(subject);
    const s = resolved.get(key)!;
    const file = facts.get(key) ?? [];
    const anchor = latestGrant(file);
    const cycle = demeritCycle(policy.demerits.cycle[s.type], today, { beds: s.establishment.beds, anchor });
    const points = (demeritsOf.get(key) ?? [])
      .filter((d) => d.occurred_on >= cycle.start && d.occurred_on <= cycle.end)
      .reduce((sum, d) => sum + d.points, 0);
    const band = demeritBand(policy.demerits.bands[s.type], points);
    const creditFile = { facts: file, demeritPoints: points, blacklisted: listed.has(key) };
    const level = creditLevelOf(creditFile, policy.levels, today);
    const own = s.type === 'establishment' ? (overridesOf.get(s.id) ?? []) : [];
    const ov = (t: string) => own.find((o) => o.target === t);
    const creditLevel = (ov('credit_level')?.value as CreditLevel | undefined) ?? level.level;

    let risk: RiskResult | null = null;
    let riskLevel: RiskLevel | null = null;
    let mode: SupervisionMode | null = null;
    let computedMode: SupervisionMode | null = null;
    let modes: SupervisionMode[] = [];
    let perYear: number | null = null;
    let modeReasons: unknown = null;
    const grade = s.type === 'establishment' ? (grades.get(s.id) ?? null) : null;
    if (s.type === 'establishment') {
      const e = s.establishment;
      const counts = alertsOf.get(s.id) ?? { high: 0, medium: 0, low: 0 };
      risk = riskScore(
        {
          establishment: { kind: e.kind, beds: e.beds, flags: e.flags, clinicalSubjects: e.clinicalSubjects },
          facts: file,
          exposureYears: Math.max(0, daysBetween(chinaDay(new Date(e.createdAt)), today) / 365.25),
          creditLevel,
          demeritPoints: points,
          openAlerts: counts,
          outOfLimitReadings: readings.get(s.id) ?? 0,
        },
        policy.risk,
        today,
      );
      riskLevel = (ov('risk_level')?.value as RiskLevel | undefined) ?? risk.level;
      const m = supervisionModeOf(
        { kind: e.kind, flags: e.flags, riskLevel, creditLevel, grade, file: creditFile },
        policy.modes,
        today,
      );
      computedMode = m.mode;
      modes = m.applicable;
      const modeOverride = ov('mode');
      mode = (modeOverride?.value as SupervisionMode | undefined) ?? m.mode;
      perYear =
        modeOverride?.inspections_per_year != null
          ? Number(modeOverride.inspections_per_year)
          : modeOverride
            ? frequencyForMode(mode, loaded, riskLevel, grade, m.inspectionsPerYear)
            : m.inspectionsPerYear;
      // The citation is the rule's: looked up on reading, not copied into every profile.
      modeReasons = { reasons: m.reasons, rule: m.ruleIndex };
    }
    const row = {
      subject_type: s.type,
      subject_id: s.id,
      establishment_id: s.establishmentId,
      region_code: s.regionCode,
      public_code: s.type === 'establishment' ? s.establishment.publicCode : null,
      name: s.name,
      kind: s.type === 'establishment' ? s.establishment.kind : null,
      flags: s.type === 'establishment' ? s.establishment.flags : [],
      computed_credit_level: level.level,
      credit_level: creditLevel,
      credit_reasons: level.reasons,
      risk_score: risk?.score ?? null,
      computed_risk_level: risk?.level ?? null,
      risk_level: riskLevel,
      risk_parts: risk ? { parts: risk.parts, cutPoints: risk.cutPoints } : null,
      computed_mode: computedMode,
      mode,
      modes,
      inspections_per_year: perYear,
      mode_reasons: modeReasons,
      demerit_points: points,
      demerit_cycle_start: cycle.start,
      demerit_cycle_end: cycle.end,
      demerit_band: band?.minPoints ?? null,
      blacklisted: listed.has(key),
      grade,
      rule_versions: versions,
    };
    rows.push(row);
    const prev = previous.get(key);
    if (prev) changes.push({ s, prev, row, risk });
    const prevBand = prev && prev.demerit_cycle_start === cycle.start ? prev.demerit_band : null;
    if (band && (prevBand === null || band.minPoints > prevBand)) {
      bandAlerts.push({
        s,
        points,
        band: band.minPoints,
        cycleStart: cycle.start,
        label: band.labelZh,
        consequences: band.consequences,
      });
    }
  }

  await tx.execute(sql`
    INSERT INTO credit_profile (subject_type, subject_id, establishment_id, region_code, public_code, name, kind, flags,
      computed_credit_level, credit_level, credit_reasons, risk_score, computed_risk_level, risk_level, risk_parts,
      computed_mode, mode, modes, inspections_per_year, mode_reasons, demerit_points, demerit_cycle_start, demerit_cycle_end,
      demerit_band, blacklisted, grade, rule_versions, computed_on, computed_at, created_at)
    SELECT x.subject_type, x.subject_id, x.establishment_id, x.region_code, x.public_code, x.name, x.kind,
      ARRAY(SELECT jsonb_array_elements_text(x.flags)), x.computed_credit_level, x.credit_level, x.credit_reasons, x.risk_score,
      x.computed_risk_level, x.risk_level, x.risk_parts, x.computed_mode, x.mode, ARRAY(SELECT jsonb_array_elements_text(x.modes)),
      x.inspections_per_year, x.mode_reasons, x.demerit_points, x.demerit_cycle_start, x.demerit_cycle_end, x.demerit_band,
      x.blacklisted, x.grade, x.rule_versions, ${today}, ${at.toISOString()}, ${at.toISOString()}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(subject_type text, subject_id bigint, establishment_id bigint,
      region_code text, public_code text, name text, kind text, flags jsonb, computed_credit_level text, credit_level text,
      credit_reasons jsonb, risk_score numeric, computed_risk_level text, risk_level text, risk_parts jsonb, computed_mode text,
      mode text, modes jsonb, inspections_per_year numeric, mode_reasons jsonb, demerit_points int, demerit_cycle_start date,
      demerit_cycle_end date, demerit_band int, blacklisted boolean, grade text, rule_versions jsonb)
    ON CONFLICT (subject_type, subject_id) DO UPDATE SET
      establishment_id = EXCLUDED.establishment_id, region_code = EXCLUDED.region_code, public_code = EXCLUDED.public_code,
      name = EXCLUDED.name, kind = EXCLUDED.kind, flags = EXCLUDED.flags, computed_credit_level = EXCLUDED.computed_credit_level,
      credit_level = EXCLUDED.credit_level, credit_reasons = EXCLUDED.credit_reasons, risk_score = EXCLUDED.risk_score,
      computed_risk_level = EXCLUDED.computed_risk_level, risk_level = EXCLUDED.risk_level, risk_parts = EXCLUDED.risk_parts,
      computed_mode = EXCLUDED.computed_mode, mode = EXCLUDED.mode, modes = EXCLUDED.modes,
      inspections_per_year = EXCLUDED.inspections_per_year, mode_reasons = EXCLUDED.mode_reasons,
      demerit_points = EXCLUDED.demerit_points, demerit_cycle_start = EXCLUDED.demerit_cycle_start,
      demerit_cycle_end = EXCLUDED.demerit_cycle_end, demerit_band = EXCLUDED.demerit_band, blacklisted = EXCLUDED.blacklisted,
      grade = EXCLUDED.grade, rule_versions = EXCLUDED.rule_versions, computed_on = EXCLUDED.computed_on,
      computed_at = EXCLUDED.computed_at`);
  result.computed = rows.length;

  for (const { s, prev, row, risk } of changes) {
    if (prev.credit_level !== row.credit_level) {
      result.levelChanges++;
      await emitEvent(
        tx,
        {
          type: 'credit.level.changed',
          aggregateType: s.type,
          aggregateId: s.id,
          payload: {
            subjectType: s.type,
            subjectId: s.id,
            establishmentId: s.establishmentId,
            level: row.credit_level,
            previousLevel: prev.credit_level,
            computedLevel: row.computed_credit_level,
            on: today,
          },
        },
        at,
      );
    }
    if (s.type === 'establishment' && (prev.risk_level !== row.risk_level || prev.mode !== row.mode)) {
      result.riskChanges++;
      await emitEvent(
        tx,
        {
          type: 'credit.risk.changed',
          aggregateType: 'establishment',
          aggregateId: s.id,
          payload: {
            establishmentId: s.id,
            level: row.risk_level,
            score: risk?.score ?? null,
            mode: row.mode,
            inspectionsPerYear: row.inspections_per_year,
            creditLevel: row.credit_level,
            previousLevel: prev.risk_level,
            previousMode: prev.mode,
            on: today,
          },
        },
        at,
      );
    }
  }

  const bandRule = warningRule(policy.warnings, 'demerit_threshold');
  if (bandRule && bandAlerts.length) {
    const calendar = opts.calendar ?? (await loadCalendar(tx));
    for (const b of bandAlerts) {
      const who = b.s.type === 'practitioner' ? `医务人员 ${b.s.name}` : b.s.name;
      await raiseAlert(
        tx,
        calendar,
        {
          establishmentId: b.s.establishmentId,
          regionCode: b.s.regionCode,
          practitionerId: b.s.type === 'practitioner' ? b.s.id : null,
          rule: bandRule,
          ruleVersion: versions.warnings,
          dedupeKey: `${b.s.type}:${b.s.id}:${b.cycleStart}:${b.band}`,
          summaryZh: `${who} 本周期记分 ${b.points} 分，达到“${b.label}”档，应采取：${b.consequences.join('、')}`,
          summaryEn: `${b.s.type} ${b.s.id} has ${b.points} demerit points this cycle, reaching the ${b.band}-point band: ${b.consequences.join(', ')}`,
          data: {
            subjectType: b.s.type,
            subjectId: b.s.id,
            points: b.points,
            band: b.band,
            consequences: b.consequences,
          },
        },
        at,
      );
    }
  }
  return result;
}

/** The licence anchor of a revalidation-tied cycle: the latest licence granted. */
function latestGrant(file: readonly CreditFact[]): string | null {
  const grants = file.filter((f) => f.kind === 'licence_granted').map((f) => f.occurredOn);
  return grants.length ? grants.sort().at(-1)! : null;
}

/** The frequency that goes with a mode a supervisor set without one. */
function frequencyForMode(
  mode: SupervisionMode,
  loaded: LoadedPolicy,
  riskLevel: RiskLevel,
  grade: QualityGrade | null,
  fallback: number,
): number {
  const rule = loaded.policy.modes.rules.find((r) => r.mode === mode);
  if (!rule) return fallback;
  if (rule.frequency === 'by_risk') return loaded.policy.modes.frequencyByRisk[riskLevel];
  if (rule.frequency === 'by_grade') return loaded.policy.modes.frequencyByGrade[grade ?? 'ungraded'];
  return rule.frequency;
}
