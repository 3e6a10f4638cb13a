import { describe, expect, it } from 'vitest';
import { Calendar } from '../calendar/calendar.js';
import { DomainError } from '../errors.js';
import {
  assertBenchmarkRespected,
  benchmarkEntry,
  checkAgainstBenchmark,
  DEFAULT_BENCHMARK,
} from './benchmark.js';
import {
  assertEnoughOfficers,
  assertRecusalLeavesEnough,
  decisionDue,
  earliestHearingDate,
  hearingRequestDue,
  paymentDue,
  rightsPeriodsOver,
  serviceDue,
} from './case-rules.js';
import { CASE_WORKFLOW } from './case-workflow.js';
import {
  COMPLAINT_CATEGORIES,
  formatQueryCode,
  isDuplicateComplaint,
  normaliseQueryCode,
  routeComplaint,
  suggestComplaintCategory,
} from './complaints.js';
import {
  hearingRight,
  lateSurcharge,
  majorDecision,
  penaltySeverity,
  publicationPlan,
  publicationVisible,
  DEFAULT_ENFORCEMENT_SETTINGS as S,
  withdrawalDue,
} from './penalties.js';
import { publishedParty, redactText } from './publication.js';
import { enforcementActions, guardEnforcementTransition } from './state-table.js';

const cal = new Calendar();

