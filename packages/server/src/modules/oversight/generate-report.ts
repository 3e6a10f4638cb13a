import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { inspectionFigures } from '../inspection/figures.js';
import { listRegions } from '../regions/queries.js';
import { dashboard } from './dashboard.js';
import { type Period, timeliness } from './deadlines.js';
import { chinaDay, resolvePeriod } from './period.js';
import { inspectionYearReport } from './reports/inspection-year.js';
import type { ReportDocument, ReportKind } from './reports/model.js';
import { monthlyReport } from './reports/monthly.js';
import { pilotFigures } from './reports/pilot-figures.js';
import { pilotSummaryReport } from './reports/pilot-summary.js';
import { reformEvaluationReport } from './reports/reform-evaluation.js';
import { reportDocx } from './reports/render-docx.js';
import { reportPdf } from './reports/render-pdf.js';
import { reportXlsx } from './reports/render-xlsx.js';
import { scopedRegion } from './scope.js';

export type ReportFormat = 'docx' | 'xlsx' | 'pdf';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface ReportInput {
  kind: ReportKind;
  format: ReportFormat;
  regionCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  year?: number | undefined;
}

/** The period of a report: a year for the yearly reports; the month before today by default for the monthly one. */
function reportPeriod(input: ReportInput, now: Date): Period {
  const today = chinaDay(now);
  // The pilot summary covers the period asked (the pilot's months); the year to date by default.
  if (input.kind === 'pilot_summary') return resolvePeriod(input, now);
  if (input.kind !== 'monthly_supervision') {
    const year = input.year ?? Number(today.slice(0, 4));
    return resolvePeriod({ from: `${year}-01-01`, to: `${year}-12-31` }, now);
  }
  if (input.from || input.to) return resolvePeriod(input, now);
  const first = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  const last = new Date(first.getTime() - 86_400_000).toISOString().slice(0, 10);
  return resolvePeriod({ from: `${last.slice(0, 7)}-01`, to: last }, now);
}

/** The report's content, from the dashboard's own queries (so a report and the dashboard agree). */
export async function buildReport(
  ctx: AppContext,
  actor: Actor,
  input: ReportInput,
): Promise<ReportDocument> {
  const db = ctx.database.db;
  const now = ctx.now();
  const region = await scopedRegion(db, actor, input.regionCode);
  const p = reportPeriod(input, now);
  const scopeNote = region.departmentCode
    ? `${actor.unit?.departmentName ?? region.departmentCode}`
    : '全部部门';
  const today = chinaDay(now);
  if (input.kind === 'inspection_year') {
    const figures = await inspectionFigures(
      db,
      actor,
      { year: Number(p.from.slice(0, 4)), regionCode: region.code },
      now,
    );
    const names = new Map(
      [
        { code: region.code, name: region.name },
        ...(await listRegions(db, { parent: region.code, includeRetired: false })),
      ].map((r) => [r.code, r.name]),
    );
    return inspectionYearReport(figures, region, names, scopeNote, today);
  }
  const d = await dashboard(db, actor, region, p, now, { live: true });
  if (input.kind === 'monthly_supervision') return monthlyReport(d, scopeNote, today);
  if (input.kind === 'pilot_summary') {
    return pilotSummaryReport(d, await pilotFigures(db, actor, region, p), scopeNote, today);
  }
  return reformEvaluationReport(d, await timeliness(db, actor, region, p, 'subkind'), scopeNote, today);
}

/** Generates a report file and records the run (period, region, figures, file hash) with its audit row. */
export async function generateReport(opts: { ctx: AppContext; actor: Actor; input: ReportInput }) {
  const { ctx, actor, input } = opts;
  const report = await buildReport(ctx, actor, input);
  const render = { docx: reportDocx, xlsx: reportXlsx, pdf: reportPdf }[input.format];
  const file = await render(report);
  const sha256 = createHash('sha256').update(file).digest('hex');
  const at = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const run = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO oversight_report_run
        (kind, period_from, period_to, region_code, department_code, format, empty, figures, sha256, generated_at, generated_by)
      VALUES (${report.kind}, ${report.from}, ${report.to}, ${report.regionCode},
        ${actor.permissions.has('identity.scope.all-departments') ? null : (actor.unit?.departmentCode ?? null)},
        ${input.format}, ${report.empty}, ${JSON.stringify(report.sections)}::jsonb, ${sha256}, ${at.toISOString()}, ${actor.userId})
      RETURNING id`,
    );
    const id = Number(run!.id);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'oversight.report.generate',
        entityType: 'oversight_report_run',
        entityId: String(id),
        diff: {
          kind: [null, report.kind],
          period: [null, `${report.from}..${report.to}`],
          region: [null, report.regionCode],
          sha256: [null, sha256],
        },
      },
      at,
    );
  });
  const fileName = `${report.title}（${report.from}至${report.to}）.${input.format}`;
  return { file, fileName, contentType: CONTENT_TYPES[input.format], empty: report.empty };
}
