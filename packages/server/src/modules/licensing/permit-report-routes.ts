import { EVALUATION_REPORT_CITATION } from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { recordAudit } from '../audit/record-audit.js';
import { auditActorOf } from '../identity/actor.js';
import { attachment } from '../registry/upload.js';
import { legalToday } from './access.js';
import { permitReport } from './permit-report.js';
import { permitReportXlsx } from './permit-report-xlsx.js';
import { permitReportQuerySchema, permitReportSchema } from './schemas/catalogue-admin.js';

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  422: problemSchema,
};
const tags = ['licensing'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 许可统计 per permit type and reform mode, as JSON for the console and as an Excel download. */
export const permitReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;
  const period = (q: { from?: string | undefined; to?: string | undefined }) => {
    const to = q.to ?? legalToday(ctx);
    return { from: q.from ?? `${to.slice(0, 4)}-01-01`, to };
  };

  app.get(
    '/licensing/reports/permits',
    {
      config: { permission: 'licensing.report.read' },
      schema: {
        tags,
        summary:
          '许可统计 Applications per permit type and reform mode, on time against the committed and statutory limits, commitments verified and found false',
        querystring: permitReportQuerySchema,
        response: { 200: permitReportSchema, ...errors },
      },
    },
    async (request) => ({
      ...(await permitReport(db, request.actor!, {
        ...period(request.query),
        regionCode: request.query.regionCode,
      })),
      citation: EVALUATION_REPORT_CITATION,
    }),
  );

  app.get(
    '/licensing/reports/permits.xlsx',
    {
      config: { permission: 'licensing.report.read' },
      schema: {
        tags,
        summary: '导出许可统计 The same figures as an Excel workbook (the export is audited)',
        querystring: permitReportQuerySchema,
        produces: [XLSX],
        response: { 200: z.any().meta({ description: 'The .xlsx file' }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const report = await permitReport(db, actor, {
        ...period(request.query),
        regionCode: request.query.regionCode,
      });
      const file = await permitReportXlsx(report);
      await db.transaction((tx) =>
        recordAudit(
          tx,
          auditActorOf(actor),
          {
            action: 'licensing.report.export',
            entityType: 'licensing_report',
            entityId: `${report.region.code}:${report.from}..${report.to}`,
            diff: { rows: [null, report.rows.length] },
          },
          ctx.now(),
        ),
      );
      reply.header(
        'content-disposition',
        attachment(`许可统计（${report.region.name}，${report.from}至${report.to}）.xlsx`),
      );
      reply.header('cache-control', 'private, no-store');
      return reply.type(XLSX).send(file);
    },
  );
};
