import { describe, expect, it } from 'vitest';
import { Calendar } from '../calendar/index.js';
import { availableCampaignActions, campaignTransition } from './campaign-states.js';
import { defaultChecklists, mergeChecklists } from './checklists.js';
import { coverage, forecastCoverage } from './coverage.js';
import { outcomeOf, publicationDue, rectificationTerms } from './findings.js';
import { DEFAULT_INSPECTION_POLICY } from './policy.js';
import { parseRatio, ratioFromNumber, sampleSize } from './ratio.js';
import { checkSamplingMatrix, defaultSamplingMatrix, stratumOf } from './sampling.js';

describe('ratios and sample sizes', () => {
  it('computes ceil(r × N) exactly (0.7 × 10 is 7, not 8)', () => {
    expect(sampleSize('0.7', 10)).toBe(7);
    expect(sampleSize('0.2', 5)).toBe(1);
    expect(sampleSize('0.2', 6)).toBe(2);
    expect(sampleSize('0.333333', 7)).toBe(3);
    expect(sampleSize('1', 13)).toBe(13);
    expect(sampleSize('0', 13)).toBe(0);
    expect(sampleSize('0.05', 0)).toBe(0);
    expect(sampleSize('0.000001', 1_000_000)).toBe(1);
  });

  it('writes a ratio one way only and refuses ratios outside 0–1', () => {
    expect(ratioFromNumber(0.2)).toBe('0.2');
    expect(ratioFromNumber(1)).toBe('1');
    expect(ratioFromNumber(0)).toBe('0');
    expect(ratioFromNumber(0.05)).toBe('0.05');
    for (const bad of [-0.1, 1.01, 2, Number.NaN, 0.0000001]) expect(() => ratioFromNumber(bad)).toThrow();
    for (const bad of ['0.20', '1.0', '.5', '0.', '1.5', '0.1234567'])
      expect(() => parseRatio(bad)).toThrow();
  });
});

describe('strata', () => {
  const matrix = defaultSamplingMatrix(DEFAULT_INSPECTION_POLICY);

  it('puts key sectors in strata of their own at ratio 1 and the rest at the default ratio', () => {
    expect(stratumOf({ kind: 'medical', flags: ['dental'] }, matrix)).toMatchObject({
      id: 'medical/dental/default/default',
      ratio: '1',
    });
    expect(stratumOf({ kind: 'medical', flags: ['village_clinic'] }, matrix)).toMatchObject({
      id: 'medical/village_clinic/default/default',
      ratio: '0.2',
    });
    expect(stratumOf({ kind: 'public_place', flags: [] }, matrix)).toMatchObject({
      id: 'public_place/general/default/default',
      ratio: '0.2',
    });
    // A flag earlier in the registry's order wins: 医疗美容 before 口腔.
    expect(stratumOf({ kind: 'medical', flags: ['dental', 'medical_beauty'] }, matrix).id).toBe(
      'medical/medical_beauty/default/default',
    );
  });

  it('uses the matrix cell of (kind, risk, credit) and the kind qualification', () => {
    const m = {
      ...matrix,
      cells: [{ kind: 'medical' as const, riskLevel: 'high', creditLevel: 'c', ratio: 0.5 }],
      qualifications: [{ kind: 'radiation' as const, qualification: 'radiation' }],
    };
    expect(stratumOf({ kind: 'medical', flags: [], riskLevel: 'high', creditLevel: 'c' }, m)).toMatchObject({
      id: 'medical/general/high/c',
      ratio: '0.5',
    });
    expect(stratumOf({ kind: 'radiation', flags: [] }, m).qualification).toBe('radiation');
  });

  it('refuses a ratio outside 0–1, naming the field', () => {
    expect(() => checkSamplingMatrix({ ...matrix, defaultRatio: 1.5 })).toThrow(/sampling\.defaultRatio/);
    expect(() =>
      checkSamplingMatrix({
        ...matrix,
        cells: [{ kind: 'medical', riskLevel: 'default', creditLevel: 'default', ratio: -0.1 }],
      }),
    ).toThrow(/sampling\.cells\[0\]\.ratio/);
  });
});

