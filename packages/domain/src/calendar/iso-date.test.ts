import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { addDays, fromDayNumber, isIsoDate, parseIsoDate, toDayNumber, weekdayOf } from './iso-date.js';

describe('parseIsoDate', () => {
  it('accepts real dates written YYYY-MM-DD', () => {
    for (const d of ['2025-01-01', '2024-02-29', '2000-02-29', '2026-12-31']) expect(parseIsoDate(d)).toBe(d);
  });

  it.each([
    '2025-02-30',
    '2025-2-3',
    '2025-02-29',
    '1900-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-01-00',
    '0000-01-01',
    ' 2025-01-01',
    '2025-01-01T00:00:00Z',
    '20250101',
    '',
  ])('rejects %j with invalid_date', (s) => {
    expect(() => parseIsoDate(s)).toThrow(DomainError);
    expect(isIsoDate(s)).toBe(false);
  });

  it('explains the error in Chinese and English', () => {
    try {
      parseIsoDate('2025-02-30');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const err = e as DomainError;
      expect(err.code).toBe('invalid_date');
      expect(err.messageZh).toBe('日期无效：2025-02-30（应为存在的日期，格式 YYYY-MM-DD）');
      expect(err.messageEn).toBe(
        'Invalid date: 2025-02-30 (expected an existing date in the form YYYY-MM-DD)',
      );
    }
  });

  it('rejects non-strings', () => {
    expect(() => parseIsoDate(undefined)).toThrow(DomainError);
    expect(() => parseIsoDate(20250101)).toThrow(DomainError);
  });
});

describe('day numbers', () => {
  it('agree with Date.UTC and getUTCDay for every day 1901–2099', () => {
    const first = Date.UTC(1901, 0, 1) / 86_400_000;
    const last = Date.UTC(2099, 11, 31) / 86_400_000;
    const mismatches: number[] = [];
    for (let n = first; n <= last; n++) {
      const d = new Date(n * 86_400_000);
      const iso = d.toISOString().slice(0, 10);
      if (fromDayNumber(n) !== iso || toDayNumber(iso) !== n || weekdayOf(n) !== d.getUTCDay())
        mismatches.push(n);
    }
    expect(mismatches).toEqual([]);
  });

  it('round-trip for any day of years 1–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('0001-01-01'), max: toDayNumber('9999-12-31') }), (n) => {
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
      }),
    );
  });

  it('addDays crosses months and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
