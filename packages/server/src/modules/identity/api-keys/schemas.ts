import { z } from 'zod';
import { permissionNameSchema } from '../roles/schemas.js';

export const apiKeySchema = z
  .object({
    id: z.number().int(),
    establishmentId: z.number().int(),
    name: z.string(),
    prefix: z.string().meta({ description: 'first 8 characters of the key, to tell keys apart' }),
    permissions: z.array(z.string()),
    createdBy: z.object({ id: z.number().int(), username: z.string() }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) }).meta({ id: 'ApiKeyList' });

export const createApiKeyBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100).meta({ description: 'what the key is for, e.g. 监测数据上传' }),
    permissions: z
      .array(permissionNameSchema)
      .max(50)
      .default([])
      .meta({ description: 'a subset of your own permissions (identity.api-key.manage excluded)' }),
  })
  .strict()
  .meta({ id: 'CreateApiKey' });

export const createdApiKeySchema = z
  .object({
    apiKey: apiKeySchema,
    key: z.string().meta({
      description:
        'wjk_ + 43 characters; shown once, stored only as its SHA-256. Send as "Authorization: Bearer <key>"',
    }),
  })
  .meta({ id: 'CreatedApiKey' });

export const apiKeyIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export type ApiKeyDto = z.infer<typeof apiKeySchema>;
