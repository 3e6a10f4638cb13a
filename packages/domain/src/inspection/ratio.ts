import { DomainError } from '../errors.js';

/**
 * Sampling ratios r_h are exact decimals written as strings in canonical form: "0", "1", or "0."
 * followed by 1–6 digits not ending in 0 ("0.2", "0.05"). The sample of a stratum of N
 * establishments is n = ceil(r × N), computed in integers so that 0.7 × 10 is 7, not 8
 * (docs/draw-algorithm.md §4).
 */
export const RATIO_PATTERN = /^(0|1|0\.[0-9]{0,5}[1-9])$/;

export function isRatio(s: string): boolean {
  return RATIO_PATTERN.test(s);
}

/** The ratio as numerator / 10^digits. */
export function parseRatio(s: string): { numerator: number; denominator: number } {
  if (!isRatio(s)) {
    throw new DomainError(
      'invalid_ratio',
      `抽查比例无效：${s}（应为 0 到 1 之间、最多 6 位小数的数）`,
      `Invalid sampling ratio: ${s} (expected a number from 0 to 1 with at most 6 decimals)`,
      { ratio: s },
    );
  }
  if (s === '0' || s === '1') return { numerator: Number(s), denominator: 1 };
  const digits = s.slice(2);
  return { numerator: Number(digits), denominator: 10 ** digits.length };
}

/** n = ceil(r × N) in integer arithmetic. */
export function sampleSize(ratio: string, population: number): number {
  const { numerator, denominator } = parseRatio(ratio);
  return Math.floor((numerator * population + denominator - 1) / denominator);
}

/** A ratio given as a number (an API field, a policy value) in canonical string form; refuses values outside 0–1. */
export function ratioFromNumber(value: number, field = 'ratio'): string {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new DomainError(
      'invalid_ratio',
      `${field}：抽查比例应在 0 到 1 之间（收到 ${value}）`,
      `${field}: a sampling ratio must lie between 0 and 1 (got ${value})`,
      { field, value },
    );
  }
  const s = value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  if (Number(s) !== value) {
    throw new DomainError(
      'invalid_ratio',
      `${field}：抽查比例最多 6 位小数（收到 ${value}）`,
      `${field}: a sampling ratio has at most 6 decimals (got ${value})`,
      { field, value },
    );
  }
  return s;
}
