import { DomainError } from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { checklistItemsFromSheet, checklistWorkbook } from './checklist-sheet.js';
import { importInspectors } from './import-inspectors.js';
import { checklistItemSchema } from './reference-schemas.js';
import { rosterWorkbook } from './roster-sheet.js';
import { SHEET_LIMIT, XLSX_TYPE } from './xlsx-sheet.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const uploadErrors = { 413: problemSchema, 415: problemSchema, 422: problemSchema, ...errors };
const tags = ['inspection'];
const workbook = z.any().meta({ description: '.xlsx workbook' });
const upload = z
  .unknown()
  .meta({ type: 'string', format: 'binary', description: 'The .xlsx file as the request body' });

const attachment = (name: string) =>
  `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

function sheetBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) {
    throw new DomainError(
      'unsupported_media_type',
      '请以 Excel 工作簿（.xlsx）作为请求体上传',
      'Send the .xlsx workbook as the request body',
    );
  }
  return body;
}

/** Excel in and out for the checklist and roster editors (一表, 执法人员名录库). */
export const editorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: SHEET_LIMIT }, (_r, body, done) =>
    done(null, body),
  );

  app.get(
    '/checklists/export.xlsx',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary: '导出检查表 One checklist version’s items as .xlsx (re-importable)',
        querystring: z.object({ id: z.coerce.number().int().positive() }),
        produces: [XLSX_TYPE],
        response: { 200: workbook, ...errors },
      },
    },
    async (request, reply) => {
      const { name, body } = await checklistWorkbook(db, request.query.id);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(name)).send(body);
    },
  );

  app.post(
    '/checklists/import-xlsx',
    {
      config: { permission: 'inspection.checklist.manage' },
      schema: {
        tags,
        summary:
          '导入检查项 Read checklist items from .xlsx for the editor (saves nothing; any wrong row refuses the file)',
        consumes: [XLSX_TYPE],
        body: upload,
        response: { 200: z.object({ items: z.array(checklistItemSchema) }), ...uploadErrors },
      },
    },
    async (request) => ({ items: await checklistItemsFromSheet(sheetBody(request.body)) }),
  );

  app.get(
    '/inspectors/export.xlsx',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary: '导出执法人员名录 The roster in scope as .xlsx (the import’s columns)',
        produces: [XLSX_TYPE],
        response: { 200: workbook, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('执法人员名录.xlsx'))
        .send(await rosterWorkbook(db, request.actor!)),
  );

  app.post(
    '/inspectors/import',
    {
      config: { permission: 'inspection.roster.manage' },
      schema: {
        tags,
        summary:
          '导入执法人员 Add or change officers from .xlsx (by certificate number); all or nothing; ?dryRun=true checks only',
        consumes: [XLSX_TYPE],
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
        body: upload,
        response: {
          200: z
            .object({
              dryRun: z.boolean(),
              rows: z.number().int(),
              created: z.number().int(),
              updated: z.number().int(),
              unchanged: z.number().int(),
            })
            .meta({ id: 'RosterImportReport' }),
          ...uploadErrors,
          409: problemSchema,
        },
      },
    },
    async (request) =>
      importInspectors({
        ctx,
        actor: request.actor!,
        body: sheetBody(request.body),
        dryRun: request.query.dryRun === 'true',
      }),
  );
};
