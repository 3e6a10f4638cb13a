import fs from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { DomainError } from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { auditActorOf } from '../identity/actor.js';
import { writePractitionerWorkbook } from './export/write-practitioner-workbook.js';
import { importPractitioners } from './import/import-practitioners.js';
import { importQuerySchema, importReportSchema, SPREADSHEET_TYPES } from './import-schemas.js';
import { practitionersForExport } from './practitioner-queries.js';
import { practitionerListQuerySchema } from './practitioner-schemas.js';
import { attachment, spool, tooLarge } from './upload.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

/** Practitioners' template, export and import: the same rules as the establishments'. */
export const practitionerImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.addContentTypeParser(SPREADSHEET_TYPES, (_request, payload, done) => done(null, payload));

  app.get(
    '/practitioners/import-template.xlsx',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags: ['registry'],
        summary: '医务人员导入模板 The practitioner import template (.xlsx with an explanation sheet)',
        produces: [XLSX],
        response: { 200: z.any().meta({ description: '.xlsx workbook' }), ...errors },
      },
    },
    async (_request, reply) => {
      const out = new PassThrough();
      void writePractitionerWorkbook(out, null).catch((e: unknown) => out.destroy(e as Error));
      return reply.type(XLSX).header('content-disposition', attachment('医务人员导入模板.xlsx')).send(out);
    },
  );

  app.get(
    '/practitioners/export.xlsx',
    {
      config: { permission: 'registry.export' },
      schema: {
        tags: ['registry'],
        summary: '导出医务人员 Export the filtered practitioner list (ID numbers masked; re-importable)',
        querystring: practitionerListQuerySchema.omit({
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
      const pages = practitionersForExport(ctx.database.db, ctx.secrets, request.actor!, request.query);
      void writePractitionerWorkbook(out, pages).catch((e: unknown) => out.destroy(e as Error));
      return reply.type(XLSX).header('content-disposition', attachment('医务人员名录.xlsx')).send(out);
    },
  );

  app.post(
    '/practitioners/imports',
    {
      config: { permission: 'registry.import' },
      schema: {
        tags: ['registry'],
        summary: '导入医务人员 Import practitioners from .xlsx or CSV (raw request body); dry run by default',
        consumes: SPREADSHEET_TYPES,
        querystring: importQuerySchema,
        body: z.unknown().meta({
          type: 'string',
          format: 'binary',
          description: 'The .xlsx or CSV file as the request body',
        }),
        response: { 200: importReportSchema, 413: problemSchema, 415: problemSchema, ...errors },
      },
    },
    async (request) => {
      const actor = request.actor!;
      if (actor.regionPrefix === null)
        throw new DomainError('forbidden', '机构用户不能导入名录', 'Institution users cannot import');
      const limit = ctx.config.importLimit;
      if (Number(request.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);
      const body = request.body as Readable | undefined;
      if (!body || typeof body.pipe !== 'function') {
        throw new DomainError(
          'unsupported_media_type',
          '请以 .xlsx 或 CSV 文件作为请求体上传',
          'Send the .xlsx or CSV file as the request body',
        );
      }
      const file = await spool(body, limit);
      try {
        return await importPractitioners({
          database: ctx.database,
          secrets: ctx.secrets,
          now: ctx.now,
          actor: { audit: auditActorOf(actor), regionPrefix: actor.regionPrefix },
          path: file,
          fileName: request.query.fileName ?? 'upload',
          dryRun: request.query.dryRun === 'true',
          skipInvalid: request.query.skipInvalid === 'true',
        });
      } finally {
        fs.rmSync(file, { force: true });
      }
    },
  );
};
