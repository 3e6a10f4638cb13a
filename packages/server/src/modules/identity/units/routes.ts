import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../http/problem.js';
import { createUnit } from './create-unit.js';
import { getUnit, listDepartments, listUnits } from './queries.js';
import { renameUnit } from './rename-unit.js';
import {
  createUnitBodySchema,
  departmentListSchema,
  unitIdParamsSchema,
  unitListQuerySchema,
  unitListSchema,
  unitSchema,
  updateUnitBodySchema,
} from './schemas.js';

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

/** Departments (reference data) and their units at each region. */
export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['identity: units'];

  app.get(
    '/departments',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '部门 The seven departments (reference data)',
        response: { 200: departmentListSchema },
      },
    },
    async () => ({ items: await listDepartments(ctx.database.db) }),
  );

  app.get(
    '/units',
    {
      config: { permission: 'identity.user.read' },
      schema: {
        tags,
        summary: '单位列表 Units in your scope',
        querystring: unitListQuerySchema,
        response: { 200: unitListSchema, ...problems },
      },
    },
    async (request) => listUnits(ctx.database.db, request.actor!, request.query),
  );

  app.get(
    '/units/:id',
    {
      config: { permission: 'identity.user.read' },
      schema: {
        tags,
        summary: '单位详情 One unit',
        params: unitIdParamsSchema,
        response: { 200: unitSchema, ...problems },
      },
    },
    async (request) => getUnit(ctx.database.db, request.actor!, request.params.id),
  );

  app.post(
    '/units',
    {
      config: { permission: 'identity.unit.manage' },
      schema: {
        tags,
        summary: '新建单位 Create a unit of a department at a region in your scope',
        body: createUnitBodySchema,
        response: { 201: unitSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createUnit({ ctx, actor: request.actor!, input: request.body })),
  );

  app.patch(
    '/units/:id',
    {
      config: { permission: 'identity.unit.manage' },
      schema: {
        tags,
        summary: '修改单位 Rename a unit',
        params: unitIdParamsSchema,
        body: updateUnitBodySchema,
        response: { 200: unitSchema, ...problems },
      },
    },
    async (request) =>
      renameUnit({ ctx, actor: request.actor!, unitId: request.params.id, name: request.body.name }),
  );
};
