import { isIsoDate } from '../calendar/iso-date.js';
import { compareAscii } from './draw-hash.js';
import {
  DRAW_RECORD_FORMAT,
  type DrawRecord,
  type DrawSnapshot,
  EXCLUSION_REASONS,
  type RandomnessSource,
  RECORD_FIELDS,
  REPLACEMENT_REASONS,
} from './draw-record.js';
import { isRatio } from './ratio.js';

/**
 * Structural rules of a draw record and of a snapshot (docs/draw-algorithm.md §3): types, formats,
 * sort orders and references. The first broken rule is reported with its field path.
 */
export class RecordFieldError extends Error {
  constructor(
    readonly field: string,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${field}: ${messageEn}`);
    this.name = 'RecordFieldError';
  }
}

/** Printable ASCII without spaces: codes, certificate numbers, strata, departments, qualifications. */
export const TOKEN_PATTERN = /^[\x21-\x7e]{1,100}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const REGION = /^[0-9]{2,12}$/;
const JURISDICTION = /^[0-9]{0,12}$/;
export const MAX_TEAM_SIZE = 20;

type Obj = Record<string, unknown>;

function fail(field: string, zh: string, en: string): never {
  throw new RecordFieldError(field, zh, en);
}

function object(v: unknown, field: string, keys: readonly string[]): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(field, '应为对象', 'expected an object');
  const o = v as Obj;
  for (const k of keys)
    if (!Object.hasOwn(o, k)) fail(`${field ? `${field}.` : ''}${k}`, '缺少字段', 'missing field');
  for (const k of Object.keys(o)) {
    if (!keys.includes(k)) fail(`${field ? `${field}.` : ''}${k}`, '未知字段', 'unknown field');
  }
  return o;
}

function array(v: unknown, field: string): unknown[] {
  if (!Array.isArray(v)) fail(field, '应为数组', 'expected an array');
  return v;
}

function string(v: unknown, field: string, pattern?: RegExp): string {
  if (typeof v !== 'string') fail(field, '应为字符串', 'expected a string');
  if (pattern && !pattern.test(v))
    fail(field, `格式不符（${pattern.source}）`, `does not match ${pattern.source}`);
  return v;
}

function integer(v: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
    fail(field, `应为 ${min} 到 ${max} 之间的整数`, `expected an integer from ${min} to ${max}`);
  }
  return v;
}

function boolean(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') fail(field, '应为 true 或 false', 'expected true or false');
  return v;
}

function hex(v: unknown, field: string): string {
  return string(v, field, HEX64);
}

/** Ascending without duplicates by `keyOf`. */
function ascending<T>(items: T[], field: string, keyOf: (t: T) => string): void {
  for (let i = 1; i < items.length; i++) {
    if (compareAscii(keyOf(items[i - 1]!), keyOf(items[i]!)) >= 0) {
      fail(`${field}[${i}]`, '未按升序排列或重复', 'out of ascending order or duplicated');
    }
  }
}

export function checkSources(v: unknown, field = 'sources'): RandomnessSource[] {
  const list = array(v, field);
  if (list.length === 0)
    fail(field, '至少需要一个公开随机源', 'at least one public randomness source is required');
  const ids = new Set<string>();
  return list.map((s, i) => {
    const f = `${field}[${i}]`;
    const o = object(s, f, ['id', 'description', 'value']);
    const id = string(o.id, `${f}.id`, TOKEN_PATTERN);
    if (ids.has(id)) fail(`${f}.id`, '随机源编号重复', 'duplicate source id');
    ids.add(id);
    string(o.description, `${f}.description`);
    string(o.value, `${f}.value`, /^\S(.*\S)?$/);
    return o as unknown as RandomnessSource;
  });
}

/** The frozen inputs: params, pool, roster and exclusions (shared by the draw and the verifier). */
export function checkSnapshot(s: { [K in keyof DrawSnapshot]: unknown }): DrawSnapshot {
  const params = object(s.params, 'params', ['departments', 'teamSize', 'workloadCap', 'strata']);
  const departments = array(params.departments, 'params.departments').map((d, i) =>
    string(d, `params.departments[${i}]`, TOKEN_PATTERN),
  );
  if (departments.length === 0) fail('params.departments', '至少一个部门', 'at least one department');
  ascending(departments, 'params.departments', (d) => d);
  integer(params.teamSize, 'params.teamSize', Math.max(2, departments.length), MAX_TEAM_SIZE);
  if (params.workloadCap !== null) integer(params.workloadCap, 'params.workloadCap', 1);
  const strata = array(params.strata, 'params.strata').map((h, i) => {
    const f = `params.strata[${i}]`;
    const o = object(h, f, ['id', 'ratio', 'qualification']);
    string(o.id, `${f}.id`, TOKEN_PATTERN);
    string(o.ratio, `${f}.ratio`, /^[0-9.]+$/);
    if (!isRatio(o.ratio as string))
      fail(`${f}.ratio`, '抽查比例应为 0 到 1 之间的规范小数', 'expected a canonical decimal from 0 to 1');
    if (o.qualification !== null) string(o.qualification, `${f}.qualification`, TOKEN_PATTERN);
    return o as { id: string };
  });
  ascending(strata, 'params.strata', (h) => h.id);
  const strataIds = new Set(strata.map((h) => h.id));

  const pool = array(s.pool, 'pool').map((e, i) => {
    const f = `pool[${i}]`;
    const o = object(e, f, ['code', 'region', 'stratum']);
    string(o.code, `${f}.code`, TOKEN_PATTERN);
    string(o.region, `${f}.region`, REGION);
    if (!strataIds.has(string(o.stratum, `${f}.stratum`))) {
      fail(`${f}.stratum`, '抽查层不在 params.strata 中', 'stratum not listed in params.strata');
    }
    return o as { code: string };
  });
  ascending(pool, 'pool', (e) => e.code);

  const deptSet = new Set(departments);
  const roster = array(s.roster, 'roster').map((r, i) => {
    const f = `roster[${i}]`;
    const o = object(r, f, ['certificateNo', 'department', 'jurisdiction', 'qualifications']);
    string(o.certificateNo, `${f}.certificateNo`, TOKEN_PATTERN);
    if (!deptSet.has(string(o.department, `${f}.department`))) {
      fail(
        `${f}.department`,
        '部门不在 params.departments 中',
        'department not listed in params.departments',
      );
    }
    string(o.jurisdiction, `${f}.jurisdiction`, JURISDICTION);
    const q = array(o.qualifications, `${f}.qualifications`).map((x, j) =>
      string(x, `${f}.qualifications[${j}]`, TOKEN_PATTERN),
    );
    ascending(q, `${f}.qualifications`, (x) => x);
    return o as { certificateNo: string };
  });
  ascending(roster, 'roster', (r) => r.certificateNo);

  const certs = new Set(roster.map((r) => r.certificateNo));
  const codes = new Set(pool.map((e) => e.code));
  const exclusions = array(s.exclusions, 'exclusions').map((x, i) => {
    const f = `exclusions[${i}]`;
    const o = object(x, f, ['certificateNo', 'code', 'reason']);
    if (!certs.has(string(o.certificateNo, `${f}.certificateNo`))) {
      fail(`${f}.certificateNo`, '执法人员不在 roster 中', 'inspector not in the roster');
    }
    if (!codes.has(string(o.code, `${f}.code`)))
      fail(`${f}.code`, '监管对象不在 pool 中', 'establishment not in the pool');
    if (!(EXCLUSION_REASONS as readonly string[]).includes(string(o.reason, `${f}.reason`))) {
      fail(
        `${f}.reason`,
        `回避原因应为 ${EXCLUSION_REASONS.join('、')} 之一`,
        `expected one of ${EXCLUSION_REASONS.join(', ')}`,
      );
    }
    return o as { certificateNo: string; code: string };
  });
  ascending(exclusions, 'exclusions', (x) => `${x.certificateNo}\u0000${x.code}`);
  return s as unknown as DrawSnapshot;
}

/** A whole record: the snapshot rules plus the shape of the computed fields (values are compared later). */
export function checkRecordShape(v: unknown): DrawRecord {
  const r = object(v, '', RECORD_FIELDS);
  if (r.format !== DRAW_RECORD_FORMAT)
    fail('format', `应为 ${DRAW_RECORD_FORMAT}`, `expected ${DRAW_RECORD_FORMAT}`);
  string(r.algorithm, 'algorithm');
  string(r.campaign, 'campaign', TOKEN_PATTERN);
  hex(r.commitment, 'commitment');
  hex(r.nonce, 'nonce');
  checkSources(r.sources);
  checkSnapshot(r as { params: unknown; pool: unknown; roster: unknown; exclusions: unknown });
  const hashes = object(r.hashes, 'hashes', ['pool', 'roster', 'exclusions', 'params', 'sources']);
  for (const k of Object.keys(hashes)) hex(hashes[k], `hashes.${k}`);
  hex(r.seed, 'seed');
  array(r.strata, 'strata').forEach((h, i) => {
    const o = object(h, `strata[${i}]`, ['id', 'population', 'sample']);
    string(o.id, `strata[${i}].id`);
    integer(o.population, `strata[${i}].population`, 0);
    integer(o.sample, `strata[${i}].sample`, 0);
  });
  const team = (v: unknown, f: string) =>
    array(v, f).forEach((c, j) => {
      string(c, `${f}[${j}]`, TOKEN_PATTERN);
    });
  array(r.targets, 'targets').forEach((t, i) => {
    const f = `targets[${i}]`;
    const o = object(t, f, ['code', 'stratum', 'key', 'team', 'understaffed']);
    string(o.code, `${f}.code`);
    string(o.stratum, `${f}.stratum`);
    hex(o.key, `${f}.key`);
    team(o.team, `${f}.team`);
    boolean(o.understaffed, `${f}.understaffed`);
  });
  hex(r.drawHash, 'drawHash');
  array(r.replacements, 'replacements').forEach((x, i) => {
    const f = `replacements[${i}]`;
    const o = object(x, f, [
      'seq',
      'replaced',
      'reason',
      'on',
      'stratum',
      'replacement',
      'key',
      'team',
      'understaffed',
      'prev',
      'hash',
    ]);
    integer(o.seq, `${f}.seq`, 1);
    string(o.replaced, `${f}.replaced`);
    if (!(REPLACEMENT_REASONS as readonly string[]).includes(string(o.reason, `${f}.reason`))) {
      fail(
        `${f}.reason`,
        `应为 ${REPLACEMENT_REASONS.join('、')} 之一`,
        `expected one of ${REPLACEMENT_REASONS.join(', ')}`,
      );
    }
    if (!isIsoDate(string(o.on, `${f}.on`)))
      fail(`${f}.on`, '应为 YYYY-MM-DD 日期', 'expected a YYYY-MM-DD date');
    string(o.stratum, `${f}.stratum`);
    if (o.replacement !== null) string(o.replacement, `${f}.replacement`);
    if (o.key !== null) hex(o.key, `${f}.key`);
    team(o.team, `${f}.team`);
    boolean(o.understaffed, `${f}.understaffed`);
    hex(o.prev, `${f}.prev`);
    hex(o.hash, `${f}.hash`);
  });
  return r as unknown as DrawRecord;
}
