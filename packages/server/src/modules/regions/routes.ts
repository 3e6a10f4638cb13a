import { DomainError } from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bilingual, problemSchema } from '../../http/problem.js';
import { addRegion } from './add-region.js';
import { getRegion, listRegions, regionPath, searchRegions } from './queries.js';

const regionCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, {
  message: bilingual('区划代码应为 6、9 或 12 位数字', 'a region code has 6, 9 or 12 digits'),
});

const regionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['province', 'city', 'county', 'town', 'village']),
    parentCode: z.string().nullable(),
    retired: z.boolean(),
    validFrom: z.number().int().nullable(),
    validTo: z.number().int().nullable(),
    replacedBy: z.array(z.string()),
    formerNames: z.array(
      z.object({ name: z.string(), from: z.number().nullable(), to: z.number().nullable() }),
    ),
    childCount: z.number().int(),
  })
  .meta({ id: 'Region' });

export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/regions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['regions'],
        summary: '行政区划 Regions (GB/T 2260): children of a region, or matches of a search',
        querystring: z.object({
          parent: regionCode.optional(),
          q: z.string().trim().min(1).max(40).optional(),
          includeRetired: z.enum(['true', 'false']).default('true'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(regionSchema) }), 404: problemSchema },
      },
    },
    async (request) => {
      const { parent, q, includeRetired, limit } = request.query;
      if (q) return { items: await searchRegions(db, q, limit) };
      if (parent && !(await getRegion(db, parent))) throw regionNotFound(parent);
      return {
        items: await listRegions(db, { parent: parent ?? null, includeRetired: includeRetired === 'true' }),
      };
    },
  );

  app.get(
    '/regions/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['regions'],
        summary: '行政区划详情 One region with its path from the province',
        params: z.object({ code: regionCode }),
        response: {
          200: regionSchema.extend({
            path: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
          }),
          404: problemSchema,
        },
      },
    },
    async (request) => {
      const region = await getRegion(db, request.params.code);
      if (!region) throw regionNotFound(request.params.code);
      return { ...region, path: await regionPath(db, region.code) };
    },
  );

  app.post(
    '/regions',
    {
      config: { permission: 'identity.region.manage' },
      schema: {
        tags: ['regions'],
        summary:
          '新增乡镇街道或村社区 Add a town/street (9 digits) under a county or a village (12) under a town',
        body: z
          .object({
            parentCode: regionCode,
            code: z.string().regex(/^\d{9}(\d{3})?$/, {
              message: bilingual(
                '乡镇代码为 9 位数字，村（社区）代码为 12 位数字',
                'a town code has 9 digits, a village code 12',
              ),
            }),
            name: z.string().trim().min(2).max(50),
          })
          .strict()
          .meta({ id: 'AddRegion' }),
        response: {
          201: regionSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addRegion({ ctx: app.ctx, actor: request.actor!, input: request.body })),
  );
};

function regionNotFound(code: string) {
  return new DomainError('not_found', `行政区划 ${code} 不存在`, `Region ${code} does not exist`);
}
