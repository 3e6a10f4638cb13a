import { randomBytes } from 'node:crypto';
import { makePublicCode } from '@weijian/domain';

/** A fresh establishment code (一码) from the system's random source. */
export function newPublicCode(): string {
  return makePublicCode(randomBytes(12));
}

/** n codes at once (imports): one call to the random source. */
export function newPublicCodes(n: number): string[] {
  const bytes = randomBytes(12 * n);
  return Array.from({ length: n }, (_, i) => makePublicCode(bytes.subarray(i * 12, i * 12 + 12)));
}