describe('checklists', () => {
  it('derives one checklist per kind and department from the compliance guides', () => {
    const lists = defaultChecklists();
    const medical = lists.filter((l) => l.kind === 'medical').map((l) => l.departmentCode);
    expect(medical).toEqual(
      expect.arrayContaining(['supervision', 'health', 'police', 'market', 'environment', 'insurance']),
    );
  });

  it('merges a joint inspection into one list: each item once, in department order, at its worst severity', () => {
    const merged = mergeChecklists(
      [
        {
          departmentCode: 'supervision',
          items: [
            { code: 'A', what: '资质', basis: '条例', severity: 'major' },
            { code: 'S', what: '共用', basis: '法 1', severity: 'minor' },
          ],
        },
        {
          departmentCode: 'market',
          items: [
            { code: 'M', what: '价格', basis: '价格法', severity: 'major' },
            { code: 'S', what: '共用', basis: '法 2', severity: 'critical' },
          ],
        },
      ],
      ['market', 'supervision'],
    );
    expect(merged.map((i) => i.code)).toEqual(['M', 'S', 'A']);
    expect(merged[1]).toMatchObject({
      departments: ['market', 'supervision'],
      severity: 'critical',
      basis: '法 2；法 1',
    });
  });
});

describe('findings', () => {
  const calendar = new Calendar();

  it('orders rectification in working days by the most serious finding', () => {
    const t = rectificationTerms({
      calendar,
      inspectedOn: '2025-09-26',
      severities: ['minor', 'major'],
      policy: DEFAULT_INSPECTION_POLICY,
    });
    expect(t.workingDays).toBe(10);
    // National Day 2025: 10 working days after Friday 26 September is 17 October (28 Sept and 11 Oct are make-up days).
    expect(t.deadline.date).toBe(calendar.addWorkingDays('2025-09-26', 10).date);
    expect(t.reinspectionDue.date).toBe(calendar.addWorkingDays(t.deadline.date, 10).date);
  });

  it('accepts a period the officers set, within 1–60 working days', () => {
    const base = {
      calendar,
      inspectedOn: '2026-03-10',
      severities: ['minor' as const],
      policy: DEFAULT_INSPECTION_POLICY,
    };
    expect(rectificationTerms({ ...base, workingDays: 3 }).workingDays).toBe(3);
    expect(() => rectificationTerms({ ...base, workingDays: 0 })).toThrow();
    expect(() => rectificationTerms({ ...base, workingDays: 61 })).toThrow();
  });

  it('publishes within 20 working days and tells the outcome', () => {
    expect(publicationDue(calendar, '2026-03-10', DEFAULT_INSPECTION_POLICY).date).toBe(
      calendar.addWorkingDays('2026-03-10', 20).date,
    );
    expect(outcomeOf(['compliant', 'not_applicable'])).toBe('compliant');
    expect(outcomeOf(['compliant', 'non_compliant'])).toBe('non_compliant');
  });
});

describe('campaign states', () => {
  it('allows a draw once and no edit after approval', () => {
    expect(campaignTransition('frozen', 'draw')).toBe('drawn');
    expect(() => campaignTransition('drawn', 'draw')).toThrow(
      expect.objectContaining({ code: 'already_drawn' }),
    );
    expect(() => campaignTransition('drawn', 'edit')).toThrow(
      expect.objectContaining({ code: 'campaign_locked' }),
    );
    expect(() => campaignTransition('approved', 'edit')).toThrow(
      expect.objectContaining({ code: 'campaign_locked' }),
    );
    expect(availableCampaignActions('draft')).toEqual(['edit', 'approve', 'cancel']);
    expect(availableCampaignActions('drawn')).toEqual([]);
  });
});

describe('coverage', () => {
  it('compares a share with the target and forecasts a plan', () => {
    expect(coverage(20, 100, 0.2)).toMatchObject({ share: 0.2, meetsTarget: true });
    expect(coverage(0, 0, 0.2)).toMatchObject({ share: 0, meetsTarget: false });
    const f = forecastCoverage({ population: 100, coveredSoFar: 10, planned: 20, target: 0.2 });
    expect(f.expectedNew).toBe(18);
    expect(f.share).toBeCloseTo(0.28);
  });
});
