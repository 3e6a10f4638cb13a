import { z } from 'zod';
import { isoDateSchema } from '../../http/common-schemas.js';

export const auditEventSchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.string().meta({ description: 'ISO 8601, UTC, millisecond precision' }),
    actorUserId: z.number().int().nullable().meta({ description: 'null = the system' }),
    actorName: z.string().nullable().meta({ description: 'username at the time (api-key:… for a key)' }),
    actorRoles: z.array(z.string()),
    actorUnit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    sourceIp: z.string().nullable(),
    requestId: z.string().nullable(),
    action: z.string().meta({ description: 'e.g. identity.user.create, identity.person.read-sensitive' }),
    entityType: z.string(),
    entityId: z.string().nullable(),
    diff: z
      .record(z.string(), z.unknown())
      .meta({ description: '{field: [before, after]} for changes; personal data masked' }),
  })
  .meta({ id: 'AuditEvent' });

export const auditEventListSchema = z
  .object({ items: z.array(auditEventSchema), total: z.number().int() })
  .meta({ id: 'AuditEventList' });

export const auditFilterSchema = z.object({
  from: isoDateSchema.optional().meta({ description: 'first day, China time (UTC+8)' }),
  to: isoDateSchema.optional().meta({ description: 'last day (inclusive), China time (UTC+8)' }),
  actorUserId: z.coerce.number().int().positive().optional(),
  actor: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .optional()
    .meta({ description: "part of the actor's username or name" }),
  action: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'action prefix, e.g. identity.user.' }),
  entityType: z.string().trim().min(1).max(50).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
});

export const auditListQuerySchema = auditFilterSchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditExportQuerySchema = auditFilterSchema.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

export const chainVerdictSchema = z
  .object({
    ok: z.boolean(),
    rows: z.number().int().meta({ description: 'rows checked' }),
    brokenAt: z.number().int().optional().meta({ description: 'id of the first row that does not match' }),
    reason: z.enum(['hash_mismatch', 'prev_hash_mismatch']).optional(),
    lastHash: z.string().optional(),
  })
  .meta({ id: 'AuditChainVerdict' });

export type AuditEventDto = z.infer<typeof auditEventSchema>;
export type AuditFilter = z.infer<typeof auditFilterSchema>;
