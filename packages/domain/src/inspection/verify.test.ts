import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DrawRecord } from './draw-record.js';
import { verifyDrawRecord } from './verify.js';

const dir = new URL('./test-vectors/', import.meta.url);
const load = (file: string): DrawRecord => JSON.parse(fs.readFileSync(new URL(file, dir), 'utf8'));
const FILES = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every leaf of a JSON value with its path, in the verifier's notation (a.b[3].c). */
function leaves(v: Json, path = ''): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, `${path}[${i}]`));
  if (v !== null && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => leaves(x, path ? `${path}.${k}` : k));
  return [path];
}

function parsePath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** The record with one leaf changed: a string gets its last character swapped, a number +1, a boolean flipped. */
function altered(record: DrawRecord, path: string): DrawRecord {
  const copy = structuredClone(record) as unknown as Record<string | number, Json>;
  const steps = parsePath(path);
  let at = copy as Record<string | number, Json>;
  for (const s of steps.slice(0, -1)) at = at[s] as Record<string | number, Json>;
  const last = steps[steps.length - 1]!;
  const v = at[last];
  if (typeof v === 'string') {
    const c = v.slice(-1);
    at[last] = v.slice(0, -1) + (c === 'a' ? 'b' : c === '0' ? '1' : /[0-9]/.test(c) ? '0' : 'a');
    if (v === '') at[last] = 'x';
  } else if (typeof v === 'number') at[last] = v + 1;
  else if (typeof v === 'boolean') at[last] = !v;
  else at[last] = 'x';
  return copy as unknown as DrawRecord;
}

/** Where a change to `path` may be reported: the field itself, a sibling rule, or the hash covering it. */
function acceptable(path: string, field: string): boolean {
  const top = parsePath(path)[0] as string;
  const covering: Record<string, string[]> = {
    campaign: ['seed'],
    commitment: ['nonce'],
    sources: ['hashes.sources'],
    params: ['hashes.params', 'pool', 'roster'],
    pool: ['hashes.pool', 'exclusions'],
    roster: ['hashes.roster', 'exclusions'],
    exclusions: ['hashes.exclusions'],
  };
  if ((covering[top] ?? []).some((c) => field.startsWith(c))) return true;
  const m = /^replacements\[(\d+)\]\.(reason|on)$/.exec(path);
  if (m && field === `replacements[${m[1]}].hash`) return true;
  // The field itself, its container (a team, a sorted list), or a neighbour in a sorted list.
  return (
    field === path || path.startsWith(`${field}.`) || path.startsWith(`${field}[`) || field.startsWith(top)
  );
}

describe('verifyDrawRecord', () => {
  for (const file of FILES) {
    it(`accepts ${file}`, () => {
      const r = verifyDrawRecord(load(file));
      expect(r).toMatchObject({ ok: true });
    });
  }

  for (const file of FILES) {
    it(`names the field when any field of ${file} is altered`, () => {
      const record = load(file);
      const paths = leaves(record as unknown as Json);
      expect(paths.length).toBeGreaterThan(50);
      for (const path of paths) {
        const r = verifyDrawRecord(altered(record, path));
        expect(r.ok, `altering ${path} went unnoticed`).toBe(false);
        if (!r.ok)
          expect(acceptable(path, r.field), `altering ${path} was reported as ${r.field}`).toBe(true);
      }
    });
  }

  it('names the exact field for the computed parts', () => {
    const record = load('v1-joint-campaign.json');
    const cases: [string, string][] = [
      ['seed', 'seed'],
      ['drawHash', 'drawHash'],
      ['hashes.roster', 'hashes.roster'],
      ['strata[1].sample', 'strata[1].sample'],
      ['targets[4].key', 'targets[4].key'],
      ['targets[7].team[1]', 'targets[7].team'],
      ['targets[2].understaffed', 'targets[2].understaffed'],
      ['replacements[1].team[0]', 'replacements[1].team'],
      ['nonce', 'nonce'],
      ['sources[1].value', 'hashes.sources'],
      ['pool[10].region', 'hashes.pool'],
      ['pool[10].stratum', 'pool[10].stratum'],
    ];
    for (const [path, field] of cases) {
      const r = verifyDrawRecord(altered(record, path));
      expect(r.ok ? null : r.field, path).toBe(field);
    }
  });

  it('names added, removed and mistyped fields', () => {
    const record = load('v1-edge-cases.json') as unknown as Record<string, unknown>;
    expect(verifyDrawRecord({ ...record, extra: 1 })).toMatchObject({ ok: false, field: 'extra' });
    const { seed: _, ...noSeed } = record;
    expect(verifyDrawRecord(noSeed)).toMatchObject({ ok: false, field: 'seed' });
    expect(verifyDrawRecord({ ...record, algorithm: 'weijian-draw/9' })).toMatchObject({
      ok: false,
      field: 'algorithm',
    });
    expect(verifyDrawRecord({ ...record, targets: 'none' })).toMatchObject({ ok: false, field: 'targets' });
    expect(verifyDrawRecord(null)).toMatchObject({ ok: false, field: '' });
    const removed = structuredClone(record) as unknown as DrawRecord;
    removed.targets.pop();
    expect(verifyDrawRecord(removed)).toMatchObject({ ok: false, field: 'targets' });
    const reason = structuredClone(record) as unknown as DrawRecord;
    reason.replacements[0]!.reason = 'closed';
    expect(verifyDrawRecord(reason)).toMatchObject({ ok: false, field: 'replacements[0].hash' });
  });
});
