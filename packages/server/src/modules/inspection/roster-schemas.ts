import { z } from 'zod';
import { isoDateSchema } from '../../http/common-schemas.js';

const specialty = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'lower-case code');

/** An officer's fields, none defaulted: a patch must not reset what it does not name. */
const inspectorFields = z
  .object({
    certificateNo: z
      .string()
      .trim()
      .regex(/^[\x21-\x7e]{1,100}$/, 'printable ASCII')
      .meta({ description: '执法证号 (printable ASCII; published in draw records)' }),
    certificateValidUntil: isoDateSchema.nullable().meta({
      description: '执法证有效期至 (last valid day); officers with an expired certificate are not drawn',
    }),
    name: z.string().trim().min(1).max(50),
    unitId: z.number().int().positive(),
    specialties: z.array(specialty).max(20),
    available: z.boolean(),
    unavailableReason: z.string().trim().max(200).nullable(),
    userId: z
      .number()
      .int()
      .positive()
      .nullable()
      .meta({ description: 'Link to the officer’s staff account' }),
  })
  .strict();

export const inspectorInputSchema = inspectorFields
  .extend({
    certificateValidUntil: inspectorFields.shape.certificateValidUntil.default(null),
    specialties: inspectorFields.shape.specialties.default([]),
    available: inspectorFields.shape.available.default(true),
    unavailableReason: inspectorFields.shape.unavailableReason.default(null),
    userId: inspectorFields.shape.userId.default(null),
  })
  .strict()
  .meta({ id: 'InspectorFields' });

export const inspectorPatchSchema = inspectorFields
  .partial()
  .extend({ expectedVersion: z.number().int().min(1).optional() })
  .strict()
  .meta({ id: 'InspectorPatch' });

export const conflictReasonSchema = z.enum(['former_employer', 'relative', 'other']).meta({
  id: 'ConflictReason',
  description: 'former_employer 曾任职 | relative 近亲属 | other 其他利害关系',
});

export const conflictSchema = z
  .object({
    id: z.number().int(),
    establishmentId: z.number().int(),
    establishmentName: z.string().nullable(),
    reason: conflictReasonSchema,
    note: z.string(),
    source: z.enum(['declared', 'recorded']),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    endedAt: z.string().nullable(),
    endReason: z.string().nullable(),
  })
  .meta({ id: 'InspectorConflict' });

export const inspectorSchema = z
  .object({
    id: z.number().int(),
    certificateNo: z.string(),
    certificateValidUntil: z.string().nullable().meta({ description: '执法证有效期至; null = not recorded' }),
    name: z.string(),
    unit: z.object({ id: z.number().int(), name: z.string() }),
    departmentCode: z.string(),
    regionCode: z.string(),
    specialties: z.array(z.string()),
    available: z.boolean(),
    unavailableReason: z.string().nullable(),
    userId: z.number().int().nullable(),
    openTasks: z.number().int().meta({ description: 'Inspections assigned to the officer and not yet done' }),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Inspector' });

export const inspectorDetailSchema = inspectorSchema
  .extend({ conflicts: z.array(conflictSchema) })
  .meta({ id: 'InspectorDetail' });

export const inspectorListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().meta({ description: 'Name or certificate number (part)' }),
  departmentCode: z.string().optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/)
    .optional(),
  available: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const inspectorPageSchema = z
  .object({
    items: z.array(inspectorSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'InspectorPage' });

export const conflictInputSchema = z
  .object({
    establishmentId: z.number().int().positive(),
    reason: conflictReasonSchema,
    note: z.string().trim().max(500).default(''),
  })
  .strict()
  .meta({ id: 'ConflictDeclaration' });

export const endConflictSchema = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .strict()
  .meta({ id: 'EndConflict' });

export const conflictParams = z.object({
  id: z.coerce.number().int().positive(),
  conflictId: z.coerce.number().int().positive(),
});
