import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { startAuditExport } from './export-audit-events.js';
import { exportFileName } from './export-columns.js';
import { auditCsvStream } from './export-csv.js';
import { auditXlsxStream } from './export-xlsx.js';
import { assertMayVerifyChain, auditRowsForExport, listAuditEvents } from './queries.js';
import {
  auditEventListSchema,
  auditExportQuerySchema,
  auditListQuerySchema,
  chainVerdictSchema,
} from './schemas.js';
import { verifyAuditChain } from './verify-chain.js';

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  422: problemSchema,
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The audit trail: filter, export (CSV for any tool, XLSX for Excel) and verify the hash chain. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['audit'];

  app.get(
    '/audit-events',
    {
      config: { permission: 'identity.audit.read' },
      schema: {
        tags,
        summary: '审计日志 The audit trail in your scope, newest first',
        querystring: auditListQuerySchema,
        response: { 200: auditEventListSchema, ...problems },
      },
    },
    async (request) => listAuditEvents(ctx.database.db, request.actor!, request.query),
  );

  app.get(
    '/audit-events/export',
    {
      config: { permission: 'identity.audit.read', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          '导出审计日志 Export as CSV (UTF-8 with BOM) or XLSX; at most 100,000 rows; the export is audited',
        querystring: auditExportQuerySchema,
        produces: ['text/csv', XLSX],
        response: {
          200: {
            description: 'The file, as an attachment',
            content: {
              'text/csv': { schema: z.string() },
              [XLSX]: { schema: z.string().meta({ format: 'binary' }) },
            },
          },
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const actor = request.actor!;
      const { upToId } = await startAuditExport({ ctx, actor, filter, format });
      const pages = auditRowsForExport(ctx.database.db, actor, filter, upToId);
      const name = exportFileName(format, ctx.now());
      reply.header('content-disposition', `attachment; filename="${name}"`);
      reply.header('cache-control', 'no-store');
      // A stream is sent as is (no serializer); the typed provider only knows the documented string.
      if (format === 'xlsx') {
        reply.type(XLSX);
        const file = auditXlsxStream(pages, (e) => request.log.error({ err: e }, 'audit export failed'));
        return reply.send(file as unknown as string);
      }
      reply.type('text/csv; charset=utf-8');
      return reply.send(auditCsvStream(pages) as unknown as string);
    },
  );

  app.get(
    '/audit-events/verify',
    {
      config: { permission: 'identity.audit.read' },
      schema: {
        tags,
        summary:
          '校验审计日志 Recompute the hash chain and name the first altered row (city/province cross-department administrators)',
        response: { 200: chainVerdictSchema, ...problems },
      },
    },
    async (request) => {
      assertMayVerifyChain(request.actor!);
      return verifyAuditChain(ctx.database.db);
    },
  );
};
