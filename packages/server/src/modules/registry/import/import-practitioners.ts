import { PRACTITIONER_TEMPLATE, type PractitionerRow, validatePractitionerRow } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../../db/database.js';
import { diffOf, recordAudit } from '../../audit/record-audit.js';
import { likeEscape } from '../establishment-record.js';
import { practitionerSnapshot } from '../practitioner-record.js';
import { creationDiff, writeVersion } from '../versions.js';
import type { ImportOptions } from './import-establishments.js';
import { detectFormat, readSpreadsheet } from './read-spreadsheet.js';
import { emptyReport, type ImportError, type ImportReport } from './report.js';
import { RowReader } from './row-reader.js';
import { SpreadsheetError } from './spreadsheet-error.js';

/**
 * Imports practitioners (the template of PRACTITIONER_TEMPLATE) with the establishment import's
 * rules: a report first, then all or nothing in one transaction, matched by ID number (keyed hash)
 * or — for a masked number from an export — by practising certificate number. Practitioner files
 * are staff lists (thousands of rows), so rows are written one by one inside the transaction.
 */
interface Existing {
  id: number;
  name: string;
  id_number_hash: string;
  id_number_masked: string;
  profession: string;
  qualification_cert_no: string | null;
  practising_cert_no: string | null;
  practice_category: string | null;
  practice_scopes: string[];
  title_grade: string | null;
  primary_establishment_id: number;
  status: string;
  version: number;
  region_code: string;
}

class Rollback extends Error {
  constructor(readonly report: ImportReport) {
    super('rollback');
  }
}

const COL = Object.fromEntries(PRACTITIONER_TEMPLATE.columns.map((c) => [c.key, c.header])) as Record<
  string,
  string
>;

