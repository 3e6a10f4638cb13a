import type { DatasetId } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';

/**
 * A cheap fingerprint of the source records of each data set: when it moves during the day (a
 * penalty withdrawn, a licence revoked, a result published), that data set's files are out of date
 * and are written again on the next request. The fingerprint hashes the facts that decide display
 * (status, dates, `updated_at`), not only a last-change time: a change stamped with the same instant
 * as the one before still moves it. The two large sets — the establishment directory and the
 * supervision modes, a row per establishment — are daily snapshots (`daily`): a change shows in
 * the next day's file, and nothing in them is ever withdrawn.
 */
const fp = (table: SQL, key: SQL, where: SQL = sql`true`) =>
  sql`(SELECT count(*)::text || ':' || coalesce(sum(hashtext(${key})::bigint), 0)::text FROM ${table} WHERE ${where})`;

const LICENCES = fp(
  sql`licensing_license l`,
  sql`l.id::text || l.status || coalesce(l.valid_to::text, '') || coalesce(l.status_changed_on::text, '') || l.updated_at::text`,
);
const REVALIDATIONS = fp(
  sql`licensing_revalidation r`,
  sql`r.id::text || r.state || r.due_on::text || r.updated_at::text`,
);
const APPLICATIONS = fp(
  sql`licensing_application a`,
  sql`a.id::text || a.state || coalesce(a.number, '') || coalesce(a.decided_on::text, '') || coalesce(a.public_notice_until::text, '')`,
);
const TASKS = fp(sql`licensing_task t`, sql`t.id::text || t.state || t.updated_at::text`);

/** The fingerprint of a daily snapshot: constant, so its files change only with the day. */
const DAILY = sql`'daily'`;

const VERSIONS: Record<DatasetId, SQL> = {
  establishments: DAILY,
  supervision_modes: DAILY,
  licences: sql`${LICENCES} || '/' || ${REVALIDATIONS}`,
  revoked_licences: LICENCES,
  approved_institutions: LICENCES,
  commitments: sql`${APPLICATIONS} || '/' || ${TASKS} || '/' || ${LICENCES}`,
  notices: APPLICATIONS,
  inspection_results: fp(
    sql`inspection i`,
    sql`i.id::text || i.published_at::text`,
    sql`i.published_at IS NOT NULL`,
  ),
  penalties: fp(
    sql`penalty_publication p`,
    sql`p.id::text || p.status || coalesce(p.published_on::text, '') || coalesce(p.max_until::text, '') || coalesce(p.withdrawn_on::text, '') || p.updated_at::text`,
  ),
  credit: sql`${fp(
    sql`credit_profile p`,
    sql`p.subject_id::text || coalesce(p.grade, '') || p.demerit_points::text || coalesce(p.demerit_cycle_end::text, '')`,
    sql`p.subject_type = 'establishment' AND (p.grade IS NOT NULL OR p.demerit_points > 0)`,
  )} || '/' || ${fp(sql`credit_grading g`, sql`g.id::text`)}`,
  blacklist: fp(
    sql`credit_blacklist b`,
    sql`b.id::text || b.status || coalesce(b.ends_on::text, '') || array_to_string(b.flags, ',')`,
  ),
  campaigns: sql`${fp(
    sql`campaign c`,
    sql`c.id::text || c.status || coalesce(c.published_at::text, '') || c.updated_at::text`,
  )} || '/' || ${fp(sql`campaign_draw d`, sql`d.campaign_id::text || coalesce(d.draw_hash, '')`)}`,
};

/** The data sets that are daily snapshots (read from VERSIONS). */
export const DAILY_DATASETS: ReadonlySet<DatasetId> = new Set(
  (Object.keys(VERSIONS) as DatasetId[]).filter((id) => VERSIONS[id] === DAILY),
);

/** The fingerprints of the given data sets, in one statement. */
export async function sourceVersions(
  db: Executor,
  ids: readonly DatasetId[],
): Promise<Map<DatasetId, string>> {
  const cols = sql.join(
    ids.map((id) => sql`${VERSIONS[id]} AS ${sql.identifier(id)}`),
    sql`, `,
  );
  const row = await queryOne<Record<string, string>>(db, sql`SELECT ${cols}`);
  return new Map(ids.map((id) => [id, String(row?.[id] ?? '')]));
}
