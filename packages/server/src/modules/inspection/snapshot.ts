import {
  compareAscii,
  type DrawSnapshot,
  type EstablishmentKind,
  type Exclusion,
  type PoolEntry,
  type RosterEntry,
  type StratumParams,
  stratumOf,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import { regionFilterPrefix } from '../registry/establishment-record.js';
import { poolEstablishments } from '../registry/pool-queries.js';
import type { CampaignRow } from './campaign-queries.js';
import { chinaDay } from './dates.js';
import { levelsOf } from './levels.js';
import type { StoredSnapshot } from './record-store.js';

/** Region codes above a code (its ancestors' scope prefixes) and the code's own subtree prefix. */
function related(regionCode: string) {
  const own = regionFilterPrefix(regionCode);
  return { own, ancestors: [2, 4, 6, 9].filter((n) => n < own.length).map((n) => own.slice(0, n)) };
}

/**
 * Freezes what the draw runs on (docs/draw-algorithm.md §11): the operating establishments of the
 * campaign's kinds and regions with their strata; the available officers (certificate not expired
 * on the freeze day) of its departments in
 * its region (its subtree, or a unit above it) with their jurisdiction; the conflict links between
 * them, and every officer who inspected a pool establishment within the policy's period.
 */
export async function buildSnapshot(
  db: Executor,
  c: CampaignRow,
  opts: { at: Date; recentInspectionDays: number },
): Promise<StoredSnapshot> {
  const strata = new Map<string, StratumParams>();
  const entries: { entry: PoolEntry; id: number; kind: string }[] = [];
  // Many establishments share (kind, flags, levels): each stratum is worked out once.
  const stratumCache = new Map<string, ReturnType<typeof stratumOf>>();
  for await (const page of poolEstablishments(db, {
    regionCodes: c.region_codes,
    kinds: c.kinds,
    statuses: ['operating'],
  })) {
    const levels = await levelsOf(
      db,
      page.map((e) => Number(e.id)),
    );
    for (const e of page) {
      const l = levels.get(Number(e.id));
      const key = `${e.kind}|${e.flags.join(',')}|${l?.riskLevel ?? ''}|${l?.creditLevel ?? ''}`;
      let s = stratumCache.get(key);
      if (!s) {
        s = stratumOf(
          {
            kind: e.kind as EstablishmentKind,
            flags: e.flags,
            riskLevel: l?.riskLevel,
            creditLevel: l?.creditLevel,
          },
          c.sampling,
        );
        stratumCache.set(key, s);
      }
      if (!strata.has(s.id)) strata.set(s.id, { id: s.id, ratio: s.ratio, qualification: s.qualification });
      entries.push({
        entry: { code: e.uscc ?? e.publicCode, region: e.regionCode, stratum: s.id },
        id: Number(e.id),
        kind: e.kind,
      });
    }
  }
  entries.sort((a, b) => compareAscii(a.entry.code, b.entry.code));

  const { own, ancestors } = related(c.region_code);
  const officers = await queryRows<{
    id: number;
    certificate_no: string;
    department_code: string;
    region_code: string;
    specialties: string[];
  }>(
    db,
    sql`SELECT id, certificate_no, department_code, region_code, specialties FROM inspector
        WHERE available AND (certificate_valid_until IS NULL OR certificate_valid_until >= ${chinaDay(opts.at)}::date)
          AND department_code = ANY(${sql.param(c.departments)}::text[])
          AND (region_code LIKE ${`${own}%`} ${
            ancestors.length
              ? sql`OR region_code IN (${sql.join(
                  ancestors.map((a) => sql`${a.padEnd(6, '0')}`),
                  sql`, `,
                )})`
              : sql``
          })
`,
  );
  // Byte order, whatever the database's collation.
  officers.sort((a, b) => compareAscii(a.certificate_no, b.certificate_no));
  const roster: RosterEntry[] = officers.map((o) => ({
    certificateNo: o.certificate_no,
    department: o.department_code,
    jurisdiction: c.cross_region ? '' : regionFilterPrefix(o.region_code),
    qualifications: [...new Set(o.specialties)].sort(),
  }));
  const officerIds = officers.map((o) => Number(o.id));

  const since = new Date(opts.at.getTime() - opts.recentInspectionDays * 86_400_000).toISOString();
  const links = await queryRows<{
    inspector_id: number;
    establishment_id: number;
    reason: Exclusion['reason'];
  }>(
    db,
    sql`SELECT inspector_id, establishment_id, reason FROM inspector_conflict
          WHERE ended_at IS NULL AND inspector_id = ANY(${sql.param(officerIds)}::bigint[])
        UNION ALL
        SELECT o.inspector_id, i.establishment_id, 'recent_inspection' FROM inspection_officer o JOIN inspection i ON i.id = o.inspection_id
          WHERE i.status = 'completed' AND i.inspected_at >= ${since} AND o.inspector_id = ANY(${sql.param(officerIds)}::bigint[])`,
  );
  const certOf = new Map(officers.map((o) => [Number(o.id), o.certificate_no]));
  const codeOf = new Map(entries.map((e) => [e.id, e.entry.code]));
  const pairs = new Map<string, Exclusion>();
  for (const l of links) {
    const code = codeOf.get(Number(l.establishment_id));
    const cert = certOf.get(Number(l.inspector_id));
    if (!code || !cert) continue;
    const key = `${cert}\u0000${code}`;
    if (!pairs.has(key)) pairs.set(key, { certificateNo: cert, code, reason: l.reason });
  }
  const exclusions = [...pairs.values()].sort(
    (a, b) => compareAscii(a.certificateNo, b.certificateNo) || compareAscii(a.code, b.code),
  );

  const snapshot: DrawSnapshot = {
    params: {
      departments: [...c.departments].sort(),
      teamSize: c.team_size,
      workloadCap: c.workload_cap,
      strata: [...strata.values()].sort((a, b) => compareAscii(a.id, b.id)),
    },
    pool: entries.map((e) => e.entry),
    roster,
    exclusions,
  };
  return {
    snapshot,
    poolIds: entries.map((e) => e.id),
    poolKinds: entries.map((e) => e.kind),
    rosterIds: officerIds,
  };
}
