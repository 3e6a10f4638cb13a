import {
  ESTABLISHMENT_FLAGS,
  ESTABLISHMENT_KINDS,
  ESTABLISHMENT_STATUSES,
  isPublicCode,
} from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { regionPath } from '../regions/queries.js';
import {
  ESTABLISHMENT_COLUMNS,
  type EstablishmentRecord,
  iso,
  likeEscape,
  loadEstablishment,
  nameMatches,
  presentEstablishment,
  presentSummary,
  regionFilterPrefix,
} from './establishment-record.js';
import type { EstablishmentListQuery } from './schemas.js';
import { establishmentInScope } from './scope.js';

/** Counting stops here: "5,000+" is as useful as an exact count and stays fast on a million rows. */
export const COUNT_CAP = 5_000;

function list(value: string | undefined, allowed?: readonly string[]): string[] {
  const items = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return allowed ? items.filter((s) => allowed.includes(s)) : items;
}

/** The WHERE clause of a filtered establishment list, always inside the actor's scope. */
export function establishmentFilter(
  actor: Actor,
  q: Omit<EstablishmentListQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
): SQL {
  const where: SQL[] = [establishmentInScope(actor)];
  if (q.q) where.push(nameMatches(sql.raw('e.name'), q.q));
  if (q.code) {
    const code = q.code.toUpperCase();
    where.push(
      isPublicCode(code)
        ? sql`(e.public_code = ${code} OR e.uscc = ${code})`
        : sql`e.uscc LIKE ${`${likeEscape(code)}%`}`,
    );
  }
  const kinds = list(q.kind, ESTABLISHMENT_KINDS);
  if (q.kind !== undefined)
    where.push(
      kinds.length
        ? sql`e.kind IN (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  const categories = list(q.category).map((c) => c.toUpperCase());
  if (categories.length) {
    where.push(
      sql`(${sql.join(
        categories.map((c) =>
          c.length === 4 ? sql`e.category_code = ${c}` : sql`e.category_code LIKE ${`${likeEscape(c)}%`}`,
        ),
        sql` OR `,
      )})`,
    );
  }
  if (q.region) where.push(sql`e.region_code LIKE ${`${regionFilterPrefix(q.region)}%`}`);
  const statuses = list(q.status, ESTABLISHMENT_STATUSES);
  if (q.status !== undefined)
    where.push(
      statuses.length
        ? sql`e.status IN (${sql.join(
            statuses.map((s) => sql`${s}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  const flags = list(q.flags, ESTABLISHMENT_FLAGS);
  if (flags.length) where.push(sql`e.flags @> ${sql.param(flags)}::text[]`);
  if (q.ownership) where.push(sql`e.ownership = ${q.ownership}`);
  return sql.join(where, sql` AND `);
}

const SORT_SQL: Record<EstablishmentListQuery['sort'], SQL> = {
  name: sql.raw('e.name'),
  updatedAt: sql.raw('e.updated_at'),
  createdAt: sql.raw('e.created_at'),
  beds: sql.raw('e.beds'),
  regionCode: sql.raw('e.region_code'),
  categoryCode: sql.raw('e.category_code'),
};

export async function searchEstablishments(db: Executor, actor: Actor, q: EstablishmentListQuery) {
  const where = establishmentFilter(actor, q);
  const dir = sql.raw(q.order === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS LAST');
  const idDir = sql.raw(q.order === 'desc' ? 'DESC' : 'ASC');
  const order = sql`${SORT_SQL[q.sort]} ${dir}, e.id ${idDir}`;
  const limit = sql`LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`;
  const present = (rows: EstablishmentRecord[], n: number) => ({
    items: rows.map(presentSummary),
    total: Math.min(n, COUNT_CAP),
    totalExact: n <= COUNT_CAP,
    page: q.page,
    pageSize: q.pageSize,
  });
  // The page is chosen from establishment alone, then joined to region (joined first, a misestimated
  // filter could loop over the region table for every match).
  const pageBy = (pageOrder: typeof order) =>
    queryRows<EstablishmentRecord>(
      db,
      sql`WITH p AS MATERIALIZED (SELECT e.* FROM establishment e WHERE ${where} ORDER BY ${pageOrder} ${limit})
          SELECT ${ESTABLISHMENT_COLUMNS} FROM p e JOIN region r ON r.code = e.region_code ORDER BY ${order}`,
    );
  if (q.q) {
    // A name search takes its matches first (at most COUNT_CAP + 1, from the name indexes) and sorts
    // those, so its cost follows the number of matches, never their position in name order (names
    // sharing a prefix such as 阳信县… cluster there, and walking the name index to them is slow).
    const rows = await queryRows<EstablishmentRecord & { found: number }>(
      db,
      sql`WITH m AS MATERIALIZED (SELECT e.* FROM establishment e WHERE ${where} LIMIT ${COUNT_CAP + 1})
          SELECT (SELECT count(*)::int FROM m) AS found, p.*
          FROM (SELECT 1) one LEFT JOIN (
            SELECT ${ESTABLISHMENT_COLUMNS} FROM m e JOIN region r ON r.code = e.region_code ORDER BY ${order} ${limit}
          ) p ON true`,
    );
    const found = rows[0]?.found ?? 0;
    if (found <= COUNT_CAP)
      return present(
        rows.filter((r) => r.id !== null),
        found,
      );
    // A broad search: all its matches are sorted (`|| ''` hides the name index), for the same reason.
    const broad = q.sort === 'name' ? sql`(e.name || '') ${dir}, e.id ${idDir}` : order;
    return present(await pageBy(broad), found);
  }
  const rows = await pageBy(order);
  // A first page that is not full is the whole answer; otherwise count, up to the cap.
  if (q.page === 1 && rows.length < q.pageSize) return present(rows, rows.length);
  const counted = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM establishment e WHERE ${where} LIMIT ${COUNT_CAP + 1}) t`,
  );
  return present(rows, counted?.n ?? 0);
}

/** Keyset pages of a filtered list in id order, for exports that must not hold everything at once. */
export async function* establishmentsForExport(
  db: Executor,
  actor: Actor,
  q: Omit<EstablishmentListQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
  pageSize = 2000,
): AsyncGenerator<EstablishmentRecord[]> {
  const where = establishmentFilter(actor, q);
  let after = 0;
  for (;;) {
    const rows = await queryRows<EstablishmentRecord>(
      db,
      sql`SELECT ${ESTABLISHMENT_COLUMNS} FROM establishment e JOIN region r ON r.code = e.region_code
          WHERE ${where} AND e.id > ${after} ORDER BY e.id LIMIT ${pageSize}`,
    );
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

export async function establishmentDetail(db: Executor, actor: Actor, id: number) {
  const r = await loadEstablishment(db, actor, id);
  const acceptance =
    r.uscc_check_failed && r.uscc
      ? await queryOne<{ reason: string; accepted_by_name: string | null; accepted_at: Date | string }>(
          db,
          sql`SELECT reason, accepted_by_name, accepted_at FROM uscc_acceptance WHERE uscc = ${r.uscc}`,
        )
      : undefined;
  const count = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM practitioner WHERE primary_establishment_id = ${id} AND status = 'active'`,
  );
  return presentEstablishment(r, {
    regionPath: await regionPath(db, r.region_code),
    usccAcceptance: acceptance
      ? {
          reason: acceptance.reason,
          acceptedBy: acceptance.accepted_by_name,
          acceptedAt: iso(acceptance.accepted_at),
        }
      : null,
    practitionerCount: count?.n ?? 0,
  });
}

/** Accepted failing codes, as accepted by users of the actor's region subtree. */
export async function listUsccAcceptances(db: Executor, actor: Actor) {
  if (actor.regionPrefix === null) return [];
  const rows = await queryRows<{
    uscc: string;
    reason: string;
    accepted_by_name: string | null;
    accepted_at: Date | string;
  }>(
    db,
    sql`SELECT uscc, reason, accepted_by_name, accepted_at FROM uscc_acceptance
        WHERE region_code LIKE ${`${actor.regionPrefix}%`} ORDER BY accepted_at DESC LIMIT 500`,
  );
  return rows;
}

/** What other modules need of an establishment they already hold a reference to (licensing, certificates). */
export interface EstablishmentFacts {
  id: number;
  publicCode: string;
  name: string;
  uscc: string | null;
  kind: string;
  categoryCode: string;
  regionCode: string;
  address: string;
  legalRepresentative: string | null;
  level: string | null;
  beds: number | null;
  status: string;
}

export async function establishmentFacts(db: Executor, id: number): Promise<EstablishmentFacts | undefined> {
  return queryOne<EstablishmentFacts>(
    db,
    sql`SELECT id, public_code AS "publicCode", name, uscc, kind, category_code AS "categoryCode", region_code AS "regionCode",
          address, legal_representative AS "legalRepresentative", level, beds, status
        FROM establishment WHERE id = ${id}`,
  );
}
