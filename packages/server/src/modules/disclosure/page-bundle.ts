import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { type Database, queryOne } from '../../db/database.js';
import {
  blacklistQuery,
  commitmentQuery,
  creditQuery,
  inspectionQuery,
  licenceQuery,
  mapCommitments,
  mapInspections,
  mapPenalties,
  penaltyQuery,
  type Row,
  withGradeName,
} from './sources.js';

/**
 * Everything the establishment page shows, read in one statement: the establishment and, as JSON
 * arrays, the rows of each source query (the same queries as the open data, filtered on the outer
 * row). One round trip instead of seven keeps the page cheap under load. The outer alias is `est`
 * because the source queries use `e` for their own join.
 */
const ID = sql.raw('est.id');
const list = (q: ReturnType<typeof licenceQuery>) =>
  sql`(SELECT coalesce(json_agg(q), '[]'::json) FROM (${q}) q)`;

type Json<T> = T | string;
const parse = <T>(v: Json<T>): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** The one statement (exported for EXPLAIN in the benchmark notes). */
export function pageBundleQuery(publicCode: string) {
  return sql`SELECT json_build_object('id', est.id, 'publicCode', est.public_code, 'name', est.name, 'uscc', est.uscc, 'kind', est.kind,
          'categoryCode', est.category_code, 'regionCode', est.region_code, 'address', est.address,
          'legalRepresentative', est.legal_representative, 'status', est.status, 'level', est.level, 'beds', est.beds,
          'updatedAt', est.updated_at) AS establishment,
          ${list(licenceQuery({ establishmentId: ID }))} AS licences,
          ${list(commitmentQuery(ID))} AS commitments,
          ${list(inspectionQuery({ establishmentId: ID }))} AS inspections,
          ${list(penaltyQuery({ establishmentId: ID }))} AS penalties,
          (SELECT row_to_json(q) FROM (${creditQuery(ID)}) q) AS credit,
          ${list(blacklistQuery(ID))} AS blacklist
        FROM establishment est WHERE est.public_code = ${publicCode}`;
}

interface BundleRow {
  establishment: Json<Row>;
  licences: Json<Row[]>;
  commitments: Json<Parameters<typeof mapCommitments>[0]>;
  inspections: Json<Parameters<typeof mapInspections>[0]>;
  penalties: Json<Parameters<typeof mapPenalties>[0]>;
  credit: Json<Row | null>;
  blacklist: Json<Row[]>;
}

const dialect = new PgDialect();
let prepared: { text: string } | undefined;

/**
 * On PostgreSQL the statement is a named prepared statement: planning it (seven sub-queries) took
 * ~2.4 ms against ~0.3 ms to execute it (EXPLAIN ANALYZE on the demo data, docs/benchmarks.md), and
 * a prepared statement is planned once per connection and then runs on its cached plan. On PGlite
 * (one embedded session) the same through SQL PREPARE / EXECUTE.
 */
function statementText(): string {
  if (!prepared) {
    const q = dialect.sqlToQuery(pageBundleQuery(''));
    // The public code is the statement's only parameter.
    if (q.params.length !== 1) throw new Error('page bundle: expected one parameter');
    prepared = { text: q.sql };
  }
  return prepared.text;
}

/** PGlite sessions that hold the prepared statement (PREPARE lives as long as the session). */
const preparedOn = new WeakSet<object>();

async function bundleRow(database: Pick<Database, 'db' | 'pool' | 'pglite'>, publicCode: string) {
  const lite = database.pglite;
  if (lite && /^[0-9A-Z]{1,32}$/.test(publicCode)) {
    // PGlite's EXECUTE takes no bound parameters; the code is a checked establishment code
    // (letters and digits only, tested just above), so it is written as a literal.
    if (!preparedOn.has(lite)) {
      await lite.exec(`PREPARE disclosure_page_bundle(text) AS ${statementText()}`);
      preparedOn.add(lite);
    }
    const r = await lite.query<BundleRow>(`EXECUTE disclosure_page_bundle('${publicCode}')`);
    return r.rows[0];
  }
  if (!database.pool) return queryOne<BundleRow>(database.db, pageBundleQuery(publicCode));
  const r = await database.pool.query<BundleRow>({
    name: 'disclosure_page_bundle',
    text: statementText(),
    values: [publicCode],
  });
  return r.rows[0];
}

export async function pageBundle(database: Pick<Database, 'db' | 'pool' | 'pglite'>, publicCode: string) {
  const r = await bundleRow(database, publicCode);
  if (!r) return undefined;
  const e = parse(r.establishment);
  const credit = parse(r.credit);
  return {
    establishment: { ...e, updatedAt: e.updatedAt ? new Date(e.updatedAt as string).toISOString() : null },
    licences: parse(r.licences),
    commitments: mapCommitments(parse(r.commitments)),
    inspections: mapInspections(parse(r.inspections)),
    penalties: mapPenalties(parse(r.penalties)),
    credit: credit ? withGradeName(credit) : undefined,
    blacklist: parse(r.blacklist),
  };
}
