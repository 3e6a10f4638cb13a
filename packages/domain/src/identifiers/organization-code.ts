import { DomainError } from '../errors.js';

/*
 * 组织机构代码 (GB 11714-1997): 8 body characters (digits or capital letters) and a check character.
 * Inside a 统一社会信用代码 it occupies positions 9–17.
 */

const BODY = /^[0-9A-Z]{8}$/;
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** GB 11714: digits count as themselves, A–Z as 10–35. */
function charValue(char: string): number {
  const c = char.charCodeAt(0);
  return c <= 57 ? c - 48 : c - 55;
}

/** GB 11714 check character: C9 = 11 − (Σ Ci·Wi mod 11); 10 → X, 11 → 0. */
export function computeOrgCodeCheckChar(first8: string): string {
  if (!BODY.test(first8)) {
    throw new DomainError(
      'invalid_org_code_body',
      `组织机构代码本体应为8位数字或大写字母：${first8}`,
      `The body of an organisation code must be 8 digits or capital letters: ${first8}`,
      { value: first8 },
    );
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += charValue(first8[i]!) * WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Whether a 9-character organisation code carries the right check character. */
export function isOrgCodeCheckCharValid(code9: string): boolean {
  if (code9.length !== 9 || !BODY.test(code9.slice(0, 8))) return false;
  return computeOrgCodeCheckChar(code9.slice(0, 8)) === code9[8];
}
