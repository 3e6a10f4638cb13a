import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { ESTABLISHMENT_TEMPLATE, type EstablishmentRow, validateEstablishmentRow } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Database, queryOne } from '../../../db/database.js';
import { emitEvent } from '../../../events/events.js';
import { type AuditActor, recordAudit } from '../../audit/record-audit.js';
import type { SecretBox } from '../../identity/secret-box.js';
import { dropStagedRows, stagedRowErrors } from './checks.js';
import { mergeStage } from './merge.js';
import { detectFormat, readSpreadsheet } from './read-spreadsheet.js';
import { loadAcceptedUsccs, loadRegionFacts } from './region-facts.js';
import { emptyReport, type ImportError, type ImportReport } from './report.js';
import { RowReader } from './row-reader.js';
import { SpreadsheetError } from './spreadsheet-error.js';
import { createStage, indexStage, stageRows } from './stage.js';

/** Who imports: the audit identity and the region subtree they may write ('' = everywhere, the command). */
export interface ImportActor {
  audit: AuditActor;
  regionPrefix: string;
}

export type ImportProgress =
  | { phase: 'reading'; rows: number }
  | { phase: 'checking'; rows: number }
  | { phase: 'writing'; rows: number }
  | { phase: 'done'; rows: number };

export interface ImportOptions {
  database: Database;
  secrets: SecretBox;
  now: () => Date;
  actor: ImportActor;
  /** The file on disk (uploads are spooled to a temporary file first). */
  path: string;
  fileName: string;
  /** Only report; write nothing. */
  dryRun: boolean;
  /** Write the valid rows even if some rows have errors (default: all or nothing). */
  skipInvalid?: boolean;
  maxErrors?: number;
  onProgress?: (p: ImportProgress) => void;
}

const CHUNK = 2000;

const usccWarning = (uscc: string) => ({
  column: '统一社会信用代码',
  code: 'uscc_accepted',
  message: `统一社会信用代码 ${uscc} 未通过校验，但已被确认为登记机关核发的代码`,
  messageEn: `Credit code ${uscc} fails its check but was accepted`,
});

/** Thrown inside the transaction to roll it back and hand the report out. */
class Rollback extends Error {
  constructor(readonly report: ImportReport) {
    super('rollback');
  }
}

async function sha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * Imports establishments from an .xlsx or CSV file (registry issue, "Import and export"). The file
 * is streamed; every row is validated; valid rows are staged and checked as a set; then, unless it
 * is a dry run or a row has an error, everything is merged in the same single transaction — so a
 * crash or a kill half-way leaves the database as it was. Re-running the same file changes nothing.
 */
