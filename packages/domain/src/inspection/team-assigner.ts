import { compareAscii, inspectorTieBreaker } from './draw-hash.js';
import type { DrawSnapshot, PoolEntry } from './draw-record.js';

/**
 * Inspector assignment (docs/draw-algorithm.md §6). For each target, the eligible inspectors are
 * those of a participating department whose jurisdiction (a region-code prefix) contains the
 * target's region, who hold the stratum's qualification, have no 回避 link with the target and are
 * under the workload cap. A joint campaign first takes one inspector of each department, in
 * ascending department order; then the team is filled to teamSize from all eligible inspectors.
 * Every pick takes the smallest (load, SHA-256 tie-break, certificate number).
 */
export class TeamAssigner {
  private readonly certs: string[];
  private readonly departments: string[];
  private readonly loads: Int32Array;
  private readonly byJurisdiction = new Map<string, number[]>();
  private readonly jurisdictionLengths: number[];
  private readonly qualified: Map<string, (i: number) => boolean>;
  private readonly excluded = new Map<string, Set<string>>();
  private readonly candidateCache = new Map<string, number[]>();
  private readonly indexOf = new Map<string, number>();

  constructor(
    private readonly snapshot: DrawSnapshot,
    private readonly seed: string,
  ) {
    const { roster, params } = snapshot;
    this.certs = roster.map((r) => r.certificateNo);
    this.departments = roster.map((r) => r.department);
    this.loads = new Int32Array(roster.length);
    roster.forEach((r, i) => {
      this.indexOf.set(r.certificateNo, i);
      const list = this.byJurisdiction.get(r.jurisdiction);
      if (list) list.push(i);
      else this.byJurisdiction.set(r.jurisdiction, [i]);
    });
    this.jurisdictionLengths = [...new Set(roster.map((r) => r.jurisdiction.length))].sort((a, b) => a - b);
    const quals = roster.map((r) => new Set(r.qualifications));
    this.qualified = new Map(
      params.strata.map((h) => {
        const q = h.qualification;
        return [h.id, q === null ? () => true : (i: number) => quals[i]!.has(q)];
      }),
    );
    for (const x of snapshot.exclusions) {
      const set = this.excluded.get(x.code);
      if (set) set.add(x.certificateNo);
      else this.excluded.set(x.code, new Set([x.certificateNo]));
    }
  }

  /** Inspectors who may ever inspect an establishment of `region` in `stratum` (ascending roster order). */
  candidates(region: string, stratum: string): number[] {
    const cacheKey = `${region}\u0000${stratum}`;
    const cached = this.candidateCache.get(cacheKey);
    if (cached) return cached;
    const qualified = this.qualified.get(stratum) ?? (() => false);
    const found: number[] = [];
    for (const length of this.jurisdictionLengths) {
      if (length > region.length) break;
      for (const i of this.byJurisdiction.get(region.slice(0, length)) ?? []) if (qualified(i)) found.push(i);
    }
    found.sort((a, b) => a - b);
    this.candidateCache.set(cacheKey, found);
    return found;
  }

  /** Departments (of the campaign's) that have no candidate for this region and stratum. */
  missingDepartments(region: string, stratum: string): string[] {
    const present = new Set(this.candidates(region, stratum).map((i) => this.departments[i]));
    return this.snapshot.params.departments.filter((d) => !present.has(d));
  }

  /** Picks the team of one target (a pool entry) and adds one to each member's load. */
  assign(entry: PoolEntry): { team: string[]; understaffed: boolean } {
    const code = entry.code;
    const { teamSize, workloadCap, departments } = this.snapshot.params;
    const excluded = this.excluded.get(code);
    const loads = this.loads;
    const eligible = this.candidates(entry.region, entry.stratum).filter(
      (i) => !excluded?.has(this.certs[i]!) && (workloadCap === null || loads[i]! < workloadCap),
    );
    const tieOf = inspectorTieBreaker(this.seed, code);
    const ties = new Map<number, string>();
    const tie = (i: number) => {
      let t = ties.get(i);
      if (t === undefined) {
        t = tieOf(this.certs[i]!);
        ties.set(i, t);
      }
      return t;
    };
    const before = (a: number, b: number) => {
      if (loads[a] !== loads[b]) return loads[a]! < loads[b]!;
      const c = compareAscii(tie(a), tie(b));
      return c !== 0 ? c < 0 : compareAscii(this.certs[a]!, this.certs[b]!) < 0;
    };
    const team: number[] = [];
    const pick = (department: string | null) => {
      let best = -1;
      for (const i of eligible) {
        if (team.includes(i) || (department !== null && this.departments[i] !== department)) continue;
        if (best < 0 || before(i, best)) best = i;
      }
      if (best >= 0) team.push(best);
      return best >= 0;
    };
    const joint = departments.length > 1;
    let missing = false;
    if (joint) for (const d of departments) if (!pick(d)) missing = true;
    while (team.length < teamSize && pick(null));
    for (const i of team) loads[i] = loads[i]! + 1;
    return { team: team.map((i) => this.certs[i]!), understaffed: missing || team.length < teamSize };
  }

  /** A replaced target's team no longer inspects it: one less on each member's load. */
  release(team: readonly string[]): void {
    for (const c of team) {
      const i = this.indexOf.get(c);
      if (i !== undefined) this.loads[i] = this.loads[i]! - 1;
    }
  }

  /** Sets loads from teams already assigned (replaying a record's active targets). */
  restore(team: readonly string[]): void {
    for (const c of team) {
      const i = this.indexOf.get(c);
      if (i !== undefined) this.loads[i] = this.loads[i]! + 1;
    }
  }

  /** Targets per inspector, by certificate number. */
  workloads(): Map<string, number> {
    return new Map(this.certs.map((c, i) => [c, this.loads[i]!]));
  }
}
