import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import type { Actor } from '../identity/actor.js';
import { listUnits } from '../identity/units/queries.js';
import { insertInspector } from './create-inspector.js';
import { ROSTER_COLUMNS, type RosterRow, rosterColumn, rosterRow } from './roster-sheet.js';
import { inspectorInScope } from './scope.js';
import { changeInspector } from './update-inspector.js';
import { type RowError, readSheet, rowError, throwRowErrors } from './xlsx-sheet.js';

export interface RosterImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** Rolls a dry run's transaction back after everything was checked against the database. */
class DryRunDone extends Error {
  constructor(readonly report: RosterImportReport) {
    super('dry run');
  }
}

/**
 * Imports the roster from a sheet (the export's columns): a row whose certificate number is on the
 * roster changes that officer, any other row adds one, in the named unit of the actor's scope. All
 * or nothing: one wrong row refuses the file and names every wrong cell. A dry run checks
 * everything, the database's rules included, and writes nothing. Every change is audited as the
 * console's edits are.
 */
export async function importInspectors(opts: {
  ctx: AppContext;
  actor: Actor;
  body: Buffer;
  dryRun: boolean;
}): Promise<RosterImportReport> {
  const { ctx, actor, body, dryRun } = opts;
  const errors: RowError[] = [];
  const rows = (await readSheet(body, ROSTER_COLUMNS))
    .map((r) => rosterRow(r.row, r.cells, errors))
    .filter((r): r is RosterRow => r !== null);
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    const seen = firstRow.get(r.certificateNo);
    if (seen) errors.push(rowError(r.row, rosterColumn.CERT, `与第 ${seen} 行重复`, `same as row ${seen}`));
    else firstRow.set(r.certificateNo, r.row);
  }
  if (rows.length === 0 && errors.length === 0)
    errors.push(rowError(2, rosterColumn.CERT, '表格中没有执法人员', 'the sheet has no officers'));
  throwRowErrors(errors);
  const db = ctx.database.db;
  const units = await unitsByName(db, actor);
  const known = await knownCertificates(
    db,
    actor,
    rows.map((r) => r.certificateNo),
  );
  for (const r of rows) {
    const candidates = units.get(r.unitName) ?? [];
    if (candidates.length !== 1)
      errors.push(
        candidates.length === 0
          ? rowError(r.row, rosterColumn.UNIT, '不是本单位管辖范围内的单位', 'not a unit in your scope')
          : rowError(
              r.row,
              rosterColumn.UNIT,
              '有多个同名单位，请联系管理员',
              'several units have this name',
            ),
      );
    const k = known.get(r.certificateNo);
    if (k && !k.inScope)
      errors.push(
        rowError(
          r.row,
          rosterColumn.CERT,
          '已登记在本单位管辖范围外的执法人员名下',
          'belongs to an officer outside your scope',
        ),
      );
  }
  throwRowErrors(errors);
  const now = ctx.now();
  const report: RosterImportReport = { dryRun, rows: rows.length, created: 0, updated: 0, unchanged: 0 };
  try {
    await db.transaction(async (tx) => {
      for (const r of rows) {
        const unitId = units.get(r.unitName)![0]!;
        const { row, unitName: _, ...fields } = r;
        const existing = known.get(r.certificateNo);
        try {
          if (existing) {
            const changed = await changeInspector(tx, actor, existing.id, { ...fields, unitId }, now);
            if (changed) report.updated++;
            else report.unchanged++;
          } else {
            await insertInspector(tx, actor, { ...fields, unitId, userId: null }, now);
            report.created++;
          }
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          throw new DomainError(
            e.code,
            `第 ${row} 行：${e.messageZh}`,
            `Row ${row}: ${e.messageEn}`,
            e.details,
          );
        }
      }
      if (dryRun) throw new DryRunDone(report);
    });
  } catch (e) {
    if (e instanceof DryRunDone) return e.report;
    throw e;
  }
  return report;
}

async function unitsByName(db: Executor, actor: Actor): Promise<Map<string, number[]>> {
  const { items } = await listUnits(db, actor, { page: 1, pageSize: 10_000 });
  const out = new Map<string, number[]>();
  for (const u of items) out.set(u.name, [...(out.get(u.name) ?? []), u.id]);
  return out;
}

async function knownCertificates(db: Executor, actor: Actor, certificates: string[]) {
  const rows = await queryRows<{ id: number; certificate_no: string; in_scope: boolean }>(
    db,
    sql`SELECT o.id, o.certificate_no, ${inspectorInScope(actor)} AS in_scope FROM inspector o
        WHERE o.certificate_no = ANY(${sql.param(certificates)}::text[])`,
  );
  return new Map(rows.map((r) => [r.certificate_no, { id: Number(r.id), inScope: r.in_scope }]));
}
