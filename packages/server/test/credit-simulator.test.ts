import { describe, expect, it } from 'vitest';
import { simulate, stratumRatios } from '../../../bench/risk-simulator.js';

/**
 * The risk simulator on a small run (docs/risk-model.md has the full figures): the default policy,
 * a uniform control share plus strata by the production risk levels, finds more violations per
 * inspection than a uniform draw at the same budget, keeps every establishment's inclusion
 * probability above the floor, estimates prevalence without bias, and is reproducible.
 */
describe('risk simulator', () => {
  const run = () => simulate({ n: 1500, seeds: 2, draws: 4, budgets: [0.1] });

  it('the risk-weighted strata beat a uniform draw at the same budget; top-B bounds them', () => {
    const r = run();
    const b = r.budgets[0]!;
    expect(r.auc).toBeGreaterThan(0.55);
    expect(b.liftS).toBeGreaterThan(1.05);
    expect(b.liftT).toBeGreaterThan(b.liftS);
    expect(b.hitRate.O).toBeGreaterThanOrEqual(b.hitRate.T);
    expect(b.minInclusion).toBeGreaterThanOrEqual(0.02);
    expect(Math.abs(b.htBiasPoints)).toBeLessThan(3);
    expect(b.regionMeanRatio).toBeLessThan(1.5);
  });

  it('is reproducible from its seed', () => {
    expect(run()).toEqual(run());
  });

  it('fills strata by their weights and spills a full stratum over to the others', () => {
    const r = stratumRatios({ low: 800, medium: 150, high: 45, severe: 5 }, 100);
    expect(r.severe).toBe(1);
    const drawn = 800 * r.low + 150 * r.medium + 45 * r.high + 5 * r.severe;
    expect(drawn).toBeCloseTo(100, 0);
    expect(r.medium / r.low).toBeCloseTo(4, 5);
  });
});
