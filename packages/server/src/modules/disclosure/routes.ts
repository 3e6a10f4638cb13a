import { DATASET_IDS, type DatasetId, dataDictionary } from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readDatabaseOf } from '../../http/context.js';
import { problemSchema } from '../../http/problem.js';
import { legalToday } from '../licensing/access.js';
import { datasetRecords } from './datasets.js';
import { establishmentPage } from './establishment-page.js';
import { registerHttpCache } from './http-cache.js';
import { openDataRoutes } from './open-data-routes.js';
import {
  datasetIdSchema,
  dictionarySchema,
  establishmentPageSchema,
  establishmentSearchQuerySchema,
  establishmentSearchSchema,
  publicListSchema,
} from './schemas.js';
import { searchEstablishments } from './search.js';

const tags = ['public'];
const errors = { 400: problemSchema, 404: problemSchema, 429: problemSchema };

/**
 * Per-address limits of the portal's read-only API (a scraping flood gets 429 rate_limited with a
 * Chinese and English message and Retry-After). WEIJIAN_PORTAL_RATE_SCALE multiplies them, for a
 * load test from one address; it is not meant for production.
 */
const scale = Math.max(1, Number(process.env.WEIJIAN_PORTAL_RATE_SCALE ?? 1) || 1);
const limit = (max: number) => ({ max: max * scale, timeWindow: '1 minute' });

/**
 * 一公开, without sign-in: the establishment page behind the establishment code, public search,
 * the public lists and the daily open data with its dictionary (open-data-routes.ts). Every record goes through the
 * disclosure gate of @weijian/domain (periods, withdrawal, masking); answers carry an ETag and
 * Cache-Control.
 */
export const disclosureRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  // Read-only and heavy: the read replica when one is configured (DATABASE_READ_URL).
  const db = readDatabaseOf(ctx).db;
  registerHttpCache(app, 60);

  app.get(
    '/public/establishments',
    {
      config: { access: 'public', rateLimit: limit(60) },
      schema: {
        tags,
        summary: '机构查询 Search establishments by name, code, kind and region (public, masked)',
        querystring: establishmentSearchQuerySchema,
        response: { 200: establishmentSearchSchema, ...errors },
      },
    },
    async (request) => searchEstablishments(db, request.query, legalToday(ctx)),
  );

  app.get(
    '/public/establishments/:publicCode',
    {
      config: { access: 'public', rateLimit: limit(120) },
      schema: {
        tags,
        summary:
          '机构公示页 What the establishment code (一码) shows: licences, commitments, inspection results, penalties in their period, credit',
        params: z.object({ publicCode: z.string().max(64) }),
        response: { 200: establishmentPageSchema, ...errors },
      },
    },
    async (request) => establishmentPage(readDatabaseOf(ctx), request.params.publicCode, legalToday(ctx)),
  );

  app.get(
    '/public/lists/:dataset',
    {
      config: { access: 'public', rateLimit: limit(60) },
      schema: {
        tags,
        summary:
          '公示名单 A public list today (blacklist, revoked licences, approved institutions, notices, campaigns …) with its dictionary',
        params: z.object({ dataset: datasetIdSchema.exclude(['establishments', 'supervision_modes']) }),
        response: { 200: publicListSchema, ...errors },
      },
    },
    async (request) => {
      const today = legalToday(ctx);
      const id = request.params.dataset as DatasetId;
      return { asOf: today, dictionary: dataDictionary(id), items: await datasetRecords(db, id, today) };
    },
  );

  app.get(
    '/open-data/dictionary',
    {
      config: { access: 'public', rateLimit: limit(30) },
      schema: {
        tags,
        summary: '数据字典 Fields, masking, publication period and citations of every open data set',
        response: { 200: z.array(dictionarySchema), ...errors },
      },
    },
    async () => DATASET_IDS.map((id) => dataDictionary(id)),
  );

  await app.register(openDataRoutes(limit));
};
