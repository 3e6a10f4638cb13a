import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../calendar/iso-date.js';
import { DomainError } from '../errors.js';
import { checkResidentId, computeIdCheckChar, convertLegacyResidentId } from './resident-id.js';

const TODAY = '2026-11-22';
const errorCodes = (id: string, today = TODAY) => checkResidentId(id, { today }).errors.map((e) => e.code);

describe('checkResidentId (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female', 'resident_id'],
    ['440524188001010014', '1880-01-01', 'male', 'resident_id'],
    ['321083197812162119', '1978-12-16', 'male', 'resident_id'],
    ['81000019980902013X', '1998-09-02', 'male', 'hk_macao_taiwan_residence_permit'],
    ['932682198501010017', '1985-01-01', 'male', 'foreign_permanent_residence'],
  ])('accepts %s (born %s, %s, %s)', (id, birthDate, sex, document) => {
    expect(checkResidentId(id, { today: TODAY })).toEqual({
      valid: true,
      normalized: id,
      errors: [],
      legacy: false,
      document,
      birthDate,
      sex,
    });
  });

  it('trims and upper-cases (a lower-case x)', () => {
    expect(checkResidentId(' 11010519491231002x ')).toMatchObject({
      valid: true,
      normalized: '11010519491231002X',
    });
  });

  it('converts a legacy 15-digit number', () => {
    expect(convertLegacyResidentId('110105491231002')).toBe('11010519491231002X');
    expect(checkResidentId('110105491231002', { today: TODAY })).toMatchObject({
      valid: true,
      legacy: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(() => convertLegacyResidentId('11010549123100')).toThrow(DomainError);
  });

  it('reports a wrong check character', () => {
    expect(errorCodes('110105194912310021')).toEqual(['resident_id_check_char']);
  });

  it('reports a birth date that does not exist', () => {
    const first17 = '11010519490230002';
    expect(errorCodes(first17 + computeIdCheckChar(first17))).toEqual(['resident_id_birth_date']);
    expect(checkResidentId(first17 + computeIdCheckChar(first17)).birthDate).toBeUndefined();
  });

  it('reports a birth date after the given today, and only when today is given', () => {
    const first17 = '11010520270101001';
    const id = first17 + computeIdCheckChar(first17);
    expect(errorCodes(id)).toEqual(['resident_id_birth_date_future']);
    expect(checkResidentId(id).valid).toBe(true);
    expect(errorCodes(id, '2027-01-01')).toEqual([]);
  });

  it('rejects an invalid `today`', () => {
    expect(() => checkResidentId('11010519491231002X', { today: '2026-02-30' })).toThrow(
      expect.objectContaining({ code: 'invalid_date' }),
    );
  });

  it.each(['', '1101051949123100', '1101051949123100XX', '11010519491231X02X', 'A1010519491231002X'])(
    'rejects malformed %j',
    (id) => {
      expect(errorCodes(id)).toEqual(['resident_id_format']);
    },
  );

  it('computeIdCheckChar reproduces the samples and refuses non-digits', () => {
    expect(computeIdCheckChar('11010519491231002')).toBe('X');
    expect(computeIdCheckChar('44052418800101001')).toBe('4');
    expect(() => computeIdCheckChar('1101051949123100X')).toThrow(DomainError);
  });
});

const validId = fc
  .record({
    address: fc.stringMatching(/^\d{6}$/),
    birth: fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber(TODAY) }).map(fromDayNumber),
    sequence: fc.stringMatching(/^\d{3}$/),
  })
  .map(({ address, birth, sequence }) => {
    const first17 = address + birth.replaceAll('-', '') + sequence;
    return first17 + computeIdCheckChar(first17);
  });

describe('resident ID properties', () => {
  it('generated numbers are valid', () => {
    fc.assert(
      fc.property(validId, (id) => {
        expect(errorCodes(id)).toEqual([]);
      }),
    );
  });

  it('every single-character substitution is caught by the check character', () => {
    fc.assert(
      fc.property(validId, (id) => {
        for (let i = 0; i < 18; i++) {
          const allowed = i === 17 ? '0123456789X' : '0123456789';
          for (const c of allowed) {
            if (c === id[i]) continue;
            const changed = id.slice(0, i) + c + id.slice(i + 1);
            const r = checkResidentId(changed, { today: TODAY });
            expect(r.valid).toBe(false);
            expect(r.errors.map((e) => e.code)).toContain('resident_id_check_char');
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('sex follows the parity of the sequence number', () => {
    fc.assert(
      fc.property(validId, (id) => {
        expect(checkResidentId(id).sex).toBe(Number(id[16]) % 2 === 1 ? 'male' : 'female');
      }),
    );
  });
});
