import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar } from './calendar.js';
import { fromDayNumber, toDayNumber } from './iso-date.js';

const calendar = new Calendar();

/** Any date from 2004 to 2094, so that every deadline below stays inside the calendar's range. */
const anyDate = fc
  .integer({ min: toDayNumber('2004-01-01'), max: toDayNumber('2094-12-31') })
  .map((n) => fromDayNumber(n));

describe('working-day arithmetic properties', () => {
  it('addWorkingDays(d, n) is a working day strictly after d, n working days later', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 400 }), (d, n) => {
        const end = calendar.addWorkingDays(d, n).date;
        expect(end > d).toBe(true);
        expect(calendar.dayInfo(end).workingDay).toBe(true);
        expect(calendar.workingDaysBetween(d, end).count).toBe(n);
      }),
    );
  });

  it('addWorkingDays is monotonic and step-wise: n+1 is the first working day after n', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 200 }), (d, n) => {
        const end = calendar.addWorkingDays(d, n).date;
        expect(calendar.addWorkingDays(end, 1).date).toBe(calendar.addWorkingDays(d, n + 1).date);
      }),
    );
  });

  it('addCalendarDays ends on a working day no earlier than d + n, with only rest days skipped', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 400 }), (d, n) => {
        const end = calendar.addCalendarDays(d, n).date;
        const naive = toDayNumber(d) + n;
        expect(calendar.dayInfo(end).workingDay).toBe(true);
        for (let day = naive; day < toDayNumber(end); day++) {
          expect(calendar.dayInfo(fromDayNumber(day)).workingDay).toBe(false);
        }
      }),
    );
  });

  it('workingDaysBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(anyDate, anyDate, anyDate, (a, b, c) => {
        const ab = calendar.workingDaysBetween(a, b).count;
        expect(calendar.workingDaysBetween(b, a).count).toBe(ab === 0 ? 0 : -ab); // and never -0
        expect(ab + calendar.workingDaysBetween(b, c).count).toBe(calendar.workingDaysBetween(a, c).count);
      }),
      { numRuns: 30 },
    );
  });

  it('marks a result provisional exactly when it used a year after 2026', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 400 }), (d, n) => {
        const r = calendar.addWorkingDays(d, n);
        const firstYear = Number(fromDayNumber(toDayNumber(d) + 1).slice(0, 4));
        const lastYear = Number(r.date.slice(0, 4));
        const expected: number[] = [];
        for (let y = Math.max(firstYear, 2027); y <= lastYear; y++) expected.push(y);
        expect(r.provisionalYears).toEqual(expected);
        expect(r.provisional).toBe(expected.length > 0);
      }),
    );
  });
});

/** A fixed sample of answers, computed in a child process so that its time zone can be chosen. */
function sampleIn(timeZone: string): unknown {
  const calendarModule = fileURLToPath(new URL('./calendar.ts', import.meta.url));
  const isoDateModule = fileURLToPath(new URL('./iso-date.ts', import.meta.url));
  const script = `
    const { Calendar } = await import(${JSON.stringify(calendarModule)});
    const { addDays } = await import(${JSON.stringify(isoDateModule)});
    const cal = new Calendar();
    const starts = ['2024-12-27', '2025-01-24', '2025-09-26', '2026-02-13', '2026-09-30', '2026-12-25', '2027-02-01'];
    const days = [];
    for (let d = '2025-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) days.push(cal.dayInfo(d));
    const working = starts.map((d) => [1, 5, 8, 20].map((n) => cal.addWorkingDays(d, n)));
    const calendarDays = starts.map((d) => [1, 7, 15, 30].map((n) => cal.addCalendarDays(d, n)));
    process.stdout.write(JSON.stringify({ localMidnight: new Date(2027, 0, 1).toISOString(), days, working, calendarDays }));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, TZ: timeZone },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

describe('time-zone independence', () => {
  it('gives identical results under TZ=UTC, Asia/Shanghai and America/New_York', () => {
    const { localMidnight: utcMidnight, ...utc } = sampleIn('UTC') as { localMidnight: string };
    const { localMidnight: nyMidnight, ...newYork } = sampleIn('America/New_York') as {
      localMidnight: string;
    };
    const { localMidnight: _, ...shanghai } = sampleIn('Asia/Shanghai') as { localMidnight: string };
    expect(nyMidnight).not.toBe(utcMidnight); // the child really ran in another time zone
    expect(newYork).toEqual(utc);
    expect(shanghai).toEqual(utc);
    expect(JSON.stringify(utc)).toContain('"date":"2025-10-14"');
  });
});
