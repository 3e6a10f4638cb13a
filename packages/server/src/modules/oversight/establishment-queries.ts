import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { establishmentInScope, type ScopedRegion } from './scope.js';

export interface EstablishmentFilter {
  kind?: string;
  creditLevel?: string;
  riskLevel?: string;
  page: number;
  pageSize: number;
}

/** 'none' asks for the establishments not yet assessed (no credit profile). */
const levelIs = (column: SQL, level: string | undefined): SQL =>
  level === undefined ? sql`true` : level === 'none' ? sql`${column} IS NULL` : sql`${column} = ${level}`;

/** The establishments behind the dashboard's kind, credit-level and risk-level figures. */
export async function establishmentsBehind(
  db: Executor,
  actor: Actor,
  region: ScopedRegion,
  q: EstablishmentFilter,
) {
  const where = sql`e.status <> 'deregistered' AND ${establishmentInScope(actor, region)}
    AND ${q.kind ? sql`e.kind = ${q.kind}` : sql`true`}
    AND ${levelIs(sql`e.credit_level`, q.creditLevel)} AND ${levelIs(sql`e.risk_level`, q.riskLevel)}`;
  const total =
    (
      await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM oversight_establishment e WHERE ${where}`,
      )
    )[0]?.n ?? 0;
  const rows = await queryRows<{
    id: number;
    name: string;
    kind: string;
    region_code: string;
    credit_level: string | null;
    risk_level: string | null;
  }>(
    db,
    sql`SELECT e.id, e.name, e.kind, e.region_code, e.credit_level, e.risk_level
        FROM oversight_establishment e WHERE ${where}
        ORDER BY e.name, e.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return {
    total,
    items: rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      kind: r.kind,
      regionCode: r.region_code,
      creditLevel: r.credit_level,
      riskLevel: r.risk_level,
    })),
  };
}