export async function importEstablishments(opts: ImportOptions): Promise<ImportReport> {
  const report = emptyReport(opts.dryRun);
  const maxErrors = opts.maxErrors ?? 1000;
  const errorRows = new Set<number>();
  let uncounted = 0;
  const all: ImportError[] = [];
  const addError = (e: ImportError) => {
    all.push(e);
    errorRows.add(e.row);
  };
  const finish = (): ImportReport => {
    all.sort((a, b) => a.row - b.row);
    report.errorCount = all.length;
    report.errors = all.slice(0, maxErrors);
    report.valid =
      errorRows.has(0) || errorRows.has(1)
        ? 0
        : Math.max(0, report.rows - [...errorRows].filter((r) => r >= 2).length - uncounted);
    return report;
  };
  const fileError = (e: SpreadsheetError) =>
    addError({ row: 0, column: '', code: e.code, message: e.messageZh, messageEn: e.messageEn });

  let format: Awaited<ReturnType<typeof detectFormat>>;
  try {
    format = await detectFormat(opts.path);
  } catch (e) {
    if (!(e instanceof SpreadsheetError)) throw e;
    fileError(e);
    return finish();
  }
  const startedAt = opts.now();
  const db = opts.database.db;
  const regions = await loadRegionFacts(db, opts.actor.regionPrefix);
  const accepted = await loadAcceptedUsccs(db);
  const fileHash = await sha256(opts.path);

  try {
    await db.transaction(async (tx) => {
      await createStage(tx);
      const reader = new RowReader({
        template: ESTABLISHMENT_TEMPLATE,
        validate: (cells) => {
          const r = validateEstablishmentRow(cells, {
            region: (code) => regions.get(code),
            usccAccepted: (code) => accepted.has(code),
          });
          return r.value?.usccCheckFailed ? { ...r, warning: usccWarning(r.value.uscc) } : r;
        },
        onError: addError,
        onWarning: (w) => report.warnings.length < maxErrors && report.warnings.push(w),
      });
      let pending: { row: number; value: EstablishmentRow }[] = [];
      try {
        for await (const event of readSpreadsheet(opts.path, format)) {
          if (event.type === 'merged') {
            reader.merged(event.ref);
            continue;
          }
          const value = reader.row(event.row, event.cells);
          if (value) pending.push({ row: event.row, value });
          if (pending.length >= CHUNK) {
            await stageRows(tx, opts.secrets, pending);
            pending = [];
          }
          if (reader.rows % 1000 === 0 && reader.rows > 0)
            opts.onProgress?.({ phase: 'reading', rows: reader.rows });
        }
        reader.end();
      } catch (e) {
        if (!(e instanceof SpreadsheetError)) throw e;
        fileError(e);
      }
      uncounted = reader.uncountedInvalid;
      await stageRows(tx, opts.secrets, pending);
      report.rows = reader.rows;
      opts.onProgress?.({ phase: 'checking', rows: report.rows });
      await indexStage(tx);
      for (const e of await stagedRowErrors(tx, opts.actor.regionPrefix)) addError(e);

      const blocked = all.length > 0 && !opts.skipInvalid;
      if (opts.dryRun || blocked || errorRows.has(0) || errorRows.has(1)) throw new Rollback(finish());
      if (all.length) await dropStagedRows(tx, [...errorRows]);

      opts.onProgress?.({ phase: 'writing', rows: report.rows });
      const at = opts.now();
      const batch = await queryOne<{ id: number }>(
        tx,
        sql`INSERT INTO import_batch (entity, file_name, file_sha256, rows, inserted, updated, unchanged, actor_user_id, actor_name, started_at, finished_at)
            VALUES ('establishment', ${opts.fileName}, ${fileHash}, ${report.rows}, 0, 0, 0, ${opts.actor.audit.userId},
              ${opts.actor.audit.name}, ${startedAt.toISOString()}, ${at.toISOString()}) RETURNING id`,
      );
      const batchId = batch!.id;
      const counts = await mergeStage(tx, { batchId, actor: opts.actor.audit, at });
      await tx.execute(sql`UPDATE import_batch SET inserted = ${counts.inserted}, updated = ${counts.updated},
        unchanged = ${counts.unchanged} WHERE id = ${batchId}`);
      await recordAudit(
        tx,
        opts.actor.audit,
        {
          action: 'registry.establishment.import',
          entityType: 'import_batch',
          entityId: batchId,
          diff: {
            file: [null, opts.fileName],
            sha256: [null, fileHash],
            rows: [null, report.rows],
            inserted: [null, counts.inserted],
            updated: [null, counts.updated],
            unchanged: [null, counts.unchanged],
            skippedRows: [null, errorRows.size],
          },
        },
        at,
      );
      // One event per batch, not per row (an import may hold a million rows): other modules (credit:
      // default profiles and fresh risk levels) read the batch's establishments themselves.
      if (counts.inserted + counts.updated > 0) {
        await emitEvent(
          tx,
          {
            type: 'registry.establishments.imported',
            aggregateType: 'import_batch',
            aggregateId: batchId,
            payload: { batchId: Number(batchId), inserted: counts.inserted, updated: counts.updated },
          },
          at,
        );
      }
      Object.assign(report, counts, { committed: true, batchId });
    });
  } catch (e) {
    if (e instanceof Rollback) return e.report;
    throw e;
  }
  opts.onProgress?.({ phase: 'done', rows: report.rows });
  return finish();
}
