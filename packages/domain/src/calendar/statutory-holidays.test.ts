import cd from 'chinese-days';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { Calendar } from './calendar.js';
import { addDays } from './iso-date.js';
import {
  dragonBoatFestival,
  lunarNewYearsEve,
  midAutumnFestival,
  qingmingDate,
  solarDateOfLunar,
  springFestival,
} from './lunar.js';
import { statutoryFestivalOn, statutoryHolidays } from './statutory-holidays.js';

const holidays: Record<string, string> = data.holidays;
const festivalInPackage = (date: string) => holidays[date]?.split(',')[1];

describe('lunar festival dates', () => {
  it('give 2027: 除夕 02-05, 春节 02-06, 清明 04-05', () => {
    expect(lunarNewYearsEve(2027)).toBe('2027-02-05');
    expect(springFestival(2027)).toBe('2027-02-06');
    expect(qingmingDate(2027)).toBe('2027-04-05');
  });

  it('give the known 春节 and 清明 dates of 2027–2035', () => {
    const spring = ['02-06', '01-26', '02-13', '02-03', '01-23', '02-11', '01-31', '02-19', '02-08'];
    const qingming = ['04-05', '04-04', '04-04', '04-05', '04-05', '04-04', '04-04', '04-05', '04-05'];
    expect(spring.map((_, i) => springFestival(2027 + i))).toEqual(
      spring.map((md, i) => `${2027 + i}-${md}`),
    );
    expect(qingming.map((_, i) => qingmingDate(2027 + i))).toEqual(
      qingming.map((md, i) => `${2027 + i}-${md}`),
    );
  });

  it('fall inside the break the State Council gave for that festival, 2008–2026', () => {
    // The package labels only the days it lists: weekend days inside a break are sometimes missing
    // (2012 端午 fell on Saturday 06-23, listed are 06-22 and 06-24), so look for the label nearby.
    const labelledNearby = (date: string, festival: RegExp) =>
      [-2, -1, 0, 1, 2].some((k) => festival.test(festivalInPackage(addDays(date, k)) ?? ''));
    for (let y = 2008; y <= 2026; y++) {
      expect(festivalInPackage(springFestival(y)), `${y} 春节`).toBe('春节');
      expect(festivalInPackage(qingmingDate(y)), `${y} 清明`).toBe('清明');
      expect(labelledNearby(dragonBoatFestival(y), /^端午$/), `${y} 端午`).toBe(true);
      // 中秋 is sometimes merged into the 国庆 break (2020) and labelled 国庆节 there.
      expect(labelledNearby(midAutumnFestival(y), /^(中秋|国庆节)$/), `${y} 中秋`).toBe(true);
      for (const date of [springFestival(y), qingmingDate(y), dragonBoatFestival(y), midAutumnFestival(y)]) {
        expect(new Calendar().dayInfo(date).workingDay, date).toBe(false);
      }
    }
  });

  it('match chinese-days’ converter when it is given local dates (its only time-zone-safe input), 1901–2099', () => {
    const viaPackage = (y: number, m: number, d: number) =>
      cd.getSolarDateFromLunar(new Date(y, m - 1, d)).date;
    for (let y = 1901; y <= 2099; y++) {
      expect(springFestival(y)).toBe(viaPackage(y, 1, 1));
      expect(solarDateOfLunar(y, 5, 5)).toBe(viaPackage(y, 5, 5));
      expect(solarDateOfLunar(y, 8, 15)).toBe(viaPackage(y, 8, 15));
    }
  });

  it('count a leap month only when it comes before the festival', () => {
    // 2025 has 闰六月 (after 端午, before 中秋); 2028 has 闰五月 (after 端午 of the ordinary fifth month).
    expect(dragonBoatFestival(2025)).toBe('2025-05-31');
    expect(midAutumnFestival(2025)).toBe('2025-10-06');
    expect(dragonBoatFestival(2028)).toBe('2028-05-28');
  });
});

describe('statutoryHolidays (《全国年节及纪念日放假办法》§2, from 2025-01-01)', () => {
  it('lists the 13 days of 2027', () => {
    expect(statutoryHolidays(2027)).toEqual([
      { date: '2027-01-01', festival: '元旦' },
      { date: '2027-02-05', festival: '春节' },
      { date: '2027-02-06', festival: '春节' },
      { date: '2027-02-07', festival: '春节' },
      { date: '2027-02-08', festival: '春节' },
      { date: '2027-04-05', festival: '清明' },
      { date: '2027-05-01', festival: '劳动节' },
      { date: '2027-05-02', festival: '劳动节' },
      { date: '2027-06-09', festival: '端午' },
      { date: '2027-09-15', festival: '中秋' },
      { date: '2027-10-01', festival: '国庆节' },
      { date: '2027-10-02', festival: '国庆节' },
      { date: '2027-10-03', festival: '国庆节' },
    ]);
  });

  it('counts a 中秋 that falls inside 国庆 once (2028-10-03)', () => {
    const days = statutoryHolidays(2028);
    expect(days).toHaveLength(12);
    expect(days.filter((d) => d.date === '2028-10-03')).toHaveLength(1);
  });

  it('answers by date', () => {
    expect(statutoryFestivalOn('2027-02-08')).toBe('春节');
    expect(statutoryFestivalOn('2027-02-09')).toBeUndefined();
  });
});
