import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { checklistById, currentChecklists, currentPolicy, inspectionList } from './reference-queries.js';
import {
  checklistDetailSchema,
  checklistQuerySchema,
  checklistSchema,
  idParams,
  itemListSchema,
  listVersionQuerySchema,
  policySchema,
  responsibilityListSchema,
  saveChecklistSchema,
  saveItemListSchema,
  savePolicySchema,
  saveResponsibilityListSchema,
} from './reference-schemas.js';
import { saveChecklist } from './save-checklist.js';
import { saveInspectionList } from './save-inspection-list.js';
import { savePolicy } from './save-policy.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { 409: problemSchema, 422: problemSchema, ...errors };
const tags = ['inspection'];

/** "一表两清单" and the policy values: platform-wide standards, versioned; every edit is audited. */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/checklists',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary: '检查表 The current checklist of each kind and department',
        querystring: checklistQuerySchema,
        response: {
          200: z.object({ items: z.array(checklistSchema) }).meta({ id: 'ChecklistList' }),
          ...errors,
        },
      },
    },
    async (request) => ({
      items: (await currentChecklists(db, {
        kinds: request.query.kind ? [request.query.kind] : undefined,
        departments: request.query.departmentCode ? [request.query.departmentCode] : undefined,
      })) as z.infer<typeof checklistSchema>[],
    }),
  );

  app.get(
    '/checklists/:id',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary: '检查表 One checklist version, with the list of its versions',
        params: idParams,
        response: { 200: checklistDetailSchema, ...errors },
      },
    },
    async (request) => (await checklistById(db, request.params.id)) as z.infer<typeof checklistDetailSchema>,
  );

  app.post(
    '/checklists',
    {
      config: { permission: 'inspection.checklist.manage' },
      schema: {
        tags,
        summary: '保存检查表 Save a checklist as a new version',
        body: saveChecklistSchema,
        response: { 201: checklistDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await saveChecklist({ ctx, actor: request.actor!, input: request.body });
      return reply.status(201).send((await checklistById(db, id)) as z.infer<typeof checklistDetailSchema>);
    },
  );

  for (const [path, list, schema, save, summary] of [
    [
      '/inspection-item-list',
      'items',
      itemListSchema,
      saveItemListSchema,
      '抽查事项清单 The random-inspection item list',
    ],
    [
      '/supervision-responsibility-list',
      'responsibilities',
      responsibilityListSchema,
      saveResponsibilityListSchema,
      '监管责任清单 The supervision-responsibility list',
    ],
  ] as const) {
    app.get(
      path,
      {
        config: { permission: 'inspection.read' },
        schema: {
          tags,
          summary: `${summary} (current, or ?version=N), with its versions`,
          querystring: listVersionQuerySchema,
          response: { 200: schema, ...errors },
        },
      },
      async (request) => (await inspectionList(db, list as 'items', request.query.version)) as never,
    );
    app.put(
      path,
      {
        config: { permission: 'inspection.checklist.manage' },
        schema: {
          tags,
          summary: `${summary}: save a new version`,
          body: save,
          response: { 200: schema, ...writeErrors },
        },
      },
      async (request) => {
        await saveInspectionList({ ctx, actor: request.actor!, list, input: request.body as never });
        return (await inspectionList(db, list as 'items')) as never;
      },
    );
  }

  app.get(
    '/inspection-policy',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary: '抽查政策参数 Coverage target, default ratio, team size, periods — with their citations',
        response: { 200: policySchema, ...errors },
      },
    },
    async () => currentPolicy(db),
  );

  app.put(
    '/inspection-policy',
    {
      config: { permission: 'inspection.checklist.manage' },
      schema: {
        tags,
        summary: '修改抽查政策参数 Save new policy values as a new version',
        body: savePolicySchema,
        response: { 200: policySchema, ...writeErrors },
      },
    },
    async (request) => {
      await savePolicy({ ctx, actor: request.actor!, input: request.body });
      return currentPolicy(db);
    },
  );
};
