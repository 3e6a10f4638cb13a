import type { DrawInput } from './draw.js';
import { commitmentOf, compareAscii } from './draw-hash.js';
import type { DrawSnapshot, Exclusion, PoolEntry, RosterEntry, StratumParams } from './draw-record.js';

/**
 * Synthetic draw inputs for tests, benchmarks and the test vectors: deterministic for a given seed
 * (mulberry32), with codes shaped like 统一社会信用代码 and certificate numbers like 执法证号.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  seed: number;
  establishments: number;
  strata: StratumParams[];
  departments: string[];
  inspectorsPerDepartment: number;
  /** Regions targets and inspectors are spread over (inspectors' jurisdiction is their region). */
  regions: string[];
  /** Share of targets with a conflicted inspector. */
  conflictShare?: number;
  teamSize?: number;
  workloadCap?: number | null;
  /** Qualifications handed out to inspectors (each has each with probability 1/2). */
  qualifications?: string[];
  /** Inspectors whose jurisdiction is the whole city ("37"). */
  citywide?: number;
}

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function syntheticSnapshot(o: SyntheticOptions): DrawSnapshot {
  const rnd = mulberry32(o.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const codes = new Set<string>();
  while (codes.size < o.establishments) {
    let c = '9137';
    for (let i = 0; i < 14; i++) c += pick([...CODE_CHARS]);
    codes.add(c);
  }
  const pool: PoolEntry[] = [...codes]
    .map((code) => ({ code, region: pick(o.regions), stratum: pick(o.strata).id }))
    .sort((a, b) => compareAscii(a.code, b.code));
  const roster: RosterEntry[] = [];
  let n = 0;
  for (const department of o.departments) {
    for (let i = 0; i < o.inspectorsPerDepartment; i++) {
      n++;
      roster.push({
        certificateNo: `370${String(100000 + n * 7919).padStart(9, '0')}`,
        department,
        jurisdiction: n <= (o.citywide ?? 0) ? '37' : o.regions[n % o.regions.length]!,
        qualifications: (o.qualifications ?? []).filter(() => rnd() < 0.5).sort(),
      });
    }
  }
  roster.sort((a, b) => compareAscii(a.certificateNo, b.certificateNo));
  const exclusions: Exclusion[] = [];
  const reasons = ['former_employer', 'relative', 'recent_inspection', 'other'] as const;
  for (const e of pool) {
    if (rnd() >= (o.conflictShare ?? 0)) continue;
    const local = roster.filter((r) => e.region.startsWith(r.jurisdiction));
    if (local.length === 0) continue;
    exclusions.push({ certificateNo: pick(local).certificateNo, code: e.code, reason: pick(reasons) });
  }
  exclusions.sort((a, b) => compareAscii(a.certificateNo, b.certificateNo) || compareAscii(a.code, b.code));
  const unique = exclusions.filter(
    (x, i) =>
      i === 0 || x.certificateNo !== exclusions[i - 1]!.certificateNo || x.code !== exclusions[i - 1]!.code,
  );
  return {
    params: {
      departments: [...o.departments].sort(),
      teamSize: o.teamSize ?? Math.max(2, o.departments.length),
      workloadCap: o.workloadCap ?? null,
      strata: [...o.strata].sort((a, b) => compareAscii(a.id, b.id)),
    },
    pool,
    roster,
    exclusions: unique,
  };
}

/** A nonce of 32 bytes from a number (tests only: real nonces come from a CSPRNG). */
export function testNonce(n: number): string {
  const rnd = mulberry32(n ^ 0x5eed);
  let s = '';
  for (let i = 0; i < 64; i++) s += Math.floor(rnd() * 16).toString(16);
  return s;
}

export function drawInput(snapshot: DrawSnapshot, n: number, campaign = 'TEST-2026-0001'): DrawInput {
  const nonce = testNonce(n);
  return {
    campaign,
    commitment: commitmentOf(nonce),
    nonce,
    sources: [
      { id: 'sse-000001', description: '上证综指 000001 收盘点位', value: String(3000 + (n % 1000) + 0.25) },
      { id: 'szse-399001', description: '深证成指 399001 收盘点位', value: '10234.56' },
    ],
    snapshot,
  };
}
