import { describe, expect, it } from 'vitest';
import {
  APPROVAL_WORKFLOW,
  addMonths,
  assertMayApply,
  assertRenewalInTime,
  availableActions,
  Calendar,
  COMMITMENT_WORKFLOW,
  checkClinicDoctors,
  checkPermitDefinition,
  competentRegionCode,
  currentHalfYearlyList,
  DEFAULT_PERMIT_CODES,
  DEFAULT_PERMIT_VERSIONS,
  DomainError,
  decisionPublicationDue,
  deferralUntil,
  FILING_WORKFLOW,
  formatLicenseNumber,
  guardTransition,
  halfYearlyLists,
  newApplicationPublicBy,
  nextRevalidation,
  readClock,
  SEED_000_ITEMS,
  SEED_004_ITEMS,
  sniffMaterialType,
  twoInOneExclusion,
  versionInForce,
} from '../index.js';

const calendar = new Calendar();
const codes = new Set(DEFAULT_PERMIT_CODES);
const latest = (code: string) =>
  DEFAULT_PERMIT_VERSIONS.filter((v) => v.code === code).sort((a, b) => b.version - a.version)[0]!.definition;

function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('the default catalogue', () => {
  it('implements the 13 items of seed 000 in their modes (备案 2, 告知承诺 1, 优化审批 10)', () => {
    const first = DEFAULT_PERMIT_VERSIONS.filter((v) => v.version === 1);
    const covered = new Set(first.flatMap((v) => v.definition.seedItems));
    expect(Object.keys(SEED_000_ITEMS).filter((i) => !covered.has(i))).toEqual([]);
    const modeOf = (item: string) =>
      new Set(first.filter((v) => v.definition.seedItems.includes(item)).map((v) => v.definition.mode));
    const count = (mode: string) =>
      Object.keys(SEED_000_ITEMS).filter((i) => modeOf(i).has(mode as never)).length;
    expect([count('filing'), count('commitment'), count('approval')]).toEqual([2, 1, 10]);
  });

  it('implements every item of seed 004, the family-planning licence abolished from 2021-07-01', () => {
    const covered = new Set(DEFAULT_PERMIT_VERSIONS.flatMap((v) => v.definition.seedItems));
    expect(Object.keys(SEED_004_ITEMS).filter((i) => !covered.has(i))).toEqual([]);
    const fp = DEFAULT_PERMIT_VERSIONS.filter((v) => v.code === 'family_planning_institution');
    expect(versionInForce(fp, '2021-06-30')?.definition.mode).toBe('approval');
    expect(versionInForce(fp, '2021-07-01')?.definition.mode).toBe('abolished');
    expect(versionInForce(fp, '2021-07-01')?.definition.replacedBy).toBe('maternal_special_technique');
    expect(latest('assisted_reproduction').level).toBe('province');
    expect(latest('premarital_exam_institution').level).toBe('county');
    expect(latest('maternal_personnel_qualification').level).toBe('city');
    expect(latest('assisted_reproduction').publication).toMatchObject({
      halfYearlyList: true,
      newApplicationWithinMonths: 1,
    });
  });

  it('every default is consistent and cited; seed 000 limits are cut to 8 working days', () => {
    for (const v of DEFAULT_PERMIT_VERSIONS) {
      expect(checkPermitDefinition(v.definition, codes), v.code).toEqual([]);
      expect(v.definition.citation.zh.length).toBeGreaterThan(10);
      expect(v.definition.legalBasis.length).toBeGreaterThan(0);
    }
    for (const code of [
      'disinfectant_producer',
      'water_supplier',
      'radiation_service_org',
      'radiation_diagnosis',
      'detox_treatment',
    ])
      expect(latest(code).committedLimitDays, code).toBe(8);
    expect(latest('public_place_hygiene')).toMatchObject({ mode: 'commitment', committedLimitDays: 0 });
    expect(latest('public_place_hygiene').conditions.length).toBeGreaterThan(5);
    expect(latest('medical_institution_practice')).toMatchObject({ twoInOne: true });
    const seal = latest('narcotic_seal_card').materials.find((m) => m.code === 'practice_license_copy');
    expect(seal?.removed?.replacedBy).toBe('registry.practice_license');
    const capital = latest('medical_institution_practice').materials.find(
      (m) => m.code === 'capital_verification',
    );
    expect(capital).toMatchObject({ required: false });
  });

  it('refuses an inconsistent edit', () => {
    const bad = { ...latest('public_place_hygiene'), conditions: [], committedLimitDays: 30 };
    expect(checkPermitDefinition(bad, codes).map((p) => p.code)).toEqual([
      'conditions_required',
      'limit_above_statutory',
    ]);
    const filing = { ...latest('clinic_filing'), siteInspection: true };
    expect(checkPermitDefinition(filing, codes).map((p) => p.code)).toEqual(['filing_without_preconditions']);
  });
});

