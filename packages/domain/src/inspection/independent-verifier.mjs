// An independent implementation of docs/draw-algorithm.md (weijian-draw/1), written from the
// document alone in plain JavaScript. It imports nothing but node:crypto and shares no code with
// the platform, so agreement on the test vectors checks the specification, not one program twice.

import { createHash } from 'node:crypto';

const TAG = {
  commit: 'weijian-draw/1:commit',
  seed: 'weijian-draw/1:seed',
  target: 'weijian-draw/1:target',
  inspector: 'weijian-draw/1:inspector',
};

// §2: RFC 8785 canonical JSON for strings, integers, booleans, null, arrays and objects.
function canonical(value) {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error('records hold integers only');
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value).sort(byCodeUnits);
  return `{${keys.map((k) => `${quote(k)}:${canonical(value[k])}`).join(',')}}`;
}

function byCodeUnits(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

const SHORT_ESCAPES = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 34: '\\"', 92: '\\\\' };

function quote(s) {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (SHORT_ESCAPES[c]) out += SHORT_ESCAPES[c];
    else if (c < 0x20) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += s[i];
  }
  return `${out}"`;
}

function sha256(...parts) {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}

const utf8 = (s) => Buffer.from(s, 'utf8');
const raw = (hex) => Buffer.from(hex, 'hex');
const ZERO = Buffer.from([0]);

/** HT(tag; parts…) */
function tagged(tag, ...parts) {
  return sha256(utf8(tag), ZERO, ...parts).toString('hex');
}

/** HJ(value) */
function hashJson(value) {
  return sha256(utf8(canonical(value))).toString('hex');
}

// §4: n = floor((a × N + 10^d − 1) / 10^d), in BigInt to stay exact for any N.
function sampleOf(ratio, population) {
  if (!/^(0|1|0\.[0-9]{0,5}[1-9])$/.test(ratio)) throw new Error(`bad ratio ${ratio}`);
  const digits = ratio.includes('.') ? ratio.split('.')[1] : '';
  const a = BigInt(digits === '' ? ratio : digits);
  const scale = 10n ** BigInt(digits.length);
  return Number((a * BigInt(population) + scale - 1n) / scale);
}

const less = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Re-computes a record's derived fields from its inputs: hashes, seed, strata, targets with teams,
 * the draw hash and the replacement log (whose reasons and dates are inputs).
 */
