/**
 * The draw record (docs/draw-algorithm.md §3): everything needed to re-run a draw, and its results.
 * Every field is either an input bound into the seed by a hash, or recomputed by the verifier.
 */
export const DRAW_RECORD_FORMAT = 'weijian-draw-record';

/** 回避 reasons, recorded per (inspector, establishment) pair. */
export const EXCLUSION_REASONS = ['former_employer', 'relative', 'recent_inspection', 'other'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** Why a drawn target is replaced by the next key of its stratum. */
export const REPLACEMENT_REASONS = ['closed', 'deregistered', 'unreachable', 'other'] as const;
export type ReplacementReason = (typeof REPLACEMENT_REASONS)[number];

/** One establishment of the frozen pool: its code (统一社会信用代码, else the public code), region and stratum. */
export interface PoolEntry {
  code: string;
  region: string;
  stratum: string;
}

/** One inspector of the frozen roster. `jurisdiction` is a region-code prefix ("" = anywhere). */
export interface RosterEntry {
  certificateNo: string;
  department: string;
  jurisdiction: string;
  qualifications: string[];
}

export interface Exclusion {
  certificateNo: string;
  code: string;
  reason: ExclusionReason;
}

/** A public randomness source named before the draw; `value` is entered as published. */
export interface RandomnessSource {
  id: string;
  description: string;
  value: string;
}

export interface StratumParams {
  id: string;
  /** r_h, an exact decimal string (ratio.ts). */
  ratio: string;
  /** A qualification every inspector of the stratum's teams must hold, or null. */
  qualification: string | null;
}

export interface DrawParams {
  /** Participating departments, ascending; a joint campaign has several. */
  departments: string[];
  teamSize: number;
  /** Most targets one inspector may receive in this campaign, or null for no cap. */
  workloadCap: number | null;
  strata: StratumParams[];
}

export interface DrawHashes {
  pool: string;
  roster: string;
  exclusions: string;
  params: string;
  sources: string;
}

export interface StratumCount {
  id: string;
  /** N_h */
  population: number;
  /** n_h = ceil(r_h × N_h) */
  sample: number;
}

export interface DrawnTarget {
  code: string;
  stratum: string;
  key: string;
  /** Certificate numbers in the order they were picked. */
  team: string[];
  /** Fewer than teamSize inspectors (or a department missing) could be assigned. */
  understaffed: boolean;
}

export interface Replacement {
  seq: number;
  replaced: string;
  reason: ReplacementReason;
  /** Day the target was found closed or unreachable (YYYY-MM-DD). */
  on: string;
  stratum: string;
  /** The next key of the stratum, or null when the stratum has no establishment left. */
  replacement: string | null;
  key: string | null;
  team: string[];
  understaffed: boolean;
  /** drawHash for the first entry, else the previous entry's hash. */
  prev: string;
  /** SHA-256 of JCS(this entry without `hash`). */
  hash: string;
}

/** The frozen inputs: published (as hashes) when the pool closes, before the randomness is known. */
export interface DrawSnapshot {
  params: DrawParams;
  pool: PoolEntry[];
  roster: RosterEntry[];
  exclusions: Exclusion[];
}

export interface DrawRecord extends DrawSnapshot {
  format: typeof DRAW_RECORD_FORMAT;
  algorithm: string;
  campaign: string;
  commitment: string;
  nonce: string;
  sources: RandomnessSource[];
  hashes: DrawHashes;
  seed: string;
  strata: StratumCount[];
  targets: DrawnTarget[];
  drawHash: string;
  replacements: Replacement[];
}

/** Top-level fields in the order the verifier checks them. */
export const RECORD_FIELDS = [
  'format',
  'algorithm',
  'campaign',
  'commitment',
  'nonce',
  'sources',
  'params',
  'pool',
  'roster',
  'exclusions',
  'hashes',
  'seed',
  'strata',
  'targets',
  'drawHash',
  'replacements',
] as const;
