import { type IsoDate, isIsoDate, parseIsoDate } from '../calendar/iso-date.js';
import { DomainError } from '../errors.js';
import { type IdentifierError, normalizeIdentifier } from './identifier-error.js';

/*
 * 公民身份号码 (GB 11643-1999): 6-digit address code (as at issue — not checked against today's
 * divisions) · 8-digit birth date · 3-digit sequence (odd = male) · check character (ISO 7064 MOD 11-2).
 * 港澳台居民居住证 (prefix 81/82/83) and the 2023 外国人永久居留身份证 (prefix 9) use the same layout and check.
 */

/** Wi = 2^(18−i) mod 11, i = 1…17. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The earliest birth year we accept (the standard's own example is born 1880). */
const EARLIEST_BIRTH_YEAR = 1800;

/** GB 11643 / ISO 7064 MOD 11-2: check = "10X98765432"[Σ Ai·Wi mod 11]. */
export function computeIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new DomainError(
      'invalid_resident_id_body',
      `身份号码前17位应为数字：${first17}`,
      `The first 17 characters of an ID number must be digits: ${first17}`,
      { value: first17 },
    );
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** A legacy 15-digit number (YYMMDD birth date, no check) becomes 18 digits: insert "19", append the check. */
export function convertLegacyResidentId(id15: string): string {
  const normalized = normalizeIdentifier(id15);
  if (!/^\d{15}$/.test(normalized)) {
    throw new DomainError(
      'invalid_legacy_resident_id',
      `旧版（15位）身份号码应为15位数字：${id15}`,
      `A legacy ID number must be 15 digits: ${id15}`,
      { value: id15 },
    );
  }
  const first17 = `${normalized.slice(0, 6)}19${normalized.slice(6)}`;
  return first17 + computeIdCheckChar(first17);
}

export type ResidentIdDocument =
  | 'resident_id' // 居民身份证
  | 'hk_macao_taiwan_residence_permit' // 港澳台居民居住证 (81 香港, 82 澳门, 83 台湾)
  | 'foreign_permanent_residence'; // 外国人永久居留身份证 (2023 版)

export interface ResidentIdCheck {
  valid: boolean;
  /** The 18-character form: trimmed, upper-cased, converted from 15 digits if needed. */
  normalized: string;
  errors: IdentifierError[];
  /** The input was a legacy 15-digit number. */
  legacy: boolean;
  document?: ResidentIdDocument;
  birthDate?: IsoDate;
  sex?: 'male' | 'female';
}

const ERRORS = {
  format: {
    code: 'resident_id_format',
    messageZh: '身份号码应为18位（前17位为数字，末位为数字或X），或旧版15位数字',
    messageEn:
      'An ID number has 18 characters (17 digits, then a digit or X), or 15 digits in the old format',
  },
  checkChar: {
    code: 'resident_id_check_char',
    messageZh: '身份号码校验位（第18位）不符，请核对是否录入有误',
    messageEn: 'The check character (18th) of the ID number does not match; check for typing errors',
  },
  birthDate: {
    code: 'resident_id_birth_date',
    messageZh: '身份号码中的出生日期（第7–14位）不是有效日期',
    messageEn: 'The birth date in the ID number (characters 7–14) is not a valid date',
  },
  birthDateFuture: {
    code: 'resident_id_birth_date_future',
    messageZh: '身份号码中的出生日期晚于今天',
    messageEn: 'The birth date in the ID number is after today',
  },
} as const satisfies Record<string, IdentifierError>;

function documentOf(id: string): ResidentIdDocument {
  if (/^8[123]/.test(id)) return 'hk_macao_taiwan_residence_permit';
  if (id.startsWith('9')) return 'foreign_permanent_residence';
  return 'resident_id';
}

/**
 * Checks a 公民身份号码 (or a document numbered the same way): format, check character, and a birth
 * date that exists and — when `today` is given (the domain reads no clock) — is not in the future.
 */
export function checkResidentId(input: string, options: { today?: IsoDate } = {}): ResidentIdCheck {
  const today = options.today === undefined ? undefined : parseIsoDate(options.today);
  const trimmed = normalizeIdentifier(input);
  const legacy = /^\d{15}$/.test(trimmed);
  const normalized = legacy ? convertLegacyResidentId(trimmed) : trimmed;
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return { valid: false, normalized, errors: [{ ...ERRORS.format }], legacy };
  }

  const errors: IdentifierError[] = [];
  if (computeIdCheckChar(normalized.slice(0, 17)) !== normalized[17]) errors.push({ ...ERRORS.checkChar });

  const b = normalized.slice(6, 14);
  const birth = `${b.slice(0, 4)}-${b.slice(4, 6)}-${b.slice(6, 8)}`;
  const birthIsReal = isIsoDate(birth) && Number(b.slice(0, 4)) >= EARLIEST_BIRTH_YEAR;
  if (!birthIsReal) errors.push({ ...ERRORS.birthDate });
  else if (today !== undefined && birth > today) errors.push({ ...ERRORS.birthDateFuture });

  const result: ResidentIdCheck = {
    valid: errors.length === 0,
    normalized,
    errors,
    legacy,
    document: documentOf(normalized),
    sex: Number(normalized[16]) % 2 === 1 ? 'male' : 'female',
  };
  if (birthIsReal) result.birthDate = birth;
  return result;
}