export async function importPractitioners(opts: ImportOptions): Promise<ImportReport> {
  const report = emptyReport(opts.dryRun);
  const errors: ImportError[] = [];
  const bad = new Set<number>();
  const add = (row: number, column: string, code: string, message: string, messageEn: string) => {
    errors.push({ row, column, code, message, messageEn });
    bad.add(row);
  };
  const finish = () => {
    errors.sort((a, b) => a.row - b.row);
    report.errorCount = errors.length;
    report.errors = errors.slice(0, opts.maxErrors ?? 1000);
    report.valid =
      bad.has(0) || bad.has(1) ? 0 : Math.max(0, report.rows - [...bad].filter((r) => r >= 2).length);
    return report;
  };
  const today = opts.now().toISOString().slice(0, 10);
  const rows: { row: number; value: PractitionerRow; hash: string | null }[] = [];
  try {
    const format = await detectFormat(opts.path);
    const reader = new RowReader({
      template: PRACTITIONER_TEMPLATE,
      validate: (cells) => validatePractitionerRow(cells, { today }),
      onError: (e) => add(e.row, e.column, e.code, e.message, e.messageEn),
      onWarning: () => undefined,
    });
    for await (const event of readSpreadsheet(opts.path, format)) {
      if (event.type === 'merged') reader.merged(event.ref);
      else {
        const value = reader.row(event.row, event.cells);
        const hash =
          value?.idNumber.kind === 'full' ? opts.secrets.lookupHash(value.idNumber.normalized) : null;
        if (value) rows.push({ row: event.row, value, hash });
        if (reader.rows % 1000 === 0 && reader.rows > 0)
          opts.onProgress?.({ phase: 'reading', rows: reader.rows });
      }
    }
    reader.end();
    report.rows = reader.rows;
  } catch (e) {
    if (!(e instanceof SpreadsheetError)) throw e;
    add(0, '', e.code, e.messageZh, e.messageEn);
    return finish();
  }
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = r.hash ?? `${r.value.idNumber.masked}|${r.value.practisingCertNo}`;
    const first = seen.get(key);
    if (first)
      add(
        r.row,
        COL.idNumber!,
        'duplicate_person',
        `与第 ${first} 行是同一人；每人在文件中只能出现一次`,
        `Same person as row ${first}`,
      );
    else seen.set(key, r.row);
  }
  opts.onProgress?.({ phase: 'checking', rows: report.rows });
  const prefix = `${likeEscape(opts.actor.regionPrefix)}%`;
  try {
    await opts.database.db.transaction(async (tx) => {
      const usccs = [...new Set(rows.map((r) => r.value.primaryUscc))];
      const places = new Map(
        (
          await queryRows<{ id: number; uscc: string; kind: string; in_scope: boolean }>(
            tx,
            sql`SELECT id, uscc, kind, region_code LIKE ${prefix} AS in_scope FROM establishment WHERE uscc = ANY(${sql.param(usccs)}::text[])`,
          )
        ).map((e) => [e.uscc, e]),
      );
      const existing = await findExisting(tx, rows);
      const work: {
        row: number;
        value: PractitionerRow;
        hash: string | null;
        primary: number;
        old: Existing | undefined;
      }[] = [];
      for (const r of rows) {
        if (bad.has(r.row)) continue;
        const place = places.get(r.value.primaryUscc);
        if (!place?.in_scope) {
          add(
            r.row,
            COL.primaryUscc!,
            'unknown_establishment',
            `统一社会信用代码 ${r.value.primaryUscc} 的机构未登记或不在您的管辖范围内`,
            'No such establishment in your area',
          );
          continue;
        }
        if (place.kind !== 'medical')
          add(
            r.row,
            COL.primaryUscc!,
            'not_medical',
            '主要执业机构应为医疗卫生机构',
            'The primary institution must be medical',
          );
        const old = r.hash
          ? existing.byHash.get(r.hash)
          : existing.byCert.get(r.value.practisingCertNo ?? '')?.id_number_masked === r.value.idNumber.masked
            ? existing.byCert.get(r.value.practisingCertNo ?? '')
            : undefined;
        if (r.value.idNumber.kind === 'masked' && !old) {
          add(
            r.row,
            COL.idNumber!,
            'masked_id',
            '身份证件号码已脱敏，且未能按执业证书编号找到对应人员；请填写完整号码',
            'Masked ID number without a matching practising certificate',
          );
        }
        if (old && !old.region_code.startsWith(opts.actor.regionPrefix)) {
          add(
            r.row,
            COL.idNumber!,
            'practitioner_out_of_scope',
            '该人员登记在您管辖范围以外的机构，不能通过导入修改',
            'The practitioner belongs to another area',
          );
        }
        if (!bad.has(r.row)) work.push({ ...r, primary: place.id, old });
      }
      if (opts.dryRun || (errors.length && !opts.skipInvalid) || bad.has(0) || bad.has(1))
        throw new Rollback(finish());
      opts.onProgress?.({ phase: 'writing', rows: report.rows });
      const at = opts.now();
      const batch = await queryOne<{ id: number }>(
        tx,
        sql`INSERT INTO import_batch (entity, file_name, rows, inserted, updated, unchanged, actor_user_id, actor_name, started_at, finished_at)
            VALUES ('practitioner', ${opts.fileName}, ${report.rows}, 0, 0, 0, ${opts.actor.audit.userId}, ${opts.actor.audit.name}, ${at.toISOString()}, ${at.toISOString()})
            RETURNING id`,
      );
      const counts = { inserted: 0, updated: 0, unchanged: 0 };
      for (const w of work) await writeRow(tx, opts, w, batch!.id, at, counts);
      await tx.execute(
        sql`UPDATE import_batch SET inserted = ${counts.inserted}, updated = ${counts.updated}, unchanged = ${counts.unchanged} WHERE id = ${batch!.id}`,
      );
      await recordAudit(
        tx,
        opts.actor.audit,
        {
          action: 'registry.practitioner.import',
          entityType: 'import_batch',
          entityId: batch!.id,
          diff: {
            file: [null, opts.fileName],
            rows: [null, report.rows],
            ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, [null, v]])),
          },
        },
        at,
      );
      Object.assign(report, counts, { committed: true, batchId: batch!.id });
    });
  } catch (e) {
    if (e instanceof Rollback) return e.report;
    throw e;
  }
  opts.onProgress?.({ phase: 'done', rows: report.rows });
  return finish();
}

