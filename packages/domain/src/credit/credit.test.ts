import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar } from '../calendar/index.js';
import { blacklistRulesFor, checkRepair, DEFAULT_BLACKLIST_RULES, listingPeriod } from './blacklist.js';
import { type CreditFile, creditLevelOf, DEFAULT_CREDIT_LEVEL_RULES } from './credit-level.js';
import {
  DEFAULT_DEMERIT_RULES,
  demeritBand,
  demeritCycle,
  nextDemeritBand,
  penaltyDemerit,
} from './demerits.js';
import type { CreditFact } from './entries.js';
import { DEFAULT_GRADING_RULES, gradeAssessment } from './grading.js';
import { DEFAULT_MODE_RULES, supervisionModeOf } from './modes.js';
import { checkReading, DEFAULT_MONITORING_RULES } from './monitoring.js';
import { checkCreditPolicySection, DEFAULT_CREDIT_POLICY } from './policy.js';
import { DEFAULT_RISK_WEIGHTS, type RiskInputs, riskScore, shrunkComplaintRate } from './risk.js';
import {
  ALERT_WORKFLOW,
  checkDisposition,
  DEFAULT_WARNING_RULES,
  escalationLevel,
  guardAlertAction,
} from './warnings.js';

const TODAY = '2026-03-10';
const file = (facts: CreditFact[], demeritPoints = 0, blacklisted = false): CreditFile => ({
  facts,
  demeritPoints,
  blacklisted,
});
const clinic = { kind: 'medical', beds: null, flags: [] as string[], clinicalSubjects: ['02'] };
const inputs = (over: Partial<RiskInputs> = {}): RiskInputs => ({
  establishment: clinic,
  facts: [],
  exposureYears: 3,
  creditLevel: 'B',
  demeritPoints: 0,
  openAlerts: { high: 0, medium: 0, low: 0 },
  outOfLimitReadings: 0,
  ...over,
});

describe('demerit points (Tianjin 2010 scale)', () => {
  it('scores a penalty by its violation code, else by severity; revocation scores 10', () => {
    const byCode = penaltyDemerit(DEFAULT_DEMERIT_RULES, 'establishment', {
      severity: 'general',
      licenceRevoked: false,
      violationCode: 'medical_waste',
    });
    expect(byCode.points).toBe(4);
    expect(byCode.behaviour?.code).toBe('I06');
    expect(
      penaltyDemerit(DEFAULT_DEMERIT_RULES, 'establishment', { severity: 'serious', licenceRevoked: false })
        .points,
    ).toBe(6);
    expect(
      penaltyDemerit(DEFAULT_DEMERIT_RULES, 'establishment', { severity: 'general', licenceRevoked: true })
        .points,
    ).toBe(10);
    for (const b of DEFAULT_DEMERIT_RULES.behaviours) expect([1, 2, 4, 6, 10]).toContain(b.points);
  });

  it('bands at 12, 16 and over 20 with their consequences', () => {
    const bands = DEFAULT_DEMERIT_RULES.bands.establishment;
    expect(demeritBand(bands, 11)).toBeUndefined();
    expect(demeritBand(bands, 12)?.consequences).toContain('key_supervision');
    expect(demeritBand(bands, 20)?.consequences).toContain('meeting_with_head');
    expect(demeritBand(bands, 21)?.consequences).toContain('defer_revalidation');
    expect(nextDemeritBand(bands, 13)?.minPoints).toBe(16);
  });

  it('cycles: the calendar year, or the revalidation period from the licence anchor', () => {
    expect(demeritCycle({ mode: 'annual', citation: { zh: '', en: '' } }, TODAY)).toEqual({
      start: '2026-01-01',
      end: '2026-12-31',
      years: 1,
    });
    const rule = { mode: 'revalidation' as const, citation: { zh: '', en: '' } };
    expect(demeritCycle(rule, TODAY, { beds: 150, anchor: '2021-06-15' })).toEqual({
      start: '2024-06-15',
      end: '2027-06-14',
      years: 3,
    });
    expect(demeritCycle(rule, TODAY, { beds: 20, anchor: '2021-06-15' })).toEqual({
      start: '2025-06-15',
      end: '2026-06-14',
      years: 1,
    });
  });
});

