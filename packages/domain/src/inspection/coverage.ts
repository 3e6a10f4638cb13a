/**
 * Coverage figures (覆盖率): the share of supervised establishments a year's random inspections
 * reach, against the target (20% by default, seed 001 四(二)).
 */
export interface CoverageFigure {
  population: number;
  covered: number;
  share: number;
  target: number;
  meetsTarget: boolean;
}

export function coverage(covered: number, population: number, target: number): CoverageFigure {
  const share = population === 0 ? 0 : covered / population;
  return { population, covered, share, target, meetsTarget: population > 0 && share >= target };
}

/**
 * The year's coverage a plan would reach if drawn: establishments already covered this year plus
 * the expected new ones among the plan's targets. Targets are drawn uniformly, so a share
 * covered/population of them is expected to fall on establishments already covered.
 */
export function forecastCoverage(opts: {
  population: number;
  coveredSoFar: number;
  planned: number;
  target: number;
}): CoverageFigure & { expectedNew: number } {
  const { population, coveredSoFar, planned, target } = opts;
  const expectedNew = population === 0 ? 0 : planned * (1 - coveredSoFar / population);
  const covered = Math.min(population, coveredSoFar + expectedNew);
  return { ...coverage(covered, population, target), expectedNew };
}

/** Findings rate of one checklist item: non-compliant among the inspections that checked it. */
export function findingsRate(nonCompliant: number, checked: number): number {
  return checked === 0 ? 0 : nonCompliant / checked;
}
