import {
  type EstablishmentKind,
  expectedCounts,
  staffingProblems as findStaffingProblems,
  forecastCoverage,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne } from '../../db/database.js';
import { regionFilterPrefix } from '../registry/establishment-record.js';
import type { CampaignRow } from './campaign-queries.js';
import type { forecastSchema } from './campaign-schemas.js';
import { dateText } from './dates.js';
import { buildSnapshot } from './snapshot.js';

type Forecast = z.infer<typeof forecastSchema>;

/** Establishments of the campaign's kinds and regions already drawn this year by other campaigns. */
async function coveredThisYear(db: Executor, c: CampaignRow): Promise<number> {
  const year = Number(dateText(c.period_start)!.slice(0, 4));
  const regions = sql.join(
    c.region_codes.map((r) => sql`i.region_code LIKE ${`${regionFilterPrefix(r)}%`}`),
    sql` OR `,
  );
  const r = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(DISTINCT i.establishment_id)::int AS n FROM inspection i JOIN campaign c ON c.id = i.campaign_id
        WHERE i.task_kind = 'random' AND i.status IN ('assigned', 'completed') AND i.campaign_id <> ${c.id}
          AND extract(year FROM c.period_start) = ${year}
          AND i.establishment_kind = ANY(${sql.param(c.kinds)}::text[]) AND (${regions})`,
  );
  return r?.n ?? 0;
}

/** kind/sector/risk/credit: the parts of a stratum id (sampling.ts, stratumOf). */
function stratumParts(id: string) {
  const [kind, sector = '', riskLevel = '', creditLevel = ''] = id.split('/');
  return { kind: kind as EstablishmentKind, sector, riskLevel, creditLevel };
}

/**
 * What a plan would draw, before anything is drawn: each stratum's N_h and n_h from the live pool
 * (or the frozen one once the pool is closed), the expected number of inspections, the year's
 * coverage against the target, and the strata whose regions lack eligible inspectors.
 */
export async function campaignForecast(
  db: Executor,
  c: CampaignRow,
  frozen: { strata: Forecast['strata'] } | null,
  opts: { at: Date; recentInspectionDays: number },
): Promise<Forecast> {
  // The strata come from the same snapshot the freeze will take (with the credit module's risk and
  // credit levels), so the forecast shows what will be drawn; once frozen, the frozen figures.
  const snapshot = frozen ? null : (await buildSnapshot(db, c, opts)).snapshot;
  let strata: Forecast['strata'];
  if (frozen) strata = frozen.strata.map((h) => ({ ...h, ...stratumParts(h.id) }));
  else {
    const params = new Map(snapshot!.params.strata.map((h) => [h.id, h]));
    strata = expectedCounts(snapshot!)
      .filter((h) => h.population > 0)
      .map((h) => ({
        ...h,
        ratio: params.get(h.id)!.ratio,
        qualification: params.get(h.id)!.qualification,
        ...stratumParts(h.id),
      }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  const expected = strata.reduce((n, s) => n + s.sample, 0);
  const population = strata.reduce((n, s) => n + s.population, 0);
  const coveredSoFar = await coveredThisYear(db, c);
  const staffingProblems: Forecast['staffingProblems'] = [];
  if (snapshot) staffingProblems.push(...findStaffingProblems(snapshot, expectedCounts(snapshot)));
  return {
    strata,
    expectedInspections: expected,
    coveredSoFar,
    yearCoverage: forecastCoverage({ population, coveredSoFar, planned: expected, target: c.year_target }),
    staffingProblems,
    frozen: frozen !== null,
  };
}
