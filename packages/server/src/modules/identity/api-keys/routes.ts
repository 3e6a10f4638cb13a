import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../http/problem.js';
import { createApiKey } from './create-api-key.js';
import { listApiKeys } from './queries.js';
import { revokeApiKey } from './revoke-api-key.js';
import {
  apiKeyIdParamsSchema,
  apiKeyListSchema,
  apiKeySchema,
  createApiKeyBodySchema,
  createdApiKeySchema,
} from './schemas.js';

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

/** API keys of an establishment's information systems, managed by its institution users. */
export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['identity: API keys'];

  app.get(
    '/api-keys',
    {
      config: { permission: 'identity.api-key.manage' },
      schema: {
        tags,
        summary: "接口密钥列表 Your establishment's API keys (never the keys themselves)",
        response: { 200: apiKeyListSchema, ...problems },
      },
    },
    async (request) => ({ items: await listApiKeys(ctx.database.db, request.actor!) }),
  );

  app.post(
    '/api-keys',
    {
      config: { permission: 'identity.api-key.manage' },
      schema: {
        tags,
        summary: '新建接口密钥 Create a key for your establishment; the key is in the response, once',
        body: createApiKeyBodySchema,
        response: { 201: createdApiKeySchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApiKey({ ctx, actor: request.actor!, input: request.body })),
  );

  app.post(
    '/api-keys/:id/revoke',
    {
      config: { permission: 'identity.api-key.manage' },
      schema: {
        tags,
        summary: '吊销接口密钥 Revoke a key; requests carrying it are refused from then on',
        params: apiKeyIdParamsSchema,
        response: { 200: apiKeySchema, ...problems },
      },
    },
    async (request) => revokeApiKey({ ctx, actor: request.actor!, keyId: request.params.id }),
  );
};
