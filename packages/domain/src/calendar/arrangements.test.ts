import { describe, expect, it } from 'vitest';
import { Calendar, type CalendarAdminData } from './calendar.js';
import { addDays } from './iso-date.js';

function datesFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

describe('administrator arrangements', () => {
  // A plausible 2027 notice: 元旦 1/1–1/3; 春节 2/5–2/12 with make-up Sunday 2/14.
  const arrangement2027: CalendarAdminData = {
    arrangements: [{ year: 2027, status: 'active', docNo: '国办发明电〔2026〕1号' }],
    overrides: [
      ...datesFrom('2027-01-01', '2027-01-03').map((date) => ({
        date,
        kind: 'holiday' as const,
        festival: '元旦',
      })),
      ...datesFrom('2027-02-05', '2027-02-12').map((date) => ({
        date,
        kind: 'holiday' as const,
        festival: '春节',
      })),
      { date: '2027-02-14', kind: 'makeup_workday', festival: '春节' },
    ],
  };

  it('an active arrangement confirms the year and its days take precedence', () => {
    const cal = new Calendar(arrangement2027);
    expect(cal.isConfirmedYear(2027)).toBe(true);
    expect(cal.dayInfo('2027-02-14')).toEqual({
      date: '2027-02-14',
      workingDay: true,
      kind: 'makeup_workday',
      festival: '春节',
      source: 'override',
      provisional: false,
    });
    expect(cal.dayInfo('2027-02-10')).toMatchObject({ workingDay: false, source: 'override' });
    expect(cal.addWorkingDays('2026-12-25', 10)).toMatchObject({ date: '2027-01-11', provisional: false });
    expect(cal.addWorkingDays('2027-02-04', 1)).toMatchObject({ date: '2027-02-14', provisional: false });
  });

  it('a draft arrangement is ignored', () => {
    const draft = new Calendar({
      arrangements: [{ year: 2027, status: 'draft', docNo: '（草稿）' }],
      overrides: arrangement2027.overrides ?? [],
    });
    expect(draft.isConfirmedYear(2027)).toBe(false);
    expect(draft.dayInfo('2027-02-14')).toMatchObject({ kind: 'weekend', provisional: true });
    expect(draft.addWorkingDays('2027-02-04', 1)).toMatchObject({ date: '2027-02-09', provisional: true });
  });

  it('overrides of an active arrangement can correct a packaged year', () => {
    const cal = new Calendar({
      arrangements: [{ year: 2026, status: 'active', docNo: '更正' }],
      overrides: [{ date: '2026-11-23', kind: 'holiday' }],
    });
    expect(cal.dayInfo('2026-11-23')).toMatchObject({ workingDay: false, source: 'override' });
    expect(cal.dayInfo('2026-11-23').festival).toBeUndefined();
  });

  it('rejects an override that is both a day off and a working day', () => {
    const build = () =>
      new Calendar({
        arrangements: [{ year: 2027, status: 'active', docNo: 'x' }],
        overrides: [
          { date: '2027-02-14', kind: 'holiday' },
          { date: '2027-02-14', kind: 'makeup_workday' },
        ],
      });
    expect(build).toThrow(expect.objectContaining({ code: 'conflicting_override' }));
  });

  it('rejects an override of an unknown kind', () => {
    const kind = 'half_day' as 'holiday';
    const build = () => new Calendar({ overrides: [{ date: '2027-02-14', kind }] });
    expect(build).toThrow(expect.objectContaining({ code: 'invalid_override' }));
  });

  it('rejects an override with an impossible date', () => {
    const build = () => new Calendar({ overrides: [{ date: '2027-02-30', kind: 'holiday' }] });
    expect(build).toThrow(expect.objectContaining({ code: 'invalid_date' }));
  });
});
