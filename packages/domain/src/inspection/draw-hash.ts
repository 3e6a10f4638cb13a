import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import { PrefixedSha256 } from './sha256-ascii.js';

/**
 * The byte-level primitives of the draw (docs/draw-algorithm.md §2). SHA-256 everywhere, written
 * as lower-case hexadecimal; canonical JSON is RFC 8785 (JCS). Pure JavaScript (@noble/hashes), so
 * the same code verifies a draw in Node, in the browser and in the `weijian draw verify` command.
 */
export const DRAW_ALGORITHM = 'weijian-draw/1';

/** Domain-separation tags: each hash input starts with its tag's UTF-8 bytes and one 0x00 byte. */
export const DRAW_TAGS = {
  commit: `${DRAW_ALGORITHM}:commit`,
  seed: `${DRAW_ALGORITHM}:seed`,
  target: `${DRAW_ALGORITHM}:target`,
  inspector: `${DRAW_ALGORITHM}:inspector`,
} as const;

const ZERO = new Uint8Array([0]);

const ARRAY_INDEX = /^(0|[1-9][0-9]{0,9})$/;

/** A copy with every object's members in RFC 8785 order, or null when an object has array-index keys. */
function sortedCopy(v: unknown): unknown {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error('JSON has no non-finite numbers');
    return v;
  }
  if (Array.isArray(v)) return v.map(sortedCopy);
  const keys = Object.keys(v).sort();
  // No prototype: a member named __proto__ stays a member.
  const out: Record<string, unknown> = Object.create(null);
  for (const k of keys) {
    // JavaScript lists array-index keys first, in numeric order: leave those objects to the library.
    if (ARRAY_INDEX.test(k)) throw new IndexKeys();
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = sortedCopy(x);
  }
  return out;
}
class IndexKeys extends Error {}

/**
 * Canonical JSON (RFC 8785) of a value made of objects, arrays, strings, numbers, booleans and null.
 * For such values JCS is ECMAScript's JSON.stringify with members sorted by UTF-16 code units, so
 * the native serialiser does the work (a million-entry pool in a second); objects with array-index
 * keys, which JavaScript would reorder, go through the `canonicalize` package instead.
 */
export function jcs(value: unknown): string {
  try {
    const s = JSON.stringify(sortedCopy(value));
    if (s === undefined) throw new Error('value has no JSON representation');
    return s;
  } catch (e) {
    if (!(e instanceof IndexKeys)) throw e;
    const s = canonicalize(value);
    if (s === undefined) throw new Error('value has no JSON representation');
    return s;
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** SHA-256 of the UTF-8 bytes of JCS(value), as hex: the hash of every list and object in a record. */
export function jcsHash(value: unknown): string {
  return sha256Hex(utf8ToBytes(jcs(value)));
}

export function hexBytes(hex: string): Uint8Array {
  return hexToBytes(hex);
}

/** tag ‖ 0x00 ‖ parts… as bytes (strings are UTF-8, hex digests are given as raw bytes by the caller). */
function tagged(tag: string, parts: Uint8Array[]): Uint8Array {
  const head = utf8ToBytes(tag);
  const length = head.length + 1 + parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(length);
  out.set(head, 0);
  out.set(ZERO, head.length);
  let at = head.length + 1;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** C = SHA-256("weijian-draw/1:commit" ‖ 0x00 ‖ nonce), nonce being 32 bytes. */
export function commitmentOf(nonceHex: string): string {
  return sha256Hex(tagged(DRAW_TAGS.commit, [hexToBytes(nonceHex)]));
}

export interface SeedInputs {
  campaign: string;
  pool: string;
  roster: string;
  exclusions: string;
  params: string;
  sources: string;
  nonce: string;
}

/**
 * seed = SHA-256("weijian-draw/1:seed" ‖ 0x00 ‖ UTF-8(campaign) ‖ 0x00 ‖ pool ‖ roster ‖ exclusions ‖
 * params ‖ sources ‖ nonce), the five hashes and the nonce as 32 raw bytes each.
 */
export function seedOf(i: SeedInputs): string {
  return sha256Hex(
    tagged(DRAW_TAGS.seed, [
      utf8ToBytes(i.campaign),
      ZERO,
      hexToBytes(i.pool),
      hexToBytes(i.roster),
      hexToBytes(i.exclusions),
      hexToBytes(i.params),
      hexToBytes(i.sources),
      hexToBytes(i.nonce),
    ]),
  );
}

/**
 * Keys of one stratum's establishments: SHA-256("weijian-draw/1:target" ‖ 0x00 ‖ seed ‖
 * UTF-8(stratum) ‖ 0x00 ‖ UTF-8(code)). The common prefix is absorbed once.
 */
export function targetKeyer(seedHex: string, stratum: string): (code: string) => string {
  const h = new PrefixedSha256(tagged(DRAW_TAGS.target, [hexToBytes(seedHex), utf8ToBytes(stratum), ZERO]));
  return (code) => h.hex(code);
}

/**
 * Tie-breaks between equally loaded inspectors for one target: SHA-256("weijian-draw/1:inspector" ‖
 * 0x00 ‖ seed ‖ UTF-8(code) ‖ 0x00 ‖ UTF-8(certificateNo)).
 */
export function inspectorTieBreaker(seedHex: string, code: string): (certificateNo: string) => string {
  const h = new PrefixedSha256(tagged(DRAW_TAGS.inspector, [hexToBytes(seedHex), utf8ToBytes(code), ZERO]));
  return (certificateNo) => h.hex(certificateNo);
}

/** Byte-order comparison of ASCII strings (equal to JavaScript's < on them). */
export function compareAscii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
