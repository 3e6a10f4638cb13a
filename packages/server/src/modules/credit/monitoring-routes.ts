import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.js';
import { ingestBatch } from './ingest-monitoring.js';
import { searchBatches } from './monitoring-admin.js';
import { loadCreditPolicy } from './policy.js';
import {
  batchListQuerySchema,
  batchPageSchema,
  metricListSchema,
  monitoringBatchInputSchema,
  monitoringBatchSchema,
} from './schemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['credit: monitoring'];

/** Per key (or per address without one): an institution's system may send a batch a second. */
export const INGEST_RATE_LIMIT = { max: 60, timeWindow: '1 minute' } as const;

/** Monitoring data from institutions' systems (智慧卫监), with API keys. */
export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.post(
    '/credit/monitoring/batches',
    {
      config: {
        permission: 'credit.monitoring.upload',
        rateLimit: {
          ...INGEST_RATE_LIMIT,
          keyGenerator: (request) => {
            const auth = request.headers.authorization;
            return auth
              ? `key:${createHash('sha256').update(auth).digest('hex').slice(0, 24)}`
              : `ip:${request.ip}`;
          },
        },
      },
      schema: {
        tags,
        summary:
          '上传监测数据 Upload a batch (Authorization: Bearer wjk_…): 201 accepted; 200 with duplicate=true when the batch id was already accepted with the same content; 409 batch_id_reused when with other content; 422 batch_rejected listing every error (kept; fix and resend under the same id); 429 over 60 a minute',
        body: monitoringBatchInputSchema,
        response: {
          200: monitoringBatchSchema,
          201: monitoringBatchSchema,
          ...errors,
          409: problemSchema,
          422: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const { created, batch } = await ingestBatch({ ctx, actor: request.actor!, input: request.body });
      return reply.status(created ? 201 : 200).send(batch);
    },
  );

  app.get(
    '/credit/monitoring/batches',
    {
      config: { permission: 'credit.read' },
      schema: {
        tags,
        summary: '监测数据批次 Batches in scope, rejected ones with their errors',
        querystring: batchListQuerySchema,
        response: { 200: batchPageSchema, ...errors },
      },
    },
    async (request) => searchBatches(db, request.actor!, request.query),
  );

  app.get(
    '/credit/monitoring/metrics',
    {
      config: { permission: 'credit.read' },
      schema: {
        tags,
        summary: '监测指标 Metrics, accepted units, physical ranges and limits with citations',
        response: { 200: metricListSchema, ...errors },
      },
    },
    async () => {
      const m = (await loadCreditPolicy(db)).policy.monitoring;
      return {
        items: m.metrics.map((x) => ({ ...x, units: Object.keys(x.units) })),
        maxClockSkewMinutes: m.maxClockSkewMinutes,
        maxAgeDays: m.maxAgeDays,
        maxReadingsPerBatch: m.maxReadingsPerBatch,
      };
    },
  );
};
