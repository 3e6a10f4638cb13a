import { DomainError } from '../errors.js';
import { type IdentifierError, normalizeIdentifier } from './identifier-error.js';
import { isOrgCodeCheckCharValid } from './organization-code.js';
import { type CodeName, INSTITUTION_CATEGORIES, REGISTRATION_AUTHORITIES } from './uscc-categories.js';

/*
 * 统一社会信用代码 (GB 32100-2015): 18 characters —
 * 1 登记管理部门 · 2 机构类别 · 3–8 登记管理机关行政区划码 · 9–17 组织机构代码 (GB 11714) · 18 校验码.
 */

/** GB 32100 character set: digits and capitals without I, O, Z, S, V; a character's value is its index. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const USCC_SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
const BODY_SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{17}$/;

/** Wi = 3^(i−1) mod 31, i = 1…17. */
const WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** GB 32100 check character: C18 = 31 − (Σ Ci·Wi mod 31), where 31 becomes 0. */
export function computeUsccCheckChar(first17: string): string {
  if (!BODY_SHAPE.test(first17)) {
    throw new DomainError(
      'invalid_uscc_body',
      `统一社会信用代码前17位应由数字和大写字母（不含 I、O、Z、S、V）组成：${first17}`,
      `The first 17 characters of a unified social credit code must be digits or capitals other than I, O, Z, S, V: ${first17}`,
      { value: first17 },
    );
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

export interface UsccParts {
  /** Position 1, e.g. `9` 工商. */
  registrationAuthority: { code: string; name?: CodeName };
  /** Positions 1–2, e.g. `91` 企业, `12` 事业单位. */
  institutionCategory: { code: string; name?: CodeName };
  /** Division code (GB/T 2260) of the registering authority, as it was at registration. */
  divisionCode: string;
  /** The embedded 9-character 组织机构代码. */
  organizationCode: string;
}

export interface UsccCheck {
  valid: boolean;
  /** The input trimmed and upper-cased. */
  normalized: string;
  errors: IdentifierError[];
  /** Absent when the input is not 18 characters from the code's character set. */
  parts?: UsccParts;
}

const ERRORS = {
  format: {
    code: 'uscc_format',
    messageZh: '统一社会信用代码应为18位，由数字和大写字母（不含 I、O、Z、S、V）组成',
    messageEn: 'A unified social credit code has 18 characters: digits and capitals other than I, O, Z, S, V',
  },
  divisionCode: {
    code: 'uscc_division_code',
    messageZh: '统一社会信用代码第3–8位应为6位数字的行政区划码',
    messageEn: 'Characters 3–8 of a unified social credit code must be a 6-digit division code',
  },
  checkChar: {
    code: 'uscc_check_char',
    messageZh: '统一社会信用代码校验位（第18位）不符，请核对是否录入有误',
    messageEn:
      'The check character (18th) of the unified social credit code does not match; check for typing errors',
  },
  orgCodeCheckChar: {
    code: 'uscc_org_code_check_char',
    messageZh: '统一社会信用代码中的组织机构代码（第9–17位）校验位不符',
    messageEn:
      'The organisation code inside the unified social credit code (characters 9–17) fails its check',
  },
} as const satisfies Record<string, IdentifierError>;

/**
 * Checks a 统一社会信用代码: format, the GB 32100 check character and, reported separately, the check
 * character of the embedded GB 11714 organisation code.
 */
export function checkUscc(input: string): UsccCheck {
  const normalized = normalizeIdentifier(input);
  if (!USCC_SHAPE.test(normalized)) return { valid: false, normalized, errors: [{ ...ERRORS.format }] };

  const errors: IdentifierError[] = [];
  const divisionCode = normalized.slice(2, 8);
  const organizationCode = normalized.slice(8, 17);
  if (!/^\d{6}$/.test(divisionCode)) errors.push({ ...ERRORS.divisionCode });
  if (computeUsccCheckChar(normalized.slice(0, 17)) !== normalized[17]) errors.push({ ...ERRORS.checkChar });
  if (!isOrgCodeCheckCharValid(organizationCode)) errors.push({ ...ERRORS.orgCodeCheckChar });

  const authority = normalized.slice(0, 1);
  const category = normalized.slice(0, 2);
  const parts: UsccParts = {
    registrationAuthority: withName(authority, REGISTRATION_AUTHORITIES[authority]),
    institutionCategory: withName(category, INSTITUTION_CATEGORIES[category]),
    divisionCode,
    organizationCode,
  };
  return { valid: errors.length === 0, normalized, errors, parts };
}

/** Codes outside the table (new categories) are not errors: they just have no name. */
function withName(code: string, name: CodeName | undefined): { code: string; name?: CodeName } {
  return name ? { code, name } : { code };
}
