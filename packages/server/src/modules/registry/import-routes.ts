import fs from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { DomainError } from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { auditActorOf } from '../identity/actor.js';
import { writeEstablishmentWorkbook } from './export/write-workbook.js';
import { importEstablishments } from './import/import-establishments.js';
import { importQuerySchema, importReportSchema, SPREADSHEET_TYPES } from './import-schemas.js';
import { establishmentsForExport } from './queries.js';
import { establishmentListQuerySchema } from './schemas.js';
import { attachment, spool, tooLarge } from './upload.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  // Uploads arrive as the raw request body (no multipart): the stream goes to a temporary file.
  app.addContentTypeParser(SPREADSHEET_TYPES, (_request, payload, done) => done(null, payload));

  app.get(
    '/establishments/import-template.xlsx',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags: ['registry'],
        summary:
          '导入模板 The establishment import template (.xlsx: 12 columns, explanation sheet, code lists)',
        produces: [XLSX],
        response: { 200: z.any().meta({ description: '.xlsx workbook' }), ...errors },
      },
    },
    async (_request, reply) => {
      const out = new PassThrough();
      void writeEstablishmentWorkbook(out, null).catch((e: unknown) => out.destroy(e as Error));
      return reply.type(XLSX).header('content-disposition', attachment('监管对象导入模板.xlsx')).send(out);
    },
  );

  app.get(
    '/establishments/export.xlsx',
    {
      config: { permission: 'registry.export' },
      schema: {
        tags: ['registry'],
        summary:
          '导出 Export the filtered establishment list to .xlsx (the import template’s columns, re-importable)',
        querystring: establishmentListQuerySchema.omit({
          page: true,
          pageSize: true,
          sort: true,
          order: true,
        }),
        produces: [XLSX],
        response: { 200: z.any().meta({ description: '.xlsx workbook' }), ...errors },
      },
    },
    async (request, reply) => {
      const out = new PassThrough();
      const pages = establishmentsForExport(ctx.database.db, request.actor!, request.query);
      void writeEstablishmentWorkbook(out, pages).catch((e: unknown) => {
        request.log.error({ err: e }, 'export failed');
        out.destroy(e as Error);
      });
      return reply.type(XLSX).header('content-disposition', attachment('监管对象名录.xlsx')).send(out);
    },
  );

  app.post(
    '/establishments/imports',
    {
      config: { permission: 'registry.import' },
      schema: {
        tags: ['registry'],
        summary:
          '导入 Import establishments from .xlsx or CSV sent as the raw request body; dry run by default. With Accept: application/x-ndjson the answer streams progress lines, then {"report": …}',
        consumes: SPREADSHEET_TYPES,
        querystring: importQuerySchema,
        body: z
          .unknown()
          .meta({ description: 'The .xlsx or CSV file (UTF-8 or GB18030) as the request body' }),
        response: { 200: importReportSchema, 413: problemSchema, 415: problemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      if (actor.regionPrefix === null)
        throw new DomainError('forbidden', '机构用户不能导入名录', 'Institution users cannot import');
      const limit = ctx.config.importLimit;
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > limit) throw tooLarge(limit);
      const body = request.body as Readable | undefined;
      if (!body || typeof (body as Readable).pipe !== 'function') {
        throw new DomainError(
          'unsupported_media_type',
          '请以 .xlsx 或 CSV 文件作为请求体上传',
          'Send the .xlsx or CSV file as the request body',
        );
      }
      const file = await spool(body, limit);
      const run = (onProgress?: Parameters<typeof importEstablishments>[0]['onProgress']) =>
        importEstablishments({
          database: ctx.database,
          secrets: ctx.secrets,
          now: ctx.now,
          actor: { audit: auditActorOf(actor), regionPrefix: actor.regionPrefix! },
          path: file,
          fileName: request.query.fileName ?? 'upload',
          dryRun: request.query.dryRun === 'true',
          skipInvalid: request.query.skipInvalid === 'true',
          onProgress,
        }).finally(() => fs.rmSync(file, { force: true }));
      if (!String(request.headers.accept ?? '').includes('application/x-ndjson')) return run();
      const out = new PassThrough();
      const line = (v: unknown) => out.write(`${JSON.stringify(v)}\n`);
      void run((p) => line(p))
        .then((report) => line({ report }))
        .catch((e: unknown) => {
          request.log.error({ err: e }, 'import failed');
          line({
            error: {
              code: 'internal_error',
              messageZh: '导入失败，未写入任何数据',
              messageEn: 'The import failed; nothing was written',
            },
          });
        })
        .finally(() => out.end());
      return reply.type('application/x-ndjson; charset=utf-8').send(out as never);
    },
  );
};
