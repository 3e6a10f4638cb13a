import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 (FIPS 180-4) of a fixed prefix followed by a short ASCII string, for the draw's millions
 * of keys and tie-breaks: the prefix's full blocks are absorbed once, and each hash writes the
 * suffix straight into a reused block buffer (no allocation, no UTF-8 encoder). Checked against
 * @noble/hashes for every length across block boundaries (sha256-ascii.test.ts).
 */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const IV = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const W = new Int32Array(64);
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** One compression of the 64-byte block at `offset` of `buf` into `s`. */
function compress(s: Int32Array, buf: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    W[i] = (buf[j]! << 24) | (buf[j + 1]! << 16) | (buf[j + 2]! << 8) | buf[j + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = s[0]!;
  let b = s[1]!;
  let c = s[2]!;
  let d = s[3]!;
  let e = s[4]!;
  let f = s[5]!;
  let g = s[6]!;
  let h = s[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  s[0] = (s[0]! + a) | 0;
  s[1] = (s[1]! + b) | 0;
  s[2] = (s[2]! + c) | 0;
  s[3] = (s[3]! + d) | 0;
  s[4] = (s[4]! + e) | 0;
  s[5] = (s[5]! + f) | 0;
  s[6] = (s[6]! + g) | 0;
  s[7] = (s[7]! + h) | 0;
}

export class PrefixedSha256 {
  private readonly mid = new Int32Array(8);
  private readonly rest: Uint8Array;
  private readonly prefixLength: number;
  private readonly state = new Int32Array(8);
  private buf = new Uint8Array(256);

  constructor(private readonly prefix: Uint8Array) {
    this.mid.set(IV);
    const full = prefix.length - (prefix.length % 64);
    for (let o = 0; o < full; o += 64) compress(this.mid, prefix, o);
    this.rest = prefix.slice(full);
    this.prefixLength = prefix.length;
  }

  /** SHA-256(prefix ‖ suffix) in lower-case hex; `suffix` is ASCII (others go through @noble/hashes). */
  hex(suffix: string): string {
    const n = suffix.length;
    for (let i = 0; i < n; i++) {
      if (suffix.charCodeAt(i) > 0x7f) {
        return bytesToHex(sha256.create().update(this.prefix).update(utf8ToBytes(suffix)).digest());
      }
    }
    const m = this.rest.length + n;
    const blocks = Math.ceil((m + 9) / 64);
    if (blocks * 64 > this.buf.length) this.buf = new Uint8Array(blocks * 64);
    const buf = this.buf;
    buf.set(this.rest, 0);
    let p = this.rest.length;
    for (let i = 0; i < n; i++) buf[p++] = suffix.charCodeAt(i);
    buf[p++] = 0x80;
    const end = blocks * 64;
    buf.fill(0, p, end - 8);
    const bits = (this.prefixLength + n) * 8;
    const hi = Math.floor(bits / 0x100000000);
    buf[end - 8] = hi >>> 24;
    buf[end - 7] = (hi >>> 16) & 0xff;
    buf[end - 6] = (hi >>> 8) & 0xff;
    buf[end - 5] = hi & 0xff;
    buf[end - 4] = (bits >>> 24) & 0xff;
    buf[end - 3] = (bits >>> 16) & 0xff;
    buf[end - 2] = (bits >>> 8) & 0xff;
    buf[end - 1] = bits & 0xff;
    const s = this.state;
    s.set(this.mid);
    for (let o = 0; o < end; o += 64) compress(s, buf, o);
    let out = '';
    for (let i = 0; i < 8; i++) {
      const w = s[i]!;
      out += HEX[(w >>> 24) & 0xff]! + HEX[(w >>> 16) & 0xff]! + HEX[(w >>> 8) & 0xff]! + HEX[w & 0xff]!;
    }
    return out;
  }
}
