import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.js';
import { actOnAlert, alertDetail, escalateOverdue, searchAlerts } from './alerts.js';
import {
  alertActionSchema,
  alertListQuerySchema,
  alertPageSchema,
  alertSchema,
  idParams,
  sweepResultSchema,
} from './schemas.js';
import { chinaDay } from './scope.js';
import { scanWarnings } from './sweeps.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const tags = ['credit: warnings'];

/** The warning inbox (风险预警): assign, check (核查), handle (处置), escalate. */
export const alertRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/credit/alerts',
    {
      config: { permission: 'credit.read' },
      schema: {
        tags,
        summary:
          '预警收件箱 Warnings of the region and department: unhandled first, escalated and most overdue on top',
        querystring: alertListQuerySchema,
        response: { 200: alertPageSchema, ...errors },
      },
    },
    async (request) => searchAlerts(db, request.actor!, request.query, chinaDay(ctx.now())),
  );

  app.post(
    '/credit/alerts/escalate',
    {
      config: { permission: 'credit.alert.handle' },
      schema: {
        tags,
        summary: '逾期升级 Escalate warnings past their deadline (idempotent; a job runs the same daily)',
        response: { 200: sweepResultSchema, ...writeErrors },
      },
    },
    async (request) => ({ escalated: await escalateOverdue({ ctx, actor: request.actor! }) }),
  );

  app.post(
    '/credit/warnings/scan',
    {
      config: { permission: 'credit.alert.handle' },
      schema: {
        tags,
        summary:
          '预警扫描 Run the time-driven warning rules (no upload for N days, revalidation overdue) for the region',
        response: { 200: sweepResultSchema, ...writeErrors },
      },
    },
    async (request) => ({ raised: await scanWarnings({ ctx, actor: request.actor! }) }),
  );

  app.get(
    '/credit/alerts/:id',
    {
      config: { permission: 'credit.read' },
      schema: {
        tags,
        summary: '预警详情 One warning with its history and allowed actions',
        params: idParams,
        response: { 200: alertSchema, ...errors },
      },
    },
    async (request) => alertDetail(db, request.actor!, request.params.id, chinaDay(ctx.now())),
  );

  app.post(
    '/credit/alerts/:id/actions',
    {
      config: { permission: 'credit.alert.handle' },
      schema: {
        tags,
        summary:
          '处置预警 assign → check (核查, confirmed or not, with findings) → dispose (closed | rectification_ordered | lead); 409 invalid_transition lists details.allowedActions',
        params: idParams,
        body: alertActionSchema,
        response: { 200: alertSchema, ...writeErrors },
      },
    },
    async (request) => actOnAlert({ ctx, actor: request.actor!, id: request.params.id, input: request.body }),
  );
};
