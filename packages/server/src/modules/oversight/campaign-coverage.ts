import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import type { GridRow } from './grid-scope.js';

/**
 * A patrol may count towards a special campaign (专项整治) only if the campaign covers the grid's
 * region and department (seed 001 四(六): campaigns across departments, each with its own area).
 */
export async function checkCampaignCoversGrid(
  tx: Executor,
  grid: Pick<GridRow, 'region_code' | 'department_code'>,
  campaignId: number,
): Promise<void> {
  const c = await queryOne(
    tx,
    sql`SELECT 1 AS ok FROM oversight_special_campaign c
        WHERE c.id = ${campaignId} AND ${grid.region_code} LIKE c.region_code || '%'
          AND ${grid.department_code} = ANY(c.departments)`,
  );
  if (!c) {
    throw new DomainError(
      'validation_failed',
      `专项整治 ${campaignId} 不包括该网格的地区或部门`,
      `Special campaign ${campaignId} does not cover this grid's region or department`,
    );
  }
}
