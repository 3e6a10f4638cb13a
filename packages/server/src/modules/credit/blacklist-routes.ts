import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.js';
import { applyForRepair, decideRepair, expireListings } from './blacklist.js';
import { blacklistEntry, searchBlacklist } from './queries.js';
import {
  blacklistEntrySchema,
  blacklistListQuerySchema,
  blacklistPageSchema,
  blacklistRepairParams,
  idParams,
  repairDecisionSchema,
  repairInputSchema,
  sweepResultSchema,
} from './schemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const tags = ['credit: blacklist'];

/**
 * The blacklist (严重失信主体名单) with its joint-punishment flags, credit repair and expiry. Staff list
 * and unlist only through four-eyes proposals (proposal-routes.ts).
 */
export const blacklistRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/credit/blacklist',
    {
      config: { permission: 'credit.read' },
      schema: {
        tags,
        summary: '黑名单 Listings in scope with flags, periods and repair applications',
        querystring: blacklistListQuerySchema,
        response: { 200: blacklistPageSchema, ...errors },
      },
    },
    async (request) => searchBlacklist(db, request.actor!, request.query),
  );

  app.post(
    '/credit/blacklist/expire',
    {
      config: { permission: 'credit.blacklist.manage' },
      schema: {
        tags,
        summary: '期满移出 End listings past their maximum period (idempotent; a job runs the same)',
        response: { 200: sweepResultSchema, ...writeErrors },
      },
    },
    async (request) => ({ exited: await expireListings({ ctx, actor: request.actor! }) }),
  );

  app.get(
    '/credit/blacklist/:id',
    {
      config: { permission: 'credit.read' },
      schema: {
        tags,
        summary: '黑名单记录 One listing',
        params: idParams,
        response: { 200: blacklistEntrySchema, ...errors },
      },
    },
    async (request) => blacklistEntry(db, request.actor!, request.params.id),
  );

  app.post(
    '/credit/blacklist/:id/repairs',
    {
      config: { permission: 'credit.repair.apply' },
      schema: {
        tags,
        summary:
          '申请信用修复 Apply for credit repair after the minimum period, declaring each condition with its evidence (《信用修复管理办法》)',
        params: idParams,
        body: repairInputSchema,
        response: { 201: blacklistEntrySchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await applyForRepair({
          ctx,
          actor: request.actor!,
          blacklistId: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.post(
    '/credit/blacklist/:id/repairs/:repairId/decide',
    {
      config: { permission: 'credit.blacklist.manage' },
      schema: {
        tags,
        summary:
          '信用修复决定 Grant (the listing ends) or refuse a repair application, with a reason; a grant is refused when a condition is unmet',
        params: blacklistRepairParams,
        body: repairDecisionSchema,
        response: { 200: blacklistEntrySchema, ...writeErrors },
      },
    },
    async (request) =>
      decideRepair({
        ctx,
        actor: request.actor!,
        blacklistId: request.params.id,
        repairId: request.params.repairId,
        input: request.body,
      }),
  );
};