describe('credit levels (国市监信发〔2022〕6号 A–D)', () => {
  it('A for a clean file with good records, B with no record, D for a serious penalty, C for 12 points', () => {
    const good: CreditFact[] = [{ kind: 'inspection_compliant', occurredOn: '2025-05-01' }];
    expect(creditLevelOf(file(good), DEFAULT_CREDIT_LEVEL_RULES, TODAY).level).toBe('A');
    expect(creditLevelOf(file([]), DEFAULT_CREDIT_LEVEL_RULES, TODAY).level).toBe('B');
    const serious = creditLevelOf(
      file([...good, { kind: 'penalty', occurredOn: '2026-03-01', severity: 'serious' }]),
      DEFAULT_CREDIT_LEVEL_RULES,
      TODAY,
    );
    expect(serious.level).toBe('D');
    expect(serious.reasons[0]!.metric).toBe('penalty.serious');
    expect(creditLevelOf(file(good, 12), DEFAULT_CREDIT_LEVEL_RULES, TODAY).level).toBe('C');
    expect(creditLevelOf(file(good, 0, true), DEFAULT_CREDIT_LEVEL_RULES, TODAY).level).toBe('D');
  });

  it('a penalty older than its window no longer counts', () => {
    const old: CreditFact[] = [
      { kind: 'inspection_compliant', occurredOn: '2025-05-01' },
      { kind: 'penalty', occurredOn: '2023-01-01', severity: 'serious' },
    ];
    expect(creditLevelOf(file(old), DEFAULT_CREDIT_LEVEL_RULES, TODAY).level).toBe('A');
  });

  it('property: adding a negative fact never improves the level', () => {
    const order = ['A', 'B', 'C', 'D'];
    const fact = fc.record({
      kind: fc.constantFrom(
        'penalty',
        'complaint_substantiated',
        'inspection_non_compliant',
        'inspection_compliant',
      ) as fc.Arbitrary<CreditFact['kind']>,
      occurredOn: fc
        .integer({ min: 0, max: 1500 })
        .map((d) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - d * 86_400_000).toISOString().slice(0, 10)),
      severity: fc.constantFrom('minor', 'general', 'serious') as fc.Arbitrary<
        'minor' | 'general' | 'serious'
      >,
    });
    fc.assert(
      fc.property(
        fc.array(fact, { maxLength: 8 }),
        fact,
        fc.integer({ min: 0, max: 30 }),
        (facts, extra, points) => {
          const negative = { ...extra, kind: 'penalty' as const };
          const before = creditLevelOf(file(facts, points), DEFAULT_CREDIT_LEVEL_RULES, TODAY).level;
          const after = creditLevelOf(
            file([...facts, negative], points + 1),
            DEFAULT_CREDIT_LEVEL_RULES,
            TODAY,
          ).level;
          return order.indexOf(after) >= order.indexOf(before);
        },
      ),
    );
  });
});

