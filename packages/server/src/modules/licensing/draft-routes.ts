import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { discardPermitDraft, permitDraft, savePermitDraft } from './permit-drafts.js';
import { codeParams } from './schemas/catalogue.js';

const tags = ['licensing'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

const draftSchema = z
  .object({
    code: z.string(),
    baseVersion: z.number().int(),
    values: z.record(z.string(), z.unknown()),
    savedBy: z.string(),
    savedAt: z.string(),
  })
  .meta({ id: 'PermitDraft' });
const saveDraftSchema = z
  .object({ baseVersion: z.number().int().min(1), values: z.record(z.string(), z.unknown()) })
  .strict()
  .meta({ id: 'SavePermitDraft' });

/** The catalogue editor's shared draft of a permit type's next version (permit-drafts.ts). */
export const draftRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const config = { permission: 'licensing.catalogue.manage' as const };
  app.get(
    '/permit-types/:code/draft',
    {
      config,
      schema: {
        tags,
        summary: '修订草稿 The draft of the next version, or null (administrators in scope; never public)',
        params: codeParams,
        response: { 200: z.object({ draft: draftSchema.nullable() }), ...errors },
      },
    },
    async (request) => ({ draft: await permitDraft(ctx.database.db, request.actor!, request.params.code) }),
  );
  app.put(
    '/permit-types/:code/draft',
    {
      config,
      schema: {
        tags,
        summary:
          '保存修订草稿 Save the draft of the next version (one per type; checked on preview and publishing)',
        params: codeParams,
        body: saveDraftSchema,
        response: { 200: draftSchema, ...errors },
      },
    },
    async (request) =>
      savePermitDraft({ ctx, actor: request.actor!, code: request.params.code, input: request.body }),
  );
  app.delete(
    '/permit-types/:code/draft',
    {
      config,
      schema: {
        tags,
        summary: '放弃修订草稿 Discard the draft',
        params: codeParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await discardPermitDraft({ ctx, actor: request.actor!, code: request.params.code });
      return reply.status(204).send(null);
    },
  );
};
