import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { gridItems, listGrids } from './grid-queries.js';
import {
  createdSchema,
  gridInputSchema,
  gridItemsSchema,
  gridListSchema,
  idParams,
  patrolPlanSchema,
  patrolRecordSchema,
  recheckDoneSchema,
  recheckInputSchema,
  specialCampaignInputSchema,
  specialCampaignListSchema,
} from './grid-schemas.js';
import { patrolPhotoRoutes } from './patrol-photo-routes.js';
import { planPatrol, recordPatrol } from './patrols.js';
import { resolvePeriod } from './period.js';
import { completeRecheck, createRecheck } from './rechecks.js';
import { saveGrid } from './save-grid.js';
import { dashboardQuerySchema } from './schemas.js';
import { createSpecialCampaign, listSpecialCampaigns } from './special-campaigns.js';

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};
const tags = ['oversight'];

/** Grids (定格、定员、定责), patrols, special campaigns and re-checks. */
export const gridRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;
  const read = { permission: 'oversight.read' } as const;
  const manage = { permission: 'oversight.grid.manage' } as const;
  await app.register(patrolPhotoRoutes);

  app.get(
    '/oversight/grids',
    {
      config: read,
      schema: {
        tags,
        summary: '网格 Grids in scope with staff, duties, workload and open items for a period',
        querystring: dashboardQuerySchema.pick({ from: true, to: true }),
        response: { 200: gridListSchema, ...errors },
      },
    },
    async (request) => ({
      items: await listGrids(db, request.actor!, resolvePeriod(request.query, ctx.now())),
    }),
  );

  app.post(
    '/oversight/grids',
    {
      config: manage,
      schema: {
        tags,
        summary:
          '新建网格 Create a grid; an area overlapping another grid of the department is refused, naming the overlap',
        body: gridInputSchema,
        response: { 201: createdSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { version: _v, ...input } = request.body;
      const id = await saveGrid({ ctx, actor: request.actor!, id: null, input });
      return reply.code(201).send({ id });
    },
  );

  app.put(
    '/oversight/grids/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改网格 Replace a grid’s name, areas, staff and duties (same overlap rule)',
        params: idParams,
        body: gridInputSchema,
        response: { 200: createdSchema, ...errors },
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      return { id: await saveGrid({ ctx, actor: request.actor!, id: request.params.id, version, input }) };
    },
  );

  app.get(
    '/oversight/grids/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '网格事项 A grid’s patrols and re-checks',
        params: idParams,
        response: { 200: gridItemsSchema, ...errors },
      },
    },
    async (request) => gridItems(db, request.actor!, request.params.id),
  );

  app.post(
    '/oversight/grids/:id/patrols',
    {
      config: manage,
      schema: {
        tags,
        summary: '计划巡查 Plan a patrol of the grid',
        params: idParams,
        body: patrolPlanSchema,
        response: { 201: createdSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        id: await planPatrol({
          ctx,
          actor: request.actor!,
          gridId: request.params.id,
          input: request.body,
        }),
      }),
  );

  app.post(
    '/oversight/patrols/:id/record',
    {
      config: manage,
      schema: {
        tags,
        summary: '记录巡查 Record a planned patrol: findings, problem found, photo hashes',
        params: idParams,
        body: patrolRecordSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await recordPatrol({ ctx, actor: request.actor!, patrolId: request.params.id, input: request.body });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/oversight/grids/:id/rechecks',
    {
      config: manage,
      schema: {
        tags,
        summary: '回头看 Create a re-check of an establishment in the grid',
        params: idParams,
        body: recheckInputSchema,
        response: { 201: createdSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        id: await createRecheck({
          ctx,
          actor: request.actor!,
          gridId: request.params.id,
          input: request.body,
        }),
      }),
  );

  app.post(
    '/oversight/rechecks/:id/complete',
    {
      config: manage,
      schema: {
        tags,
        summary: '完成回头看 Close a re-check with its result',
        params: idParams,
        body: recheckDoneSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await completeRecheck({
        ctx,
        actor: request.actor!,
        recheckId: request.params.id,
        input: request.body,
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/oversight/special-campaigns',
    {
      config: read,
      schema: {
        tags,
        summary:
          '专项整治 Special campaigns of the region the user’s department takes part in, with progress',
        response: { 200: specialCampaignListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listSpecialCampaigns(db, request.actor!) }),
  );

  app.post(
    '/oversight/special-campaigns',
    {
      config: manage,
      schema: {
        tags,
        summary: '新建专项整治 Create a special campaign across departments with a target',
        body: specialCampaignInputSchema,
        response: { 201: createdSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ id: await createSpecialCampaign({ ctx, actor: request.actor!, input: request.body }) }),
  );
};