describe('risk score', () => {
  it('is the sum of its parts and each part the sum of its reasons, with stable reason codes', () => {
    const r = riskScore(
      inputs({
        establishment: {
          kind: 'medical',
          beds: 600,
          flags: ['dental'],
          clinicalSubjects: ['04', '32.02', '12'],
        },
        facts: [
          { kind: 'penalty', occurredOn: '2026-01-10', severity: 'general' },
          { kind: 'inspection_non_compliant', occurredOn: '2025-12-01', nonCompliantItems: 3 },
          { kind: 'complaint_substantiated', occurredOn: '2026-02-01' },
        ],
        creditLevel: 'C',
        demeritPoints: 4,
        openAlerts: { high: 1, medium: 0, low: 0 },
      }),
      DEFAULT_RISK_WEIGHTS,
      TODAY,
    );
    const sum = (xs: { points: number }[]) => Math.round(xs.reduce((s, x) => s + x.points, 0) * 10) / 10;
    expect(sum(r.parts)).toBeCloseTo(r.score, 5);
    for (const p of r.parts) expect(sum(p.reasons)).toBeCloseTo(p.points, 5);
    const codes = r.parts.flatMap((p) => p.reasons.map((x) => x.code));
    expect(codes).toEqual(
      expect.arrayContaining([
        'INH.KIND.medical',
        'INH.SVC.surgery',
        'INH.SVC.radiology',
        'INH.SVC.dental',
        'INH.BEDS.500',
        'INHERENT.CAP',
        'PEN.general',
        'FND.non_compliant',
        'CMP.excess',
        'CRD.C',
        'DMR.points',
        'MON.alert.high',
      ]),
    );
  });

  it('a serious penalty moves a low-risk clinic to severe; it decays with time', () => {
    const clean = riskScore(inputs(), DEFAULT_RISK_WEIGHTS, TODAY);
    expect(clean.level).toBe('low');
    const after = riskScore(
      inputs({
        facts: [{ kind: 'penalty', occurredOn: TODAY, severity: 'serious' }],
        creditLevel: 'D',
        demeritPoints: 6,
      }),
      DEFAULT_RISK_WEIGHTS,
      TODAY,
    );
    expect(after.level).toBe('severe');
    const later = riskScore(
      inputs({ facts: [{ kind: 'penalty', occurredOn: '2024-03-10', severity: 'serious' }] }),
      DEFAULT_RISK_WEIGHTS,
      TODAY,
    );
    expect(later.parts.find((p) => p.code === 'penalties')!.points).toBeCloseTo(7.5, 1);
  });

  it('shrinks complaint rates of small counts toward the prior', () => {
    const w = DEFAULT_RISK_WEIGHTS.complaints;
    expect(shrunkComplaintRate(0, 3, w)).toBeCloseTo(0.08, 5);
    expect(shrunkComplaintRate(1, 0.25, w)).toBeLessThan(1 / 0.25);
    expect(shrunkComplaintRate(30, 3, w)).toBeGreaterThan(shrunkComplaintRate(3, 3, w));
  });

  it('property: more penalties never lower the score; the score stays a sum of parts', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            age: fc.integer({ min: 0, max: 2000 }),
            severity: fc.constantFrom('minor', 'general', 'serious') as fc.Arbitrary<
              'minor' | 'general' | 'serious'
            >,
          }),
          { maxLength: 10 },
        ),
        (ps) => {
          const facts: CreditFact[] = ps.map((p) => ({
            kind: 'penalty',
            severity: p.severity,
            occurredOn: new Date(Date.parse(`${TODAY}T00:00:00Z`) - p.age * 86_400_000)
              .toISOString()
              .slice(0, 10),
          }));
          const a = riskScore(inputs({ facts }), DEFAULT_RISK_WEIGHTS, TODAY);
          const b = riskScore(
            inputs({ facts: [...facts, { kind: 'penalty', severity: 'minor', occurredOn: TODAY }] }),
            DEFAULT_RISK_WEIGHTS,
            TODAY,
          );
          const sum = Math.round(a.parts.reduce((s, p) => s + p.points, 0) * 10) / 10;
          return b.score >= a.score && Math.abs(sum - a.score) < 1e-9;
        },
      ),
    );
  });
});