export function recompute(record) {
  const { params, pool, roster, exclusions } = record;
  const hashes = {
    pool: hashJson(pool),
    roster: hashJson(roster),
    exclusions: hashJson(exclusions),
    params: hashJson(params),
    sources: hashJson(record.sources),
  };
  const seed = tagged(
    TAG.seed,
    utf8(record.campaign),
    ZERO,
    raw(hashes.pool),
    raw(hashes.roster),
    raw(hashes.exclusions),
    raw(hashes.params),
    raw(hashes.sources),
    raw(record.nonce),
  );
  const commitment = tagged(TAG.commit, raw(record.nonce));

  // §6: rank order of every stratum.
  const members = new Map(params.strata.map((h) => [h.id, []]));
  for (const e of pool) members.get(e.stratum).push(e);
  const rankOrder = new Map();
  const strata = [];
  const drawn = [];
  for (const h of params.strata) {
    const ranked = members
      .get(h.id)
      .map((e) => ({
        code: e.code,
        stratum: h.id,
        key: tagged(TAG.target, raw(seed), utf8(h.id), ZERO, utf8(e.code)),
      }))
      .sort((x, y) => less(x.key, y.key) || less(x.code, y.code));
    rankOrder.set(h.id, ranked);
    const sample = sampleOf(h.ratio, ranked.length);
    strata.push({ id: h.id, population: ranked.length, sample });
    drawn.push(...ranked.slice(0, sample));
  }
  drawn.sort((x, y) => less(x.key, y.key) || less(x.code, y.code));

  // §7: teams.
  const regionOf = new Map(pool.map((e) => [e.code, e.region]));
  const qualificationOf = new Map(params.strata.map((h) => [h.id, h.qualification]));
  const excluded = new Set(exclusions.map((x) => `${x.certificateNo} ${x.code}`));
  const load = new Map(roster.map((o) => [o.certificateNo, 0]));
  const joint = params.departments.length > 1;

  function teamFor(code, stratum) {
    const region = regionOf.get(code);
    const q = qualificationOf.get(stratum);
    const eligible = roster.filter(
      (o) =>
        region.startsWith(o.jurisdiction) &&
        (q === null || o.qualifications.includes(q)) &&
        !excluded.has(`${o.certificateNo} ${code}`) &&
        (params.workloadCap === null || load.get(o.certificateNo) < params.workloadCap),
    );
    const tie = new Map(
      eligible.map((o) => [
        o.certificateNo,
        tagged(TAG.inspector, raw(seed), utf8(code), ZERO, utf8(o.certificateNo)),
      ]),
    );
    const team = [];
    const pick = (accept) => {
      const options = eligible.filter((o) => !team.includes(o.certificateNo) && accept(o));
      if (options.length === 0) return false;
      options.sort(
        (a, b) =>
          load.get(a.certificateNo) - load.get(b.certificateNo) ||
          less(tie.get(a.certificateNo), tie.get(b.certificateNo)) ||
          less(a.certificateNo, b.certificateNo),
      );
      team.push(options[0].certificateNo);
      return true;
    };
    let missing = false;
    if (joint) for (const d of params.departments) if (!pick((o) => o.department === d)) missing = true;
    while (team.length < params.teamSize && pick(() => true));
    for (const c of team) load.set(c, load.get(c) + 1);
    return { team, understaffed: missing || team.length < params.teamSize };
  }

  const targets = drawn.map((t) => ({
    code: t.code,
    stratum: t.stratum,
    key: t.key,
    ...teamFor(t.code, t.stratum),
  }));
  const drawHash = hashJson({ seed, strata, targets });

  // §8: the replacement log.
  const active = new Map(targets.map((t) => [t.code, t]));
  const nextRank = new Map(strata.map((h) => [h.id, h.sample]));
  let prev = drawHash;
  const replacements = record.replacements.map((x, i) => {
    const gone = active.get(x.replaced);
    if (!gone) return { invalid: `replacements[${i}].replaced` };
    active.delete(x.replaced);
    for (const c of gone.team) load.set(c, load.get(c) - 1);
    const rank = nextRank.get(gone.stratum);
    const next = rankOrder.get(gone.stratum)[rank];
    let entry;
    if (next) {
      nextRank.set(gone.stratum, rank + 1);
      const staffed = teamFor(next.code, gone.stratum);
      active.set(next.code, { stratum: gone.stratum, team: staffed.team });
      entry = { replacement: next.code, key: next.key, ...staffed };
    } else {
      entry = { replacement: null, key: null, team: [], understaffed: false };
    }
    const body = {
      seq: i + 1,
      replaced: x.replaced,
      reason: x.reason,
      on: x.on,
      stratum: gone.stratum,
      ...entry,
      prev,
    };
    const hash = hashJson(body);
    prev = hash;
    return { ...body, hash };
  });

  return { commitment, hashes, seed, strata, targets, drawHash, replacements };
}

/** Compares a record with its recomputation; returns null or the first differing field (§9, steps 3–9). */
export function firstDifference(record) {
  const r = recompute(record);
  const same = (a, b) => canonical(a) === canonical(b);
  if (r.commitment !== record.commitment) return 'nonce';
  for (const k of ['pool', 'roster', 'exclusions', 'params', 'sources']) {
    if (r.hashes[k] !== record.hashes[k]) return `hashes.${k}`;
  }
  if (r.seed !== record.seed) return 'seed';
  if (!same(r.strata, record.strata)) return 'strata';
  if (!same(r.targets, record.targets)) {
    const i = r.targets.findIndex((t, j) => !same(t, record.targets[j]));
    return `targets[${i < 0 ? r.targets.length : i}]`;
  }
  if (r.drawHash !== record.drawHash) return 'drawHash';
  for (let i = 0; i < r.replacements.length; i++) {
    if (r.replacements[i].invalid) return r.replacements[i].invalid;
    if (!same(r.replacements[i], record.replacements[i])) return `replacements[${i}]`;
  }
  return null;
}