describe('eligibility', () => {
  it('refuses an abolished type and names the replacement', () => {
    const fp = DEFAULT_PERMIT_VERSIONS.find(
      (v) => v.code === 'family_planning_institution' && v.version === 2,
    )!;
    const e = domainError(() =>
      assertMayApply(
        fp.definition,
        { kind: 'medical', categoryCode: 'A100', level: null, beds: 10 },
        '母婴保健专项技术服务许可',
      ),
    );
    expect(e.code).toBe('permit_abolished');
    expect(e.messageZh).toContain('母婴保健专项技术服务许可');
  });

  it('refuses a kind or category that cannot hold the type', () => {
    expect(
      domainError(() =>
        assertMayApply(latest('public_place_hygiene'), {
          kind: 'medical',
          categoryCode: 'D211',
          level: null,
          beds: 0,
        }),
      ).code,
    ).toBe('kind_not_eligible');
    expect(
      domainError(() =>
        assertMayApply(latest('clinic_filing'), {
          kind: 'medical',
          categoryCode: 'A100',
          level: null,
          beds: 0,
        }),
      ).code,
    ).toBe('kind_not_eligible');
    expect(() =>
      assertMayApply(latest('clinic_filing'), {
        kind: 'medical',
        categoryCode: 'D211',
        level: null,
        beds: 0,
      }),
    ).not.toThrow();
  });

  it('finds the competent region at each level', () => {
    expect(competentRegionCode('370112005', 'county')).toBe('370112');
    expect(competentRegionCode('370112', 'city')).toBe('370100');
    expect(competentRegionCode('370112', 'province')).toBe('370000');
  });

  it('knows the 两证合一 exclusions', () => {
    const f = (
      categoryCode: string,
      level: string | null,
      foreignInvestment: 'none' | 'sino_foreign' = 'none',
    ) => twoInOneExclusion({ categoryCode, level, foreignInvestment })?.code ?? null;
    expect(f('A100', 'level2')).toBeNull();
    expect(f('A100', 'level3')).toBe('level3_hospital');
    expect(f('G100', 'level3')).toBe('level3_mch');
    expect(f('E300', null)).toBe('emergency_station');
    expect(f('P110', null)).toBe('clinical_lab_centre');
    expect(f('A511', 'level1', 'sino_foreign')).toBe('sino_foreign');
  });

  it('checks clinic doctors: 中级 or above, and 5 years for a specialty clinic (not the title for TCM clinics)', () => {
    const doctor = (titleGrade: string, years: number) => ({
      id: 1,
      name: '王医生',
      profession: 'doctor',
      status: 'active',
      titleGrade,
      yearsOfPractice: years,
    });
    const codesOf = (
      categoryCode: string,
      clinicType: 'general' | 'specialty',
      d: ReturnType<typeof doctor>,
    ) => checkClinicDoctors({ categoryCode, clinicType, doctors: [d], missingIds: [] }).map((p) => p.code);
    expect(codesOf('D211', 'general', doctor('intermediate', 1))).toEqual([]);
    expect(codesOf('D211', 'general', doctor('junior', 10))).toEqual(['title_below_intermediate']);
    expect(codesOf('D212', 'general', doctor('junior', 10))).toEqual([]);
    expect(codesOf('D215', 'specialty', doctor('senior', 4))).toEqual(['specialty_needs_five_years']);
    expect(codesOf('D215', 'specialty', doctor('associate_senior', 5))).toEqual([]);
  });
});

describe('workflows', () => {
  it('lists the actions a role may take', () => {
    expect(availableActions(APPROVAL_WORKFLOW, 'submitted', ['approver']).map((a) => a.action)).toEqual([
      'accept',
      'reject',
      'request_correction',
    ]);
    expect(availableActions(APPROVAL_WORKFLOW, 'submitted', ['applicant']).map((a) => a.action)).toEqual([
      'withdraw',
    ]);
    expect(availableActions(COMMITMENT_WORKFLOW, 'draft', ['applicant']).map((a) => a.action)).toEqual([
      'sign_commitment',
      'withdraw',
    ]);
    expect(availableActions(FILING_WORKFLOW, 'filed', ['applicant', 'approver'])).toEqual([]);
  });

  it('answers invalid_transition with the allowed actions, and forbidden for the wrong role', () => {
    const e = domainError(() => guardTransition(APPROVAL_WORKFLOW, 'submitted', 'grant', ['approver']));
    expect(e.code).toBe('invalid_transition');
    expect(e.details?.allowedActions).toEqual(['accept', 'reject', 'request_correction']);
    expect(
      domainError(() => guardTransition(APPROVAL_WORKFLOW, 'submitted', 'accept', ['applicant'])).code,
    ).toBe('forbidden');
    expect(guardTransition(APPROVAL_WORKFLOW, 'under_review', 'grant', ['approver']).to).toBe('granted');
  });
});

