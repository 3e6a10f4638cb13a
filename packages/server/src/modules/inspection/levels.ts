import type { Executor } from '../../db/database.js';

/**
 * Risk and credit levels of establishments for the strata (kind × risk × credit). They come from
 * the credit module when it lands: it registers a source here. Until then every establishment is at
 * the level "default".
 */
export type LevelSource = (
  db: Executor,
  establishmentIds: readonly number[],
) => Promise<Map<number, { riskLevel: string | null; creditLevel: string | null }>>;

let source: LevelSource | null = null;

export function registerLevelSource(s: LevelSource | null): void {
  source = s;
}

export async function levelsOf(db: Executor, ids: readonly number[]) {
  return source
    ? source(db, ids)
    : new Map<number, { riskLevel: string | null; creditLevel: string | null }>();
}
