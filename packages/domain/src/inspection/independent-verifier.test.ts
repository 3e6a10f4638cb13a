import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstDifference, recompute } from './independent-verifier.mjs';

/**
 * The second implementation of the draw (plain JavaScript, written from docs/draw-algorithm.md
 * alone, importing only node:crypto) reproduces every test vector: hashes, seed, strata, targets,
 * teams, draw hash and replacement log. This file reads the vectors as plain JSON files.
 */
const dir = new URL('./test-vectors/', import.meta.url);
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('the independent verifier', () => {
  it('finds the vectors', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    it(`reproduces ${file}`, () => {
      const record = JSON.parse(fs.readFileSync(new URL(file, dir), 'utf8'));
      const r = recompute(record);
      expect(r.commitment).toBe(record.commitment);
      expect(r.hashes).toEqual(record.hashes);
      expect(r.seed).toBe(record.seed);
      expect(r.strata).toEqual(record.strata);
      expect(r.targets).toEqual(record.targets);
      expect(r.drawHash).toBe(record.drawHash);
      expect(r.replacements).toEqual(record.replacements);
      expect(firstDifference(record)).toBeNull();
    });

    it(`notices a changed team in ${file}`, () => {
      const record = JSON.parse(fs.readFileSync(new URL(file, dir), 'utf8'));
      const t = record.targets.find((x: { team: string[] }) => x.team.length > 1);
      t.team.reverse();
      expect(firstDifference(record)).toMatch(/^targets\[\d+\]$/);
    });
  }
});