describe('complaint routing by the responsibility map (seed 002 annex 3)', () => {
  it.each([
    ['pricing', 'market'],
    ['drugs_devices', 'market'],
    ['insurance_fraud', 'insurance'],
    ['violence_against_staff', 'police'],
    ['illegal_practice_crime', 'police'],
    ['radiation_safety', 'environment'],
    ['medical_waste', 'environment'],
    ['illegal_practice', 'supervision'],
    ['medical_quality', 'health'],
  ])('%s → %s, with the duty quoted', (category, department) => {
    const r = routeComplaint(category);
    expect(r.departmentCode).toBe(department);
    expect(r.citation.zh).toContain('附件3');
  });

  it('suggests a category from the text, and "other" (health) when nothing matches', () => {
    expect(suggestComplaintCategory('这家诊所收费太高，乱收费').code).toBe('pricing');
    expect(suggestComplaintCategory('有人在医院打人，殴打医生').code).toBe('violence_against_staff');
    expect(suggestComplaintCategory('医保卡被盗刷，怀疑骗保')).toMatchObject({ code: 'insurance_fraud' });
    expect(suggestComplaintCategory('楼下有家黑诊所，无证行医').code).toBe('illegal_practice');
    expect(suggestComplaintCategory('你好')).toEqual({ code: 'other', matched: [] });
    expect(new Set(COMPLAINT_CATEGORIES.map((c) => c.code)).size).toBe(COMPLAINT_CATEGORIES.length);
  });

  it('treats the same matter as a duplicate: same category and establishment, or same name in the county', () => {
    const a = { categoryCode: 'pricing', establishmentId: 7, establishmentText: '', regionCode: '370112001' };
    expect(isDuplicateComplaint({ ...a }, a)).toBe(true);
    expect(isDuplicateComplaint({ ...a, categoryCode: 'drugs_devices' }, a)).toBe(false);
    expect(isDuplicateComplaint({ ...a, establishmentId: 8 }, a)).toBe(false);
    const b = {
      categoryCode: 'illegal_practice',
      establishmentId: null,
      establishmentText: '张三 诊所！',
      regionCode: '370112005',
    };
    expect(isDuplicateComplaint({ ...b, establishmentText: '张三诊所', regionCode: '370112001' }, b)).toBe(
      true,
    );
    expect(isDuplicateComplaint({ ...b, regionCode: '370102001' }, b)).toBe(false);
  });

  it('makes query codes of 12 base-32 characters and reads them back forgivingly', () => {
    const code = formatQueryCode(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(normaliseQueryCode(code.toLowerCase().replaceAll('-', ' '))).toBe(code);
    expect(normaliseQueryCode('abc')).toBeNull();
  });
});

describe('case deadlines (行政处罚法 §60, §61, §64, §67, §85)', () => {
  it('counts the 90 days in calendar days and moves a last day off the Qingming holiday', () => {
    // 2026-01-05 + 90 days = Sunday 2026-04-05, inside 清明 (4–6 April): the limit ends on 7 April.
    expect(decisionDue(cal, '2026-01-05').date).toBe('2026-04-07');
    expect(decisionDue(cal, '2026-01-05', 30).date).toBe('2026-05-06');
  });
  it('counts the 5- and 7-day periods in working days across the Labour Day holiday', () => {
    expect(hearingRequestDue(cal, '2026-04-30').date).toBe('2026-05-11');
    expect(serviceDue(cal, '2026-04-30').date).toBe('2026-05-13'); // 9 May is a make-up working day
    expect(earliestHearingDate(cal, '2026-04-30').date).toBe('2026-05-13');
    expect(paymentDue(cal, '2026-09-20').date).toBe('2026-10-08');
  });
  it('lets a decision be proposed only after the periods, or after a waiver', () => {
    const p = { statementDue: '2026-03-13', hearingRequestDue: '2026-03-17', waived: false };
    expect(rightsPeriodsOver({ ...p, today: '2026-03-16' })).toBe(false);
    expect(rightsPeriodsOver({ ...p, today: '2026-03-18' })).toBe(true);
    expect(rightsPeriodsOver({ ...p, today: '2026-03-11', waived: true })).toBe(true);
  });
  it('caps the 3%-a-day surcharge at the fine', () => {
    expect(lateSurcharge(20_000, '2026-04-01', '2026-04-01')).toEqual({
      daysLate: 0,
      amount: 0,
      capped: false,
    });
    expect(lateSurcharge(20_000, '2026-04-01', '2026-04-11')).toEqual({
      daysLate: 10,
      amount: 6_000,
      capped: false,
    });
    expect(lateSurcharge(20_000, '2026-04-01', '2026-06-01')).toEqual({
      daysLate: 61,
      amount: 20_000,
      capped: true,
    });
    expect(lateSurcharge(1_234.56, '2026-04-01', '2026-04-02').amount).toBe(37.04);
  });
  it('refuses fewer than two officers, and a recusal that would leave one', () => {
    expect(() => assertEnoughOfficers(1)).toThrow(DomainError);
    expect(() => assertEnoughOfficers(2)).not.toThrow();
    expect(() => assertRecusalLeavesEnough(2, 0)).toThrow(/fewer than 2/);
    expect(() => assertRecusalLeavesEnough(2, 1)).not.toThrow();
    expect(() => assertRecusalLeavesEnough(3, 0)).not.toThrow();
  });
});

describe('the case state table', () => {
  it('lists the actions of a state for the roles held, and refuses others with invalid_transition', () => {
    expect(enforcementActions(CASE_WORKFLOW, 'proposed', ['approver']).map((a) => a.action)).toEqual([
      'approve_opening',
      'refuse_opening',
      'add_officer',
      'recuse_officer',
    ]);
    try {
      guardEnforcementTransition(CASE_WORKFLOW, 'investigating', 'decide', ['approver']);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe('invalid_transition');
      expect((e as DomainError).details?.allowedActions).toContain('extend_deadline');
    }
    expect(() =>
      guardEnforcementTransition(CASE_WORKFLOW, 'legal_review', 'approve_legal_review', ['investigator']),
    ).toThrow(/may not/);
    expect(guardEnforcementTransition(CASE_WORKFLOW, 'served', 'record_payment', ['investigator']).next).toBe(
      'served',
    );
  });
});

describe('hearing, legal review, severity and publication', () => {
  const fine = (n: number) => ({ kinds: ['fine' as const], fineAmount: n, confiscationAmount: 0 });
  it('gives a hearing for large fines and heavy penalties (§63) and flags major decisions (§58)', () => {
    expect(hearingRight(fine(99_999), 'organisation', S).available).toBe(false);
    expect(hearingRight(fine(100_000), 'organisation', S).available).toBe(true);
    expect(hearingRight(fine(10_000), 'person', S).available).toBe(true);
    expect(
      hearingRight(
        { kinds: ['warning', 'revocation'], fineAmount: 0, confiscationAmount: 0 },
        'organisation',
        S,
      ).available,
    ).toBe(true);
    expect(
      majorDecision(fine(5_000), 'organisation', { hearingHeld: false, flaggedComplex: false }, S).major,
    ).toBe(false);
    expect(
      majorDecision(fine(5_000), 'organisation', { hearingHeld: true, flaggedComplex: false }, S).reasons,
    ).toEqual(['经过听证程序']);
  });

  it('derives severity and the publication period of 《信用修复管理办法》', () => {
    expect(penaltySeverity({ kinds: ['warning'], fineAmount: 0, confiscationAmount: 0 }, 'general')).toBe(
      'minor',
    );
    expect(penaltySeverity(fine(3_000), 'general')).toBe('general');
    expect(penaltySeverity(fine(3_000), 'serious')).toBe('serious');
    expect(
      penaltySeverity({ kinds: ['fine', 'revocation'], fineAmount: 1, confiscationAmount: 0 }, 'minor'),
    ).toBe('serious');
    const base = { calendar: cal, decidedOn: '2026-03-10', partyIsMinor: false };
    expect(publicationPlan({ ...base, severity: 'minor' })).toMatchObject({
      publish: false,
      withheld: 'minor_severity',
    });
    expect(publicationPlan({ ...base, severity: 'minor', publishMinor: true })).toMatchObject({
      publish: true,
      maxUntil: '2026-06-10',
    });
    expect(publicationPlan({ ...base, severity: 'general' })).toMatchObject({
      publish: true,
      publishBy: '2026-03-19',
      minUntil: '2026-06-10',
      maxUntil: '2027-03-10',
    });
    expect(publicationPlan({ ...base, severity: 'serious' })).toMatchObject({
      minUntil: '2027-03-10',
      maxUntil: '2029-03-10',
    });
    expect(publicationPlan({ ...base, severity: 'serious', partyIsMinor: true })).toMatchObject({
      publish: false,
      withheld: 'minor_party',
    });
    const shown = { publishedOn: '2026-03-12', maxUntil: '2027-03-10', withdrawnOn: null };
    expect(publicationVisible(shown, '2027-03-09')).toBe(true);
    expect(publicationVisible(shown, '2027-03-10')).toBe(false);
    expect(publicationVisible({ ...shown, withdrawnOn: '2026-04-01' }, '2026-05-01')).toBe(false);
    expect(withdrawalDue(cal, '2026-04-30')).toBe('2026-05-08');
  });
});

describe('the discretion benchmark', () => {
  const entry = benchmarkEntry(DEFAULT_BENCHMARK, 'public_place_no_licence');
  it('suggests a range per circumstance and asks for a reason outside it', () => {
    const inRange = checkAgainstBenchmark(entry, 'general', {
      kinds: ['warning', 'fine'],
      fineAmount: 3_000,
      confiscationAmount: 0,
    });
    expect(inRange.withinBenchmark).toBe(true);
    expect(inRange.suggested.fine).toEqual({ min: 2_000, max: 5_000 });
    const outside = checkAgainstBenchmark(entry, 'general', {
      kinds: ['warning', 'fine'],
      fineAmount: 8_000,
      confiscationAmount: 0,
    });
    expect(outside.deviations.map((d) => d.code)).toEqual(['fine_above_range']);
    expect(() => assertBenchmarkRespected(outside, '')).toThrow(/reason/);
    expect(() => assertBenchmarkRespected(outside, '多次擅自营业')).not.toThrow();
    const unlawful = checkAgainstBenchmark(entry, 'serious', {
      kinds: ['fine'],
      fineAmount: 50_000,
      confiscationAmount: 0,
    });
    expect(() => assertBenchmarkRespected(unlawful, 'any reason')).toThrow(/law allows/);
  });
  it('computes fines that are multiples of the illegal income, with the 10,000-yuan floor', () => {
    const e = benchmarkEntry(DEFAULT_BENCHMARK, 'unlicensed_practice');
    const c = checkAgainstBenchmark(
      e,
      'minor',
      { kinds: ['fine', 'confiscation'], fineAmount: 60_000, confiscationAmount: 3_000 },
      3_000,
    );
    expect(c.suggested.fine).toEqual({ min: 50_000, max: 80_000 });
    expect(c.statutory.fine).toEqual({ min: 50_000, max: 200_000 });
    expect(c.withinBenchmark).toBe(true);
  });
});

describe('masking before publication', () => {
  it('masks ID numbers, phones and other persons’ names in the facts, and a natural person’s name', () => {
    const text = '经查，患者李小明（身份证370112198001011234，电话13812345678）在该所接受治疗，李小明称……';
    const out = redactText(text, ['李小明']);
    expect(out).not.toContain('李小明');
    expect(out).toContain('李**');
    expect(out).toContain('370112********1234');
    expect(out).toContain('138****5678');
    expect(
      publishedParty({ kind: 'person', name: '王大锤', creditCode: null, legalRepresentative: null }).party
        .name,
    ).toBe('王**');
    expect(
      publishedParty({
        kind: 'organisation',
        name: '某诊所',
        creditCode: '9137',
        legalRepresentative: '张三',
      }).party,
    ).toMatchObject({
      name: '某诊所',
      legalRepresentative: '张三',
    });
  });
});
