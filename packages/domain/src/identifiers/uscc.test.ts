import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { computeOrgCodeCheckChar, isOrgCodeCheckCharValid } from './organization-code.js';
import { checkUscc, computeUsccCheckChar, USCC_CHARSET } from './uscc.js';

const errorCodes = (code: string) => checkUscc(code).errors.map((e) => e.code);

describe('checkUscc (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91310110666007217T', '91310115591693856A', '11320000MB151840XJ'])(
    'accepts %s',
    (code) => {
      expect(checkUscc(code)).toMatchObject({ valid: true, errors: [], normalized: code });
    },
  );

  it('splits a code into its parts with category names', () => {
    expect(checkUscc('91350100M000100Y43').parts).toEqual({
      registrationAuthority: { code: '9', name: { zh: '工商', en: expect.any(String) } },
      institutionCategory: { code: '91', name: { zh: '企业', en: 'Enterprise' } },
      divisionCode: '350100',
      organizationCode: 'M000100Y4',
    });
    const organ = checkUscc('11320000MB151840XJ').parts;
    expect(organ?.registrationAuthority.name?.zh).toBe('机构编制');
    expect(organ?.institutionCategory.name?.zh).toBe('机关');
  });

  it('trims and upper-cases before checking', () => {
    expect(checkUscc('  91350100m000100y43\t')).toMatchObject({
      valid: true,
      normalized: '91350100M000100Y43',
    });
  });

  it('rejects a character outside the code set (Z)', () => {
    const r = checkUscc('91350100M000100Y4Z');
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.code)).toEqual(['uscc_format']);
    expect(r.parts).toBeUndefined();
  });

  it('reports a wrong check character', () => {
    expect(errorCodes('91350100M000100Y44')).toEqual(['uscc_check_char']);
  });

  it('reports a broken embedded organisation code separately', () => {
    // Valid USCC check character, but the organisation code M000100Y5 fails GB 11714.
    const first17 = '91350100M000100Y5';
    const code = first17 + computeUsccCheckChar(first17);
    expect(errorCodes(code)).toEqual(['uscc_org_code_check_char']);
  });

  it('keeps the known issued code that fails its check as a plain check-character error', () => {
    // 91350211M0000XUF46 was really issued; callers treat check failures on imports as overridable warnings.
    expect(errorCodes('91350211M0000XUF46')).toEqual(['uscc_check_char']);
  });

  it.each(['', '9135010', '91350100M000100Y431', '91350100M000100I43', '91350100M000100O43'])(
    'rejects malformed %j',
    (code) => {
      expect(errorCodes(code)).toEqual(['uscc_format']);
    },
  );

  it('names nothing for categories outside the table, without failing the code', () => {
    const first17 = 'Y2350100M000100Y4';
    const r = checkUscc(first17 + computeUsccCheckChar(first17));
    expect(r.valid).toBe(true);
    expect(r.parts?.institutionCategory).toEqual({ code: 'Y2' });
  });
});

describe('check character helpers', () => {
  it('computeUsccCheckChar reproduces the samples', () => {
    expect(computeUsccCheckChar('91350100M000100Y4')).toBe('3');
    expect(computeUsccCheckChar('11320000MB151840X')).toBe('J');
  });

  it('computeOrgCodeCheckChar reproduces the embedded codes', () => {
    expect(computeOrgCodeCheckChar('M000100Y')).toBe('4');
    expect(computeOrgCodeCheckChar('MB151840')).toBe('X');
    expect(computeOrgCodeCheckChar('66600721')).toBe('7');
    expect(isOrgCodeCheckCharValid('591693856')).toBe(true);
  });

  it('refuse bodies of the wrong shape', () => {
    expect(() => computeUsccCheckChar('91350100M000100Y')).toThrow(DomainError);
    expect(() => computeUsccCheckChar('91350100M000100I4')).toThrow(DomainError);
    expect(() => computeOrgCodeCheckChar('m000100y')).toThrow(DomainError);
  });
});

/** Structurally valid codes: a known category, a 6-digit division, a GB 11714 organisation code. */
const validUscc = fc
  .record({
    category: fc.constantFrom('11', '12', '51', '52', '91', '92', '93', 'Y1'),
    division: fc.stringMatching(/^\d{6}$/),
    orgBody: fc
      .array(fc.constantFrom(...USCC_CHARSET), { minLength: 8, maxLength: 8 })
      .map((cs) => cs.join('')),
  })
  .map(({ category, division, orgBody }) => {
    const first17 = category + division + orgBody + computeOrgCodeCheckChar(orgBody);
    return first17 + computeUsccCheckChar(first17);
  });

describe('USCC properties', () => {
  it('generated codes are valid', () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        expect(checkUscc(code).errors).toEqual([]);
      }),
    );
  });

  it('any 17 characters plus the computed check character pass the GB 32100 check', () => {
    const body = fc.array(fc.constantFrom(...USCC_CHARSET), { minLength: 17, maxLength: 17 });
    fc.assert(
      fc.property(body, (cs) => {
        const code = cs.join('') + computeUsccCheckChar(cs.join(''));
        expect(errorCodes(code)).not.toContain('uscc_check_char');
      }),
    );
  });

  it('every single-character substitution is caught by the check character', () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        for (let i = 0; i < 18; i++) {
          for (const c of USCC_CHARSET) {
            if (c === code[i]) continue;
            const changed = code.slice(0, i) + c + code.slice(i + 1);
            const r = checkUscc(changed);
            expect(r.valid).toBe(false);
            expect(r.errors.map((e) => e.code)).toContain('uscc_check_char');
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
