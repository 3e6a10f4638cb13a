/**
 * One problem found in an identifier. These are results, not exceptions: on imported data a failed
 * checksum is a warning the user may override with a reason (some issued codes fail their check).
 */
export interface IdentifierError {
  code: string;
  messageZh: string;
  messageEn: string;
}

/** Trim and upper-case, so pasted codes like ` 91350100m000100y43 ` are checked as written on paper. */
export function normalizeIdentifier(input: unknown): string {
  return typeof input === 'string' ? input.trim().toUpperCase() : '';
}
