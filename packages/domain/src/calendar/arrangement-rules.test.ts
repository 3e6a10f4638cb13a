import { describe, expect, it } from 'vitest';
import { checkArrangement, draftArrangement } from './arrangement-rules.js';
import { Calendar } from './calendar.js';

describe('holiday arrangement rules', () => {
  it('accepts the statutory draft for 2027 plus weekend make-up days', () => {
    const days = [...draftArrangement(2027), { date: '2027-02-20', kind: 'makeup_workday' as const }];
    expect(checkArrangement(2027, days)).toEqual([]);
  });

  it('refuses a year the packaged data covers, a weekday make-up day and a missing statutory day', () => {
    expect(checkArrangement(2026, draftArrangement(2026)).map((p) => p.code)).toContain(
      'year_already_covered',
    );
    const weekdayMakeup = [
      ...draftArrangement(2027),
      { date: '2027-02-17', kind: 'makeup_workday' as const },
    ];
    expect(checkArrangement(2027, weekdayMakeup).map((p) => p.code)).toEqual(['makeup_not_weekend']);
    const missing = draftArrangement(2027).filter((d) => d.date !== '2027-10-01');
    const problems = checkArrangement(2027, missing);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'statutory_day_missing',
      messageZh: expect.stringContaining('2027-10-01'),
    });
  });

  it('refuses dates outside the year, duplicates and impossible dates', () => {
    const codes = checkArrangement(2027, [
      ...draftArrangement(2027),
      { date: '2028-01-01', kind: 'holiday' },
      { date: '2027-10-01', kind: 'holiday' },
      { date: '2027-02-30', kind: 'holiday' },
    ]).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['day_outside_year', 'duplicate_day', 'invalid_date']));
  });

  it('an active arrangement makes a 2027 deadline final and applies its make-up day', () => {
    const days = [...draftArrangement(2027), { date: '2027-02-20', kind: 'makeup_workday' as const }];
    const calendar = new Calendar({
      arrangements: [{ year: 2027, status: 'active', docNo: '国办发明电〔2026〕1号' }],
      overrides: days,
    });
    expect(calendar.dayInfo('2027-02-20')).toMatchObject({
      workingDay: true,
      kind: 'makeup_workday',
      provisional: false,
    });
    expect(calendar.addWorkingDays('2026-12-25', 10).provisional).toBe(false);
  });
});