describe('deadlines', () => {
  // 2025 国庆、中秋: 10-01..10-08 off; 09-28 (Sunday) and 10-11 (Saturday) are working days.
  it('counts 5 working days to accept across the National Day holiday', () => {
    const r = readClock(calendar, { start: '2025-09-26', limit: 5, stops: [], asOf: '2025-09-26' });
    expect(r.due).toBe('2025-10-10'); // 09-28, 09-29, 09-30, 10-09, 10-10
  });

  it('stops the clock for a correction: no due date while stopped, the rest after it resumes', () => {
    const stop = { kind: 'correction' as const, from: '2025-09-29', to: null };
    const stopped = readClock(calendar, { start: '2025-09-26', limit: 5, stops: [stop], asOf: '2025-10-09' });
    expect(stopped).toMatchObject({ due: null, stopped: true, elapsed: 2, remaining: 3 });
    const resumed = readClock(calendar, {
      start: '2025-09-26',
      limit: 5,
      stops: [{ ...stop, to: '2025-10-13' }],
      asOf: '2025-10-14',
    });
    // Counted: 09-28, 09-29; stopped 09-30..10-13; then 10-14, 10-15, 10-16.
    expect(resumed).toMatchObject({
      due: '2025-10-16',
      stopped: false,
      elapsed: 3,
      remaining: 2,
      excludedWorkingDays: 5,
    });
    expect(
      readClock(calendar, {
        start: '2025-09-26',
        limit: 5,
        stops: [{ ...stop, to: '2025-10-13' }],
        asOf: '2025-10-17',
      }).overdue,
    ).toBe(true);
  });

  it('a same-day limit falls on the next working day when started on a rest day', () => {
    expect(readClock(calendar, { start: '2025-10-03', limit: 0, stops: [], asOf: '2025-10-03' }).due).toBe(
      '2025-10-09',
    );
    expect(readClock(calendar, { start: '2025-10-09', limit: 0, stops: [], asOf: '2025-10-09' }).due).toBe(
      '2025-10-09',
    );
  });

  it('renewal is applied for 30 days before expiry', () => {
    expect(() => assertRenewalInTime('2026-05-01', '2026-05-31')).not.toThrow();
    expect(domainError(() => assertRenewalInTime('2026-05-02', '2026-05-31')).code).toBe('renewal_too_late');
  });
});

describe('periods and schedules', () => {
  it('adds months to the corresponding day or the month’s last day (民法典 §202)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('publishes decisions within 7 working days and new ART applications within a month', () => {
    expect(decisionPublicationDue(calendar, '2025-09-30')).toBe('2025-10-16'); // 10-11 is a make-up working day
    // One month after 2025-09-01 is 10-01, a holiday: the period ends on 10-09 (民法典 §203).
    expect(newApplicationPublicBy(calendar, '2025-09-01')).toBe('2025-10-09');
  });

  it('schedules the half-yearly lists', () => {
    expect(halfYearlyLists(2026)).toEqual([
      { asOf: '2025-12-31', publishBy: '2026-01-15' },
      { asOf: '2026-06-30', publishBy: '2026-07-15' },
    ]);
    expect(currentHalfYearlyList('2026-03-10')).toEqual({ asOf: '2025-12-31', publishBy: '2026-01-15' });
    expect(currentHalfYearlyList('2026-07-01')).toEqual({ asOf: '2026-06-30', publishBy: '2026-07-15' });
  });

  it('revalidates medical institutions yearly under 100 beds and every 3 years from 100, 母婴保健 every 3 years', () => {
    const medical = latest('medical_institution_practice').revalidation!;
    expect(nextRevalidation(medical, 99, '2026-03-10')).toMatchObject({
      dueOn: '2027-03-10',
      cycleYears: 1,
      noticeOn: '2026-12-10',
    });
    expect(nextRevalidation(medical, 100, '2026-03-10')).toMatchObject({
      dueOn: '2029-03-10',
      cycleYears: 3,
    });
    expect(
      nextRevalidation(latest('maternal_special_technique').revalidation!, 5, '2026-03-10').cycleYears,
    ).toBe(3);
  });

  it('defers a revalidation for 1 to 6 months only', () => {
    expect(deferralUntil('2026-03-10', 3)).toBe('2026-06-10');
    expect(domainError(() => deferralUntil('2026-03-10', 7)).code).toBe('invalid_deferral');
    expect(domainError(() => deferralUntil('2026-03-10', 0)).code).toBe('invalid_deferral');
  });
});

describe('files and numbers', () => {
  it('recognises PDF, JPEG and PNG by their first bytes only', () => {
    expect(sniffMaterialType(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMaterialType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMaterialType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      'image/png',
    );
    expect(sniffMaterialType(new TextEncoder().encode('PK\u0003\u0004 docx'))).toBeNull();
    expect(sniffMaterialType(new Uint8Array())).toBeNull();
  });

  it('formats licence numbers', () => {
    expect(formatLicenseNumber('卫公', '370112', 2026, 7)).toBe('卫公字〔2026〕第37011200007号');
  });
});
