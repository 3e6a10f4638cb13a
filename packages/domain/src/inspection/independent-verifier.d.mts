// Types of independent-verifier.mjs (plain JavaScript, written from docs/draw-algorithm.md only).
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Recomputed {
  commitment: string;
  hashes: Record<'pool' | 'roster' | 'exclusions' | 'params' | 'sources', string>;
  seed: string;
  strata: { id: string; population: number; sample: number }[];
  targets: { code: string; stratum: string; key: string; team: string[]; understaffed: boolean }[];
  drawHash: string;
  replacements: Record<string, Json>[];
}

export function recompute(record: unknown): Recomputed;
export function firstDifference(record: unknown): string | null;
