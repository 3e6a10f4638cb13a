import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrefixedSha256 } from './sha256-ascii.js';

describe('PrefixedSha256', () => {
  it('equals SHA-256 for every prefix and suffix length across block boundaries', () => {
    for (let p = 0; p <= 140; p += 7) {
      const prefix = new Uint8Array(p).map((_, i) => (i * 31 + p) & 0xff);
      const h = new PrefixedSha256(prefix);
      for (let n = 0; n <= 140; n++) {
        const suffix = Array.from({ length: n }, (_, i) =>
          String.fromCharCode(0x21 + ((i * 7 + n) % 94)),
        ).join('');
        expect(h.hex(suffix)).toBe(bytesToHex(sha256(concatBytes(prefix, utf8ToBytes(suffix)))));
      }
    }
  });

  it('equals SHA-256 for random prefixes and strings, non-ASCII included (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 200 }), (prefix, suffix) => {
        expect(new PrefixedSha256(prefix).hex(suffix)).toBe(
          bytesToHex(sha256(concatBytes(prefix, utf8ToBytes(suffix)))),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('jcs', () => {
  it('equals the canonicalize package on any JSON value (property)', async () => {
    const { default: canonicalize } = await import('canonicalize');
    const { jcs } = await import('./draw-hash.js');
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(jcs(v)).toBe(canonicalize(v));
      }),
      { numRuns: 1000 },
    );
    expect(jcs({ b: 1, a: [{ d: null, c: '中文"\n' }], 10: 'x', 9: 'y' })).toBe(
      canonicalize({ b: 1, a: [{ d: null, c: '中文"\n' }], 10: 'x', 9: 'y' }),
    );
  });
});