describe('supervision modes (seed 002 二(七))', () => {
  const base = {
    kind: 'medical',
    flags: [] as string[],
    riskLevel: 'low' as const,
    creditLevel: 'A' as const,
    grade: null,
    file: file([]),
  };
  it('commitment for a clean A, stationed for a serious past, graded for dental, remote where installed', () => {
    expect(supervisionModeOf(base, DEFAULT_MODE_RULES, TODAY)).toMatchObject({
      mode: 'commitment',
      inspectionsPerYear: 0.5,
    });
    const serious = supervisionModeOf(
      {
        ...base,
        creditLevel: 'D',
        riskLevel: 'high',
        file: file([{ kind: 'penalty', occurredOn: '2025-01-01', severity: 'serious' }]),
      },
      DEFAULT_MODE_RULES,
      TODAY,
    );
    expect(serious).toMatchObject({ mode: 'stationed', inspectionsPerYear: 12 });
    expect(
      supervisionModeOf({ ...base, flags: ['dental'], grade: 'C' }, DEFAULT_MODE_RULES, TODAY),
    ).toMatchObject({ mode: 'graded', inspectionsPerYear: 3 });
    const remote = supervisionModeOf({ ...base, flags: ['remote_monitoring'] }, DEFAULT_MODE_RULES, TODAY);
    expect(remote.mode).toBe('remote');
    expect(remote.applicable).toEqual(['remote', 'commitment']);
    expect(
      supervisionModeOf({ ...base, creditLevel: 'B', riskLevel: 'medium' }, DEFAULT_MODE_RULES, TODAY),
    ).toMatchObject({ mode: 'code', inspectionsPerYear: 2 });
    const minor = file([{ kind: 'penalty', occurredOn: '2025-06-01', severity: 'minor' }]);
    expect(
      supervisionModeOf({ ...base, creditLevel: 'B', file: minor }, DEFAULT_MODE_RULES, TODAY).mode,
    ).toBe('demerit');
    expect(
      supervisionModeOf(
        { ...base, kind: 'public_place', creditLevel: 'B', file: minor },
        DEFAULT_MODE_RULES,
        TODAY,
      ).mode,
    ).toBe('code');
  });
});

describe('quantitative grading', () => {
  const full = (sector: 'dental' | 'medical_beauty') =>
    DEFAULT_GRADING_RULES.checklists
      .find((c) => c.sector === sector)!
      .items.map((i) => ({ itemCode: i.code, score: i.maxScore }));
  it('maps totals to A–D; a failed key item caps the grade at C', () => {
    expect(gradeAssessment(DEFAULT_GRADING_RULES, 'dental', full('dental'))).toMatchObject({
      total: 100,
      grade: 'A',
    });
    const keyFail = full('dental').map((s) => (s.itemCode === 'DT03' ? { ...s, score: 10 } : s));
    expect(gradeAssessment(DEFAULT_GRADING_RULES, 'dental', keyFail)).toMatchObject({
      total: 85,
      gradeByTotal: 'B',
      grade: 'C',
      cappedBy: ['DT03'],
    });
    const low = full('medical_beauty').map((s) => ({ ...s, score: s.score * 0.5 }));
    expect(gradeAssessment(DEFAULT_GRADING_RULES, 'medical_beauty', low).grade).toBe('D');
  });
  it('refuses unknown, missing and out-of-range items with field paths', () => {
    const bad = [...full('dental').slice(1), { itemCode: 'DT02', score: 99 }, { itemCode: 'XX', score: 1 }];
    try {
      gradeAssessment(DEFAULT_GRADING_RULES, 'dental', bad);
      expect.unreachable();
    } catch (e) {
      const errors = (e as { details: { errors: { path: string; code: string }[] } }).details.errors;
      expect(errors.map((x) => x.code)).toEqual(
        expect.arrayContaining(['score_out_of_range', 'unknown_item', 'item_missing', 'item_repeated']),
      );
    }
  });
});

describe('blacklist and credit repair', () => {
  it('lists on revocation and false commitments, with joint punishments and 1–3 year periods', () => {
    const hits = blacklistRulesFor(DEFAULT_BLACKLIST_RULES, {
      source: 'penalty',
      licenceRevoked: true,
      severity: 'serious',
    });
    expect(hits.map((h) => h.code)).toEqual(['BL_REVOKED']);
    expect(hits[0]!.flags).toContain('no_commitment_mode');
    expect(
      blacklistRulesFor(DEFAULT_BLACKLIST_RULES, {
        source: 'penalty',
        licenceRevoked: false,
        severity: 'serious',
      }),
    ).toEqual([]);
    expect(
      blacklistRulesFor(DEFAULT_BLACKLIST_RULES, { source: 'commitment_false' }).map((h) => h.code),
    ).toEqual(['BL_FALSE_COMMITMENT']);
    expect(listingPeriod(hits[0]!, '2026-03-10')).toEqual({
      enteredOn: '2026-03-10',
      repairFrom: '2027-03-10',
      endsOn: '2029-03-09',
    });
  });
  it('repair needs the minimum period and every condition with evidence', () => {
    const all = DEFAULT_BLACKLIST_RULES.repairConditions.map((code) => ({
      code,
      met: true,
      evidence: '罚款已缴清',
    }));
    expect(
      checkRepair(DEFAULT_BLACKLIST_RULES, { repairFrom: '2027-03-10' }, '2026-12-01', all).problems.map(
        (p) => p.code,
      ),
    ).toEqual(['minimum_period']);
    expect(
      checkRepair(DEFAULT_BLACKLIST_RULES, { repairFrom: '2027-03-10' }, '2027-03-10', all).eligible,
    ).toBe(true);
    expect(
      checkRepair(DEFAULT_BLACKLIST_RULES, { repairFrom: '2027-03-10' }, '2027-04-01', all.slice(1)).eligible,
    ).toBe(false);
  });
});

