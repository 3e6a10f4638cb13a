import { DATASET_IDS, DATASETS, type DatasetId } from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bilingual, problemSchema } from '../../http/problem.js';
import { legalToday } from '../licensing/access.js';
import { ALL_REGIONS } from './generate-open-data.js';
import { type ManifestEntry, openDataFile, openDataManifest } from './open-data-files.js';
import { datasetIdSchema, openDataCatalogueSchema, openDataManifestSchema } from './schemas.js';

const tags = ['public'];
const errors = { 400: problemSchema, 404: problemSchema, 429: problemSchema, 503: problemSchema };

const fileName = z
  .string()
  .regex(
    new RegExp(`^(${DATASET_IDS.join('|')})\\.(csv|json)$`),
    bilingual('文件名应为 <数据集>.csv 或 <数据集>.json', 'The file is <dataset>.csv or <dataset>.json'),
  );
const county = z
  .string()
  .regex(/^\d{6}$/, bilingual('区划代码为 6 位县级代码', 'A region is a 6-digit county code'));

const urlOf = (e: Pick<ManifestEntry, 'dataset' | 'format' | 'region'>) =>
  e.region === ALL_REGIONS
    ? `/api/v1/open-data/${e.dataset}.${e.format}`
    : `/api/v1/open-data/regions/${e.region}/${e.dataset}.${e.format}`;

/**
 * The open data as daily files (issue 9 item 7): the catalogue, the manifest of every file of the
 * day (per county and for the whole deployment, with size and SHA-256), and the files themselves
 * with ETag = SHA-256, Last-Modified and Cache-Control. Files come from the store; a file whose
 * source moved since it was written (a penalty withdrawn) is written again before it is served.
 */
export function openDataRoutes(limit: (max: number) => { max: number; timeWindow: string }) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    const { ctx } = app;

    app.get(
      '/open-data',
      {
        config: { access: 'public', rateLimit: limit(30) },
        schema: {
          tags,
          summary:
            '开放数据目录 The open data sets of today, with record counts, sizes, hashes and download links',
          response: { 200: openDataCatalogueSchema, ...errors },
        },
      },
      async (request) => {
        const today = legalToday(ctx);
        const files = await openDataManifest(ctx, today, {}, { reader: request });
        const whole = (id: DatasetId, format: 'csv' | 'json') =>
          files.find((f) => f.region === ALL_REGIONS && f.dataset === id && f.format === format)!;
        return {
          asOf: today,
          licence:
            '政府公开数据，可自由使用，请注明来源 Public government data, free to reuse with attribution',
          datasets: DATASET_IDS.map((id) => ({
            id,
            titleZh: DATASETS[id].titleZh,
            titleEn: DATASETS[id].titleEn,
            records: whole(id, 'csv').records,
            day: whole(id, 'csv').day,
            csv: `/api/v1/open-data/${id}.csv`,
            json: `/api/v1/open-data/${id}.json`,
            csvSha256: whole(id, 'csv').sha256,
            jsonSha256: whole(id, 'json').sha256,
            csvBytes: whole(id, 'csv').bytes,
            jsonBytes: whole(id, 'json').bytes,
            generatedAt: whole(id, 'csv').generatedAt,
          })),
          regions: [...new Set(files.filter((f) => f.region !== ALL_REGIONS).map((f) => f.region))],
          manifest: '/api/v1/open-data/manifest',
        };
      },
    );

    app.get(
      '/open-data/manifest',
      {
        config: { access: 'public', rateLimit: limit(30) },
        schema: {
          tags,
          summary:
            '文件清单 Every open data file of today (whole deployment and per county): rows, bytes, SHA-256, link',
          querystring: z.object({
            region: z.union([county, z.literal(ALL_REGIONS)]).optional(),
            dataset: datasetIdSchema.optional(),
          }),
          response: { 200: openDataManifestSchema, ...errors },
        },
      },
      async (request) => {
        const today = legalToday(ctx);
        const files = await openDataManifest(ctx, today, request.query, { reader: request });
        return { day: today, files: files.map((f) => ({ ...f, url: urlOf(f) })) };
      },
    );

    const send = async (
      request: import('fastify').FastifyRequest,
      reply: import('fastify').FastifyReply,
      file: string,
      region: string = ALL_REGIONS,
    ) => {
      const [name, format] = file.split('.') as [DatasetId, 'csv' | 'json'];
      const today = legalToday(ctx);
      const { entry, body } = await openDataFile(ctx, today, name, format, region, { reader: request });
      const label = region === ALL_REGIONS ? name : `${name}-${region}`;
      reply.header('etag', `"${entry.sha256}"`);
      reply.header('last-modified', new Date(entry.generatedAt).toUTCString());
      reply.header('cache-control', 'public, max-age=3600');
      reply.header('content-disposition', `attachment; filename="${label}-${entry.day}.${format}"`);
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .send(body);
    };

    app.get(
      '/open-data/:file',
      {
        config: { access: 'public', rateLimit: limit(30) },
        schema: {
          tags,
          summary:
            '下载开放数据 One data set of today for the whole deployment, CSV (UTF-8, BOM) or JSON; ETag = SHA-256',
          params: z.object({ file: fileName }),
          produces: ['text/csv', 'application/json'],
          response: { 200: z.any().meta({ description: 'The data set' }), ...errors },
        },
      },
      async (request, reply) => send(request, reply, request.params.file),
    );

    app.get(
      '/open-data/regions/:region/:file',
      {
        config: { access: 'public', rateLimit: limit(30) },
        schema: {
          tags,
          summary: '下载县级开放数据 One data set of today for one county, CSV (UTF-8, BOM) or JSON',
          params: z.object({ region: county, file: fileName }),
          produces: ['text/csv', 'application/json'],
          response: { 200: z.any().meta({ description: 'The data set' }), ...errors },
        },
      },
      async (request, reply) => send(request, reply, request.params.file, request.params.region),
    );
  };
  return plugin;
}
