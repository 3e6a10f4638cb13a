import { DomainError } from '../errors.js';
import {
  assignTeams,
  drawHashOf,
  ReplacementLog,
  selectTargets,
  snapshotHashes,
  sourcesHash,
} from './draw.js';
import { commitmentOf, DRAW_ALGORITHM, seedOf } from './draw-hash.js';
import type { DrawRecord } from './draw-record.js';
import { checkRecordShape, RecordFieldError } from './record-shape.js';
import { TeamAssigner } from './team-assigner.js';

export interface VerifySummary {
  campaign: string;
  algorithm: string;
  seed: string;
  pool: number;
  roster: number;
  strata: number;
  targets: number;
  replacements: number;
}

export type VerifyResult =
  | { ok: true; summary: VerifySummary }
  | {
      ok: false;
      /** Path of the first field whose recorded value differs from the recomputed one, e.g. "targets[3].team". */
      field: string;
      messageZh: string;
      messageEn: string;
      expected?: unknown;
      actual?: unknown;
    };

class Mismatch extends Error {
  constructor(
    readonly field: string,
    readonly expected: unknown,
    readonly actual: unknown,
  ) {
    super(field);
  }
}

function same(field: string, actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Mismatch(field, expected, actual);
}

/**
 * Re-runs a draw from its record alone (docs/draw-algorithm.md §8) and names the first field that
 * does not match: structure first, then the commitment, the input hashes, the seed, the strata, the
 * targets and teams, the draw hash and the replacement log.
 */
export function verifyDrawRecord(input: unknown): VerifyResult {
  let r: DrawRecord;
  try {
    r = checkRecordShape(input);
    if (r.algorithm !== DRAW_ALGORITHM) {
      throw new RecordFieldError(
        'algorithm',
        `不支持的算法版本（本校验程序实现 ${DRAW_ALGORITHM}）`,
        `unsupported algorithm version (this verifier implements ${DRAW_ALGORITHM})`,
      );
    }
  } catch (e) {
    if (e instanceof RecordFieldError)
      return { ok: false, field: e.field, messageZh: e.messageZh, messageEn: e.messageEn };
    throw e;
  }
  try {
    same('nonce', commitmentOf(r.nonce), r.commitment);
    const computed = { ...snapshotHashes(r), sources: sourcesHash(r.sources) };
    for (const k of ['pool', 'roster', 'exclusions', 'params', 'sources'] as const) {
      same(`hashes.${k}`, r.hashes[k], computed[k]);
    }
    const seed = seedOf({ campaign: r.campaign, ...computed, nonce: r.nonce });
    same('seed', r.seed, seed);

    const { strata, selected } = selectTargets(seed, r);
    same('strata', r.strata.length, strata.length);
    strata.forEach((h, i) => {
      for (const k of ['id', 'population', 'sample'] as const)
        same(`strata[${i}].${k}`, r.strata[i]![k], h[k]);
    });
    const targets = assignTeams(new TeamAssigner(r, seed), selected);
    same('targets', r.targets.length, targets.length);
    targets.forEach((t, i) => {
      for (const k of ['code', 'stratum', 'key', 'team', 'understaffed'] as const) {
        same(`targets[${i}].${k}`, r.targets[i]![k], t[k]);
      }
    });
    const drawHash = drawHashOf(seed, strata, targets);
    same('drawHash', r.drawHash, drawHash);

    const log = new ReplacementLog(r, seed, strata, targets, drawHash);
    r.replacements.forEach((x, i) => {
      same(`replacements[${i}].seq`, x.seq, i + 1);
      if (!log.isActive(x.replaced)) {
        throw new Mismatch(`replacements[${i}].replaced`, 'an active target', x.replaced);
      }
      const e = log.next(x);
      for (const k of ['stratum', 'replacement', 'key', 'team', 'understaffed', 'prev', 'hash'] as const) {
        same(`replacements[${i}].${k}`, x[k], e[k]);
      }
    });
    return {
      ok: true,
      summary: {
        campaign: r.campaign,
        algorithm: r.algorithm,
        seed,
        pool: r.pool.length,
        roster: r.roster.length,
        strata: r.strata.length,
        targets: r.targets.length,
        replacements: r.replacements.length,
      },
    };
  } catch (e) {
    if (e instanceof Mismatch) {
      return {
        ok: false,
        field: e.field,
        messageZh: `${e.field} 与按记录重新计算的结果不一致`,
        messageEn: `${e.field} does not match the value recomputed from the record`,
        expected: e.expected,
        actual: e.actual,
      };
    }
    if (e instanceof DomainError) {
      return { ok: false, field: 'replacements', messageZh: e.messageZh, messageEn: e.messageEn };
    }
    throw e;
  }
}
