import { DomainError } from '../errors.js';
import { commitmentOf, compareAscii, DRAW_ALGORITHM, jcsHash, seedOf, targetKeyer } from './draw-hash.js';
import {
  DRAW_RECORD_FORMAT,
  type DrawHashes,
  type DrawnTarget,
  type DrawRecord,
  type DrawSnapshot,
  type PoolEntry,
  type RandomnessSource,
  type Replacement,
  type ReplacementReason,
  type StratumCount,
} from './draw-record.js';
import { sampleSize } from './ratio.js';
import { checkSnapshot, checkSources, RecordFieldError } from './record-shape.js';
import { TeamAssigner } from './team-assigner.js';

/**
 * The verifiable draw (双随机), docs/draw-algorithm.md. Pure: the same inputs give the same record on
 * every machine, and `verifyDrawRecord` re-runs it from the record alone.
 */

function invalid(e: RecordFieldError): DomainError {
  return new DomainError(
    'invalid_draw_input',
    `抽取数据无效：${e.field}：${e.messageZh}`,
    `Invalid draw input: ${e.field}: ${e.messageEn}`,
    { field: e.field },
  );
}

/** Validates the frozen inputs (sort orders, references) and hashes them: published when the pool closes. */
export function sealSnapshot(snapshot: DrawSnapshot): Omit<DrawHashes, 'sources'> {
  try {
    checkSnapshot(snapshot);
  } catch (e) {
    if (e instanceof RecordFieldError) throw invalid(e);
    throw e;
  }
  return snapshotHashes(snapshot);
}

export function snapshotHashes(s: DrawSnapshot): Omit<DrawHashes, 'sources'> {
  return {
    pool: jcsHash(s.pool),
    roster: jcsHash(s.roster),
    exclusions: jcsHash(s.exclusions),
    params: jcsHash(s.params),
  };
}

export function sourcesHash(sources: RandomnessSource[]): string {
  return jcsHash(sources);
}

export interface KeyedEntry extends PoolEntry {
  key: string;
}

const byKey = (a: KeyedEntry, b: KeyedEntry) => compareAscii(a.key, b.key) || compareAscii(a.code, b.code);

/** Each establishment of a stratum with its key, in ascending key order (rank 0 first). */
export function rankStratum(seed: string, stratum: string, entries: readonly PoolEntry[]): KeyedEntry[] {
  const keyOf = targetKeyer(seed, stratum);
  return entries.map((e) => ({ ...e, key: keyOf(e.code) })).sort(byKey);
}

export interface Selection {
  strata: StratumCount[];
  /** The n_h smallest keys of every stratum, in ascending key order over all strata. */
  selected: KeyedEntry[];
}

export function poolByStratum(pool: readonly PoolEntry[]): Map<string, PoolEntry[]> {
  const by = new Map<string, PoolEntry[]>();
  for (const e of pool) {
    const list = by.get(e.stratum);
    if (list) list.push(e);
    else by.set(e.stratum, [e]);
  }
  return by;
}

/** Stratified sampling without replacement by hash ranking: n_h = ceil(r_h × N_h) smallest keys. */
export function selectTargets(seed: string, snapshot: DrawSnapshot): Selection {
  const by = poolByStratum(snapshot.pool);
  const strata: StratumCount[] = [];
  const selected: KeyedEntry[] = [];
  for (const h of snapshot.params.strata) {
    const entries = by.get(h.id) ?? [];
    const sample = sampleSize(h.ratio, entries.length);
    strata.push({ id: h.id, population: entries.length, sample });
    if (sample > 0) selected.push(...rankStratum(seed, h.id, entries).slice(0, sample));
  }
  selected.sort(byKey);
  return { strata, selected };
}

/** Expected sample sizes before anything is drawn (the same n_h the draw will take). */
export function expectedCounts(snapshot: Pick<DrawSnapshot, 'params' | 'pool'>): StratumCount[] {
  const by = poolByStratum(snapshot.pool);
  return snapshot.params.strata.map((h) => {
    const population = by.get(h.id)?.length ?? 0;
    return { id: h.id, population, sample: sampleSize(h.ratio, population) };
  });
}

export interface StaffingProblem {
  stratum: string;
  region: string;
  /** Qualified inspectors covering the region (exclusions and the cap aside). */
  eligible: number;
  /** Departments of a joint campaign with none of them. */
  missingDepartments: string[];
}

