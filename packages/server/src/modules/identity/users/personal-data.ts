import { randomInt } from 'node:crypto';
import { checkPasswordPolicy, checkResidentId, DomainError, maskIdNumber, maskPhone } from '@weijian/domain';
import type { SecretBox } from '../secret-box.js';

/**
 * Personal data of users (phone and resident ID numbers): checked, normalised, then stored
 * encrypted with a keyed hash for exact lookup (issue 3 §7). Audit diffs carry masked values only.
 */
export interface SealedValue {
  enc: string;
  hash: string;
  masked: string;
}

export function normalisePhone(phone: string): string {
  return phone.replace(/[\s-]/g, '');
}

export function sealPhone(secrets: SecretBox, phone: string): SealedValue {
  const normalised = normalisePhone(phone);
  return {
    enc: secrets.encrypt(normalised),
    hash: secrets.lookupHash(normalised),
    masked: maskPhone(normalised),
  };
}

/** Checks an ID number (GB 11643: format, check character, birth date) and seals its 18-character form. */
export function sealIdNumber(secrets: SecretBox, idNumber: string, today: string): SealedValue {
  const check = checkResidentId(idNumber, { today });
  if (!check.valid) {
    throw new DomainError('invalid_id_number', '身份证号码无效。', 'The resident ID number is not valid.', {
      errors: check.errors.map((e) => ({
        path: 'idNumber',
        code: e.code,
        messageZh: e.messageZh,
        messageEn: e.messageEn,
      })),
    });
  }
  const n = check.normalized;
  return { enc: secrets.encrypt(n), hash: secrets.lookupHash(n), masked: maskIdNumber(n) };
}

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!#%+=?@';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

/**
 * A one-time password an administrator hands over: 16 characters from every class (without the
 * look-alikes 0/O, 1/l/I), meeting the password policy. Shown once, stored only as its argon2 hash.
 */
export function oneTimePassword(username: string): string {
  for (;;) {
    const chars = [UPPER, LOWER, DIGITS, SYMBOLS].map((set) => set[randomInt(set.length)]!);
    while (chars.length < 16) chars.push(ALL[randomInt(ALL.length)]!);
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join('');
    if (checkPasswordPolicy(password, username).length === 0) return password;
  }
}

/** Today's date in China (UTC+8), for checks such as "a birth date is not in the future". */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
