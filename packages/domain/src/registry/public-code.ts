/**
 * The establishment code (一码): a stable public identifier printed as a QR code that opens the
 * establishment's public page at /e/{code}. It carries no meaning and no personal data: 12 random
 * characters of Crockford's base32 (no I, L, O, U) and a weighted check character (mod 31, a prime),
 * which catches a mistyped character (bar 0↔Z) or two swapped neighbours before any lookup.
 * 60 random bits: a million codes collide with probability below 1e-6.
 */
export const PUBLIC_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY_LENGTH = 12;

/** 12 characters from the alphabet, taken from random bytes (at least 12). */
export function publicCodeBody(randomBytes: Uint8Array): string {
  if (randomBytes.length < BODY_LENGTH) throw new Error(`need ${BODY_LENGTH} random bytes`);
  let s = '';
  for (let i = 0; i < BODY_LENGTH; i++) s += PUBLIC_CODE_ALPHABET[randomBytes[i]! % 32];
  return s;
}

/** Check character: Σ value·(i+1)·(i+3) mod 31 (weights are never 0 mod 31, and differ between neighbours). */
export function publicCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const v = PUBLIC_CODE_ALPHABET.indexOf(body[i]!);
    if (v < 0) throw new Error(`not a public-code character: ${body[i]}`);
    sum = (sum + v * (i + 1) * (i + 3)) % 31;
  }
  return PUBLIC_CODE_ALPHABET[sum]!;
}

export function makePublicCode(randomBytes: Uint8Array): string {
  const body = publicCodeBody(randomBytes);
  return body + publicCodeCheckChar(body);
}

export function isPublicCode(v: string): boolean {
  if (!new RegExp(`^[${PUBLIC_CODE_ALPHABET}]{${BODY_LENGTH + 1}}$`).test(v)) return false;
  return publicCodeCheckChar(v.slice(0, BODY_LENGTH)) === v[BODY_LENGTH];
}

/** The fixed public path the QR code opens (the portal serves it). */
export function publicPath(code: string): string {
  return `/e/${code}`;
}