async function findExisting(tx: Executor, rows: { value: PractitionerRow; hash: string | null }[]) {
  const hashes = rows.flatMap((r) => (r.hash ? [r.hash] : []));
  const certs = rows.flatMap((r) =>
    r.value.idNumber.kind === 'masked' && r.value.practisingCertNo ? [r.value.practisingCertNo] : [],
  );
  const found = await queryRows<Existing>(
    tx,
    sql`SELECT p.id, p.name, p.id_number_hash, p.id_number_masked, p.profession, p.qualification_cert_no, p.practising_cert_no,
          p.practice_category, p.practice_scopes, p.title_grade, p.primary_establishment_id, p.status, p.version, pe.region_code
        FROM practitioner p JOIN establishment pe ON pe.id = p.primary_establishment_id
        WHERE p.id_number_hash = ANY(${sql.param(hashes)}::text[]) OR p.practising_cert_no = ANY(${sql.param(certs)}::text[])`,
  );
  return {
    byHash: new Map(found.map((p) => [p.id_number_hash, p])),
    byCert: new Map(found.filter((p) => p.practising_cert_no).map((p) => [p.practising_cert_no!, p])),
  };
}

async function writeRow(
  tx: Executor,
  opts: ImportOptions,
  w: { value: PractitionerRow; primary: number; old: Existing | undefined },
  batchId: number,
  at: Date,
  counts: { inserted: number; updated: number; unchanged: number },
): Promise<void> {
  const v = w.value;
  const fields = {
    name: v.name,
    id_number_masked: w.old?.id_number_masked ?? v.idNumber.masked,
    profession: v.profession,
    qualification_cert_no: v.qualificationCertNo,
    practising_cert_no: v.practisingCertNo,
    practice_category: v.practiceCategory,
    practice_scopes: v.practiceScopes,
    title_grade: v.titleGrade,
    primary_establishment_id: w.primary,
    status: v.status,
  };
  const actor = opts.actor.audit;
  if (w.old) {
    const diff = diffOf(practitionerSnapshot(w.old), practitionerSnapshot(fields));
    if (Object.keys(diff).length === 0) {
      counts.unchanged++;
      return;
    }
    const version = w.old.version + 1;
    await tx.execute(sql`UPDATE practitioner SET name = ${v.name}, profession = ${v.profession}, qualification_cert_no = ${v.qualificationCertNo},
      practising_cert_no = ${v.practisingCertNo}, practice_category = ${v.practiceCategory}, practice_scopes = ${sql.param(v.practiceScopes)}::text[],
      title_grade = ${v.titleGrade}, primary_establishment_id = ${w.primary}, status = ${v.status}, version = ${version},
      updated_at = ${at.toISOString()}, updated_by = ${actor.userId} WHERE id = ${w.old.id}`);
    await writeVersion(tx, 'practitioner', {
      id: w.old.id,
      version,
      action: 'import',
      diff,
      actor,
      at,
      importBatchId: batchId,
    });
    counts.updated++;
    return;
  }
  if (v.idNumber.kind !== 'full') return;
  const row = await queryOne<{ id: number }>(
    tx,
    sql`INSERT INTO practitioner (name, id_number_enc, id_number_hash, id_number_masked, profession, qualification_cert_no, practising_cert_no,
          practice_category, practice_scopes, title_grade, primary_establishment_id, status, version, created_at, updated_at, created_by, updated_by)
        VALUES (${v.name}, ${opts.secrets.encrypt(v.idNumber.normalized)}, ${opts.secrets.lookupHash(v.idNumber.normalized)}, ${v.idNumber.masked},
          ${v.profession}, ${v.qualificationCertNo}, ${v.practisingCertNo}, ${v.practiceCategory}, ${sql.param(v.practiceScopes)}::text[],
          ${v.titleGrade}, ${w.primary}, ${v.status}, 1, ${at.toISOString()}, ${at.toISOString()}, ${actor.userId}, ${actor.userId}) RETURNING id`,
  );
  await writeVersion(tx, 'practitioner', {
    id: row!.id,
    version: 1,
    action: 'import',
    diff: creationDiff(practitionerSnapshot(fields)),
    actor,
    at,
    importBatchId: batchId,
  });
  counts.inserted++;
}