describe('monitoring readings', () => {
  const now = new Date('2026-03-10T02:00:00Z');
  const r = (metric: string, value: number, unit: string, measuredAt = '2026-03-10T01:00:00Z') =>
    checkReading(DEFAULT_MONITORING_RULES, { metric, value, unit, measuredAt }, now);
  it('converts units, flags values outside the limit, refuses the impossible', () => {
    const ok = r('water.free_chlorine', 500, 'μg/L');
    expect(ok).toMatchObject({ ok: true, reading: { value: 0.5, outOfLimit: false } });
    expect(r('water.free_chlorine', 0.1, 'mg/L')).toMatchObject({ ok: true, reading: { outOfLimit: true } });
    expect(r('water.ph', 15, 'pH')).toMatchObject({ ok: false, problem: { code: 'outside_physical_range' } });
    expect(r('water.turbidity', 1, 'mg/L')).toMatchObject({
      ok: false,
      problem: { code: 'wrong_unit', field: 'unit' },
    });
    expect(r('water.colour', 1, 'Hazen')).toMatchObject({ ok: false, problem: { code: 'unknown_metric' } });
    expect(r('air.co2', 0.2, '%')).toMatchObject({ ok: true, reading: { value: 2000, outOfLimit: true } });
    expect(r('water.ph', 7, 'pH', '2027-01-01T00:00:00Z')).toMatchObject({
      ok: false,
      problem: { code: 'clock_in_future' },
    });
  });
});

describe('warnings: workflow and escalation', () => {
  const calendar = new Calendar();
  it('moves open → assigned → checked → handled; refuses the rest with the allowed actions', () => {
    expect(guardAlertAction('open', 'assign')).toBe('assigned');
    expect(guardAlertAction('assigned', 'check')).toBe('checked');
    expect(guardAlertAction('checked', 'dispose')).toBe('handled');
    expect(() => guardAlertAction('open', 'dispose')).toThrow(/not possible/);
    expect(() => checkDisposition(false, 'lead')).toThrow();
    expect(() => checkDisposition(false, 'closed')).not.toThrow();
    expect(Object.keys(ALERT_WORKFLOW)).toEqual(['assign', 'check', 'dispose']);
  });
  it('escalates the day after the deadline, then every few working days', () => {
    const rule = DEFAULT_WARNING_RULES.rules.find((r) => r.code === 'reading_out_of_range')!;
    const due = calendar.addWorkingDays('2026-03-10', rule.responseWorkingDays).date;
    expect(due).toBe('2026-03-13');
    expect(escalationLevel(calendar, due, '2026-03-13', rule).level).toBe(0);
    expect(escalationLevel(calendar, due, '2026-03-14', rule)).toEqual({ level: 1, nextOn: '2026-03-20' });
    expect(escalationLevel(calendar, due, '2026-03-20', rule).level).toBe(2);
  });
});

describe('policy sections', () => {
  it('the defaults pass their own checks; a broken section is refused with field paths', () => {
    for (const [section, values] of Object.entries(DEFAULT_CREDIT_POLICY)) {
      expect(() => checkCreditPolicySection(section as never, values as never)).not.toThrow();
    }
    const broken = { ...DEFAULT_RISK_WEIGHTS, cutPoints: { medium: 50, high: 40, severe: 70 } };
    expect(() => checkCreditPolicySection('risk', broken)).toThrow(/cutPoints/);
  });
});
