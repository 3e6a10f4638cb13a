import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.js';
import { ownCredit } from './own-credit.js';
import { ownCreditSchema } from './own-schemas.js';
import { chinaDay } from './scope.js';

/** The institution's own credit view, for /my. */
export const ownCreditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.get(
    '/credit/mine',
    {
      config: { permission: 'credit.read' },
      schema: {
        tags: ['credit'],
        summary:
          '本机构信用与风险 The signed-in institution’s own credit level and why, risk parts, mode and frequency, points with the article, listings and how to apply for repair (no staff names or internal notes; 404 for staff)',
        response: { 200: ownCreditSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => ownCredit(ctx.database.db, request.actor!, ctx.now(), chinaDay(ctx.now())),
  );
};