/**
 * Every (stratum, region) of a stratum that will be sampled where no team could be formed: fewer
 * qualified inspectors covering the region than the team size, or (joint campaigns) a department
 * with none.
 */
export function staffingProblems(snapshot: DrawSnapshot, strata: readonly StratumCount[]): StaffingProblem[] {
  const assigner = new TeamAssigner(snapshot, '0'.repeat(64));
  const sampled = new Set(strata.filter((h) => h.sample > 0).map((h) => h.id));
  const { teamSize, departments } = snapshot.params;
  const seen = new Set<string>();
  const problems: StaffingProblem[] = [];
  for (const e of snapshot.pool) {
    if (!sampled.has(e.stratum)) continue;
    const k = `${e.region}\u0000${e.stratum}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const eligible = assigner.candidates(e.region, e.stratum).length;
    const missingDepartments = departments.length > 1 ? assigner.missingDepartments(e.region, e.stratum) : [];
    if (eligible < teamSize || missingDepartments.length > 0) {
      problems.push({ stratum: e.stratum, region: e.region, eligible, missingDepartments });
    }
  }
  return problems;
}

/**
 * Stops a draw before anything is drawn when a stratum that will be sampled has an establishment no
 * team could be formed for (naming the stratum and the region), or when the workload cap is too low
 * for the sample.
 */
export function checkStaffing(snapshot: DrawSnapshot, strata: readonly StratumCount[]): void {
  const { teamSize, workloadCap } = snapshot.params;
  const first = staffingProblems(snapshot, strata)[0];
  if (first) {
    const { stratum, region, eligible, missingDepartments: missing } = first;
    throw new DomainError(
      'no_eligible_officers',
      `抽查层“${stratum}”在区划 ${region} 没有足够的符合条件的执法人员（${eligible} 人，每组需 ${teamSize} 人${missing.length ? `，缺少部门：${missing.join('、')}` : ''}）；未进行任何抽取`,
      `Stratum "${stratum}" has too few eligible inspectors for region ${region} (${eligible}, teams need ${teamSize}${missing.length ? `; no inspector of ${missing.join(', ')}` : ''}); nothing was drawn`,
      { stratum, region, eligible, teamSize, missingDepartments: missing },
    );
  }
  const total = strata.reduce((n, h) => n + h.sample, 0);
  if (workloadCap !== null && workloadCap * snapshot.roster.length < total * teamSize) {
    throw new DomainError(
      'workload_cap_too_low',
      `工作量上限 ${workloadCap} 不足：${snapshot.roster.length} 名执法人员最多承担 ${workloadCap * snapshot.roster.length} 人次，需要 ${total * teamSize} 人次；未进行任何抽取`,
      `The workload cap of ${workloadCap} is too low: ${snapshot.roster.length} inspectors can take ${workloadCap * snapshot.roster.length} assignments, ${total * teamSize} are needed; nothing was drawn`,
      { workloadCap, needed: total * teamSize, roster: snapshot.roster.length },
    );
  }
}

export function assignTeams(assigner: TeamAssigner, selected: readonly KeyedEntry[]): DrawnTarget[] {
  return selected.map((t) => ({ code: t.code, stratum: t.stratum, key: t.key, ...assigner.assign(t) }));
}

export function drawHashOf(seed: string, strata: StratumCount[], targets: DrawnTarget[]): string {
  return jcsHash({ seed, strata, targets });
}

export interface DrawInput {
  campaign: string;
  commitment: string;
  nonce: string;
  sources: RandomnessSource[];
  snapshot: DrawSnapshot;
}

/** The draw: checks the nonce against the commitment and the staffing, then selects targets and teams. */
export function runDraw(input: DrawInput): DrawRecord {
  const { snapshot } = input;
  const snap = sealSnapshot(snapshot);
  try {
    checkSources(input.sources);
  } catch (e) {
    if (e instanceof RecordFieldError) throw invalid(e);
    throw e;
  }
  if (!/^[0-9a-f]{64}$/.test(input.nonce) || commitmentOf(input.nonce) !== input.commitment) {
    throw new DomainError(
      'nonce_mismatch',
      '随机数（nonce）与事先公布的承诺值不符',
      'The nonce does not match the commitment published before the draw',
    );
  }
  const hashes: DrawHashes = { ...snap, sources: sourcesHash(input.sources) };
  checkStaffing(snapshot, expectedCounts(snapshot));
  const seed = seedOf({ campaign: input.campaign, ...hashes, nonce: input.nonce });
  const { strata, selected } = selectTargets(seed, snapshot);
  const targets = assignTeams(new TeamAssigner(snapshot, seed), selected);
  return {
    format: DRAW_RECORD_FORMAT,
    algorithm: DRAW_ALGORITHM,
    campaign: input.campaign,
    commitment: input.commitment,
    nonce: input.nonce,
    sources: input.sources,
    params: snapshot.params,
    pool: snapshot.pool,
    roster: snapshot.roster,
    exclusions: snapshot.exclusions,
    hashes,
    seed,
    strata,
    targets,
    drawHash: drawHashOf(seed, strata, targets),
    replacements: [],
  };
}

export interface ReplacementRequest {
  replaced: string;
  reason: ReplacementReason;
  on: string;
}

/**
 * Replays and extends the replacement log (§7). The state is the set of active targets with their
 * teams; inspectors' loads are their number of active targets. A replacement takes the next unused
 * key of the replaced target's stratum and gets a team by the same rule as the draw.
 */
export class ReplacementLog {
  private readonly active = new Map<string, { stratum: string; team: string[] }>();
  private readonly nextRank = new Map<string, number>();
  private readonly ranked = new Map<string, KeyedEntry[]>();
  private readonly assigner: TeamAssigner;
  private readonly by: Map<string, PoolEntry[]>;
  private prev: string;
  private seq = 0;

  constructor(
    snapshot: DrawSnapshot,
    private readonly seed: string,
    strata: readonly StratumCount[],
    targets: readonly DrawnTarget[],
    drawHash: string,
  ) {
    this.assigner = new TeamAssigner(snapshot, seed);
    this.by = poolByStratum(snapshot.pool);
    for (const h of strata) this.nextRank.set(h.id, h.sample);
    for (const t of targets) {
      this.active.set(t.code, { stratum: t.stratum, team: t.team });
      // Loads are the active targets' teams: set them without re-running the assignment.
      this.assigner.restore(t.team);
    }
    this.prev = drawHash;
  }

  isActive(code: string): boolean {
    return this.active.has(code);
  }

  next(req: ReplacementRequest): Replacement {
    const current = this.active.get(req.replaced);
    if (!current) {
      throw new DomainError(
        'not_an_active_target',
        `${req.replaced} 不是本次抽查的有效检查对象（未抽中或已被替换）`,
        `${req.replaced} is not an active target of this draw (not drawn, or already replaced)`,
        { code: req.replaced },
      );
    }
    this.active.delete(req.replaced);
    this.assigner.release(current.team);
    let ranked = this.ranked.get(current.stratum);
    if (!ranked) {
      ranked = rankStratum(this.seed, current.stratum, this.by.get(current.stratum) ?? []);
      this.ranked.set(current.stratum, ranked);
    }
    const rank = this.nextRank.get(current.stratum) ?? 0;
    const next = ranked[rank];
    let team: string[] = [];
    let understaffed = false;
    if (next) {
      this.nextRank.set(current.stratum, rank + 1);
      ({ team, understaffed } = this.assigner.assign(next));
      this.active.set(next.code, { stratum: current.stratum, team });
    }
    this.seq++;
    const entry: Omit<Replacement, 'hash'> = {
      seq: this.seq,
      replaced: req.replaced,
      reason: req.reason,
      on: req.on,
      stratum: current.stratum,
      replacement: next?.code ?? null,
      key: next?.key ?? null,
      team,
      understaffed,
      prev: this.prev,
    };
    const hash = jcsHash(entry);
    this.prev = hash;
    return { ...entry, hash };
  }
}

/** Appends one replacement to a record (the record's own results are trusted; verify checks them). */
export function replaceTarget(record: DrawRecord, req: ReplacementRequest): DrawRecord {
  const log = new ReplacementLog(record, record.seed, record.strata, record.targets, record.drawHash);
  for (const r of record.replacements) log.next(r);
  return { ...record, replacements: [...record.replacements, log.next(req)] };
}
