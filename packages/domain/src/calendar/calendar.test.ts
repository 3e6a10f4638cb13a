import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { Calendar } from './calendar.js';
import { addDays } from './iso-date.js';

const calendar = new Calendar();

function datesFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

function everyDayOf(year: number): string[] {
  return datesFrom(`${year}-01-01`, `${year}-12-31`);
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // test oracle only: UTC, never local time
  return day === 0 || day === 6;
}

/**
 * The State Council notices, written out independently of the package:
 * 2024 国办发明电〔2023〕7号, 2025 国办发明电〔2024〕12号, 2026 the notice of 2025-11-04
 * (gov.cn/zhengce/zhengceku/202511/content_7047091.htm).
 */
const NOTICES: Record<number, { daysOff: [string, string][]; makeupWorkdays: string[] }> = {
  2024: {
    daysOff: [
      ['01-01', '01-01'], // 元旦，与周末连休
      ['02-10', '02-17'], // 春节
      ['04-04', '04-06'], // 清明
      ['05-01', '05-05'], // 劳动节
      ['06-10', '06-10'], // 端午，与周末连休
      ['09-15', '09-17'], // 中秋
      ['10-01', '10-07'], // 国庆
    ],
    makeupWorkdays: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  },
  2025: {
    daysOff: [
      ['01-01', '01-01'], // 元旦
      ['01-28', '02-04'], // 春节（除夕起）
      ['04-04', '04-06'], // 清明
      ['05-01', '05-05'], // 劳动节
      ['05-31', '06-02'], // 端午
      ['10-01', '10-08'], // 国庆、中秋合并
    ],
    makeupWorkdays: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    daysOff: [
      ['01-01', '01-03'], // 元旦
      ['02-15', '02-23'], // 春节
      ['04-04', '04-06'], // 清明
      ['05-01', '05-05'], // 劳动节
      ['06-19', '06-21'], // 端午
      ['09-25', '09-27'], // 中秋
      ['10-01', '10-07'], // 国庆
    ],
    makeupWorkdays: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
};

describe('Calendar against the State Council arrangements, every day of 2024–2026', () => {
  const holidays: Record<string, string> = data.holidays;
  const workdays: Record<string, string> = data.workdays;

  for (const year of [2024, 2025, 2026]) {
    it(`${year} matches the package JSON`, () => {
      for (const date of everyDayOf(year)) {
        const expected = workdays[date] !== undefined || (!isWeekend(date) && holidays[date] === undefined);
        const info = calendar.dayInfo(date);
        expect(info.workingDay, date).toBe(expected);
        expect(info.provisional).toBe(false);
      }
    });

    it(`${year} matches the notice`, () => {
      const notice = NOTICES[year]!;
      const off = new Set(notice.daysOff.flatMap(([a, b]) => datesFrom(`${year}-${a}`, `${year}-${b}`)));
      const makeup = new Set(notice.makeupWorkdays.map((md) => `${year}-${md}`));
      for (const date of everyDayOf(year)) {
        const info = calendar.dayInfo(date);
        const expectedKind = makeup.has(date)
          ? 'makeup_workday'
          : off.has(date)
            ? 'holiday'
            : isWeekend(date)
              ? 'weekend'
              : 'workday';
        // The package lists weekend days inside a break as holidays too; only working or not must agree.
        const working = expectedKind === 'workday' || expectedKind === 'makeup_workday';
        expect(info.workingDay, date).toBe(working);
        if (expectedKind === 'makeup_workday') expect(info.kind, date).toBe('makeup_workday');
        if (expectedKind === 'holiday') expect(info.kind, date).toBe('holiday');
      }
      for (const md of notice.makeupWorkdays) expect(isWeekend(`${year}-${md}`), md).toBe(true);
    });
  }

  it('describes a day with its festival and source', () => {
    expect(calendar.dayInfo('2026-10-01')).toEqual({
      date: '2026-10-01',
      workingDay: false,
      kind: 'holiday',
      festival: '国庆节',
      source: 'package',
      provisional: false,
    });
    expect(calendar.dayInfo('2026-02-14')).toMatchObject({ kind: 'makeup_workday', workingDay: true });
    expect(calendar.dayInfo('2026-11-21')).toMatchObject({ kind: 'weekend', source: 'weekday-rule' });
    expect(calendar.dayInfo('2026-11-23')).toMatchObject({ kind: 'workday', workingDay: true });
  });
});

describe('addWorkingDays (行政许可法 §82, 行政处罚法 §85)', () => {
  it('2025-09-26 + 8 working days = 2025-10-14, across the 国庆/中秋 break and its make-up days', () => {
    const r = calendar.addWorkingDays('2025-09-26', 8);
    expect(r).toMatchObject({ date: '2025-10-14', provisional: false, provisionalYears: [] });
    expect(r.citation.zh).toContain('第八十二条');
  });

  it('does not count the start day', () => {
    expect(calendar.addWorkingDays('2026-11-23', 1).date).toBe('2026-11-24');
    expect(calendar.addWorkingDays('2026-11-20', 1).date).toBe('2026-11-23'); // Friday → Monday
    expect(calendar.addWorkingDays('2026-11-23', 0).date).toBe('2026-11-23');
  });

  it('is provisional when it runs into 2027, skipping the statutory 元旦', () => {
    const r = calendar.addWorkingDays('2026-12-25', 10);
    expect(r).toMatchObject({ date: '2027-01-11', provisional: true, provisionalYears: [2027] });
    expect(calendar.dayInfo('2027-01-01')).toMatchObject({
      workingDay: false,
      kind: 'holiday',
      festival: '元旦',
      source: 'statutory',
      provisional: true,
    });
  });

  it('skips the provisional 2027 春节 (除夕 02-05 to 初三 02-08)', () => {
    expect(calendar.addWorkingDays('2027-02-04', 1)).toMatchObject({ date: '2027-02-09', provisional: true });
  });

  it('is not provisional while it stays in 2026', () => {
    expect(calendar.addWorkingDays('2026-12-01', 5).provisional).toBe(false);
  });
});

describe('addCalendarDays (民法典 §201, §203)', () => {
  it('keeps a last day that is a working day', () => {
    expect(calendar.addCalendarDays('2026-09-20', 10).date).toBe('2026-09-30');
  });

  it('moves a last day inside a holiday to the day after the break', () => {
    const r = calendar.addCalendarDays('2026-09-21', 10);
    expect(r).toMatchObject({ date: '2026-10-08', provisional: false });
    expect(r.citation.zh).toContain('第二百零三条');
  });

  it('keeps a last day that is a make-up working day (a Saturday)', () => {
    expect(calendar.addCalendarDays('2026-02-04', 10).date).toBe('2026-02-14');
  });

  it('moves an ordinary Sunday to Monday', () => {
    expect(calendar.addCalendarDays('2026-11-12', 10).date).toBe('2026-11-23');
  });

  it('is provisional only when the last day lies in an unconfirmed year', () => {
    expect(calendar.addCalendarDays('2026-12-20', 12)).toMatchObject({
      date: '2027-01-04',
      provisional: true,
      provisionalYears: [2027],
    });
    expect(calendar.addCalendarDays('2026-12-01', 10).provisional).toBe(false);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after `from` up to and including `to`', () => {
    expect(calendar.workingDaysBetween('2025-09-26', '2025-10-14').count).toBe(8);
    expect(calendar.workingDaysBetween('2025-10-14', '2025-09-26').count).toBe(-8);
    expect(calendar.workingDaysBetween('2026-11-23', '2026-11-23').count).toBe(0);
  });

  it('reports the provisional years it used', () => {
    expect(calendar.workingDaysBetween('2026-12-25', '2027-01-11')).toMatchObject({
      count: 10,
      provisional: true,
      provisionalYears: [2027],
    });
  });
});

describe('invalid input', () => {
  it.each(['2025-02-30', '2025-2-3', 'tomorrow'])('rejects the date %j', (bad) => {
    for (const call of [
      () => calendar.dayInfo(bad),
      () => calendar.addWorkingDays(bad, 1),
      () => calendar.addCalendarDays(bad, 1),
      () => calendar.workingDaysBetween(bad, '2025-01-01'),
      () => calendar.workingDaysBetween('2025-01-01', bad),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    }
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects the day count %d', (n) => {
    expect(() => calendar.addWorkingDays('2025-01-01', n)).toThrow(
      expect.objectContaining({ code: 'invalid_day_count' }),
    );
    expect(() => calendar.addCalendarDays('2025-01-01', n)).toThrow(DomainError);
  });

  it('refuses dates outside 2004–2099', () => {
    expect(() => calendar.dayInfo('2003-12-31')).toThrow(
      expect.objectContaining({ code: 'date_outside_calendar' }),
    );
    expect(() => calendar.addWorkingDays('2099-12-30', 5)).toThrow(
      expect.objectContaining({ code: 'date_outside_calendar' }),
    );
  });
});
