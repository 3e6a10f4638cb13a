import type { PermitTypeDefinition } from '@weijian/domain';

/**
 * What a new version changes against the version in force, field by field, for the editor's
 * preview: lists of items with a code (materials, conditions, model texts) compare item by item,
 * nested objects (guide, citation, revalidation, publication) compare by their fields.
 */
export interface PermitChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

const KEYED = new Set(['materials', 'conditions', 'modelTexts']);
/** JSON with object keys sorted (jsonb does not keep the order the keys were written in). */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    typeof x === 'object' && x !== null && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
const same = (a: unknown, b: unknown) => canonical(a ?? null) === canonical(b ?? null);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function keyed(path: string, before: unknown, after: unknown, out: PermitChange[]): void {
  const index = (v: unknown) =>
    new Map(((Array.isArray(v) ? v : []) as { code: string }[]).map((x) => [x.code, x]));
  const b = index(before);
  const a = index(after);
  for (const [code, x] of a) {
    const old = b.get(code);
    if (!old) out.push({ path: `${path}.${code}`, kind: 'added', before: null, after: x });
    else if (!same(old, x)) out.push({ path: `${path}.${code}`, kind: 'changed', before: old, after: x });
  }
  for (const [code, old] of b) {
    if (!a.has(code)) out.push({ path: `${path}.${code}`, kind: 'removed', before: old, after: null });
  }
}

export function permitChanges(
  before: PermitTypeDefinition | null,
  after: PermitTypeDefinition,
): PermitChange[] {
  const out: PermitChange[] = [];
  const b = (before ?? {}) as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'code');
  for (const k of keys) {
    if (same(b[k], a[k])) continue;
    if (KEYED.has(k)) keyed(k, b[k], a[k], out);
    else if (isObject(b[k]) && isObject(a[k])) {
      const inner = a[k] as Record<string, unknown>;
      const old = b[k] as Record<string, unknown>;
      for (const f of new Set([...Object.keys(inner), ...Object.keys(old)])) {
        if (!same(old[f], inner[f]))
          out.push({ path: `${k}.${f}`, kind: 'changed', before: old[f] ?? null, after: inner[f] ?? null });
      }
    } else {
      const kind = b[k] === undefined || b[k] === null ? 'added' : a[k] === null ? 'removed' : 'changed';
      out.push({ path: k, kind, before: b[k] ?? null, after: a[k] ?? null });
    }
  }
  return out;
}
