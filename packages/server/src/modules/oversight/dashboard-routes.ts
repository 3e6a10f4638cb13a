import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readDatabaseOf } from '../../http/context.js';
import { problemSchema } from '../../http/problem.js';
import { dashboard } from './dashboard.js';
import { deadlineRecords } from './deadlines.js';
import { establishmentsBehind } from './establishment-queries.js';
import { resolvePeriod } from './period.js';
import {
  dashboardQuerySchema,
  dashboardSchema,
  establishmentsQuerySchema,
  establishmentsSchema,
  recordsQuerySchema,
  recordsSchema,
} from './schemas.js';
import { scopedRegion } from './scope.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['oversight'];

/** 监管驾驶舱: the panels, and the records behind each figure. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  // Read-only and heavy: the read replica when one is configured (DATABASE_READ_URL).
  const db = readDatabaseOf(ctx).db;

  app.get(
    '/oversight/dashboard',
    {
      config: { permission: 'oversight.read' },
      schema: {
        tags,
        summary:
          '监管驾驶舱 Dashboard of a region and period: establishments, credit and risk, coverage, approval timeliness, complaints, warnings, cases, publication',
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema, ...errors },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const region = await scopedRegion(db, actor, request.query.regionCode);
      return dashboard(db, actor, region, resolvePeriod(request.query, ctx.now()), ctx.now());
    },
  );

  app.get(
    '/oversight/dashboard/records',
    {
      config: { permission: 'oversight.read' },
      schema: {
        tags,
        summary:
          '指标明细 The deadline records behind one figure (same source, measure and category as the count)',
        querystring: recordsQuerySchema,
        response: { 200: recordsSchema, ...errors },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const q = request.query;
      const region = await scopedRegion(db, actor, q.regionCode);
      return deadlineRecords(db, actor, region, resolvePeriod(q, ctx.now()), q);
    },
  );
  app.get(
    '/oversight/dashboard/establishments',
    {
      config: { permission: 'oversight.read' },
      schema: {
        tags,
        summary: '对象明细 The establishments behind the kind, credit-level and risk-level figures',
        querystring: establishmentsQuerySchema,
        response: { 200: establishmentsSchema, ...errors },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const region = await scopedRegion(db, actor, request.query.regionCode);
      return establishmentsBehind(db, actor, region, request.query);
    },
  );
};
