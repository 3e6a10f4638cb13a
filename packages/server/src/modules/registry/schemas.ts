import {
  ESTABLISHMENT_FLAGS,
  ESTABLISHMENT_KINDS,
  ESTABLISHMENT_STATUSES,
  LEVELS,
  MANUAL_FLAGS,
  OWNERSHIPS,
} from '@weijian/domain';
import { z } from 'zod';
import { bilingual } from '../../http/problem.js';

/** zod schemas of the registry API; each named one becomes a component of the OpenAPI document. */
export const kindSchema = z.enum(ESTABLISHMENT_KINDS).meta({ id: 'EstablishmentKind' });
export const statusSchema = z.enum(ESTABLISHMENT_STATUSES).meta({ id: 'EstablishmentStatus' });
export const flagSchema = z.enum(ESTABLISHMENT_FLAGS).meta({ id: 'EstablishmentFlag' });
export const manualFlagSchema = z
  .enum(MANUAL_FLAGS as unknown as ['tcm_filed_clinic', 'remote_monitoring'])
  .meta({ id: 'EstablishmentManualFlag' });
export const ownershipSchema = z.enum(OWNERSHIPS).meta({ id: 'Ownership' });
export const levelSchema = z.enum(LEVELS).meta({ id: 'HospitalLevel' });

export const idParams = z.object({ id: z.coerce.number().int().positive() });
const isoInstant = z.string().meta({ description: 'ISO 8601 instant (UTC)' });

export const establishmentSummarySchema = z
  .object({
    id: z.number().int(),
    publicCode: z.string().meta({ description: '一码: stable public code (13 characters)' }),
    name: z.string(),
    uscc: z.string().nullable().meta({ description: '统一社会信用代码' }),
    usccCheckFailed: z
      .boolean()
      .meta({ description: 'The code fails its check character but was accepted with a reason' }),
    kind: kindSchema,
    categoryCode: z.string(),
    categoryName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    address: z.string(),
    contactPhone: z
      .string()
      .nullable()
      .meta({ description: 'Landline in full, or a mobile number masked (138****5678)' }),
    contactPhoneKind: z.enum(['landline', 'mobile']).nullable(),
    ownership: ownershipSchema.nullable(),
    forProfit: z.boolean().nullable(),
    level: levelSchema.nullable(),
    beds: z.number().int().nullable(),
    status: statusSchema,
    flags: z.array(flagSchema),
    version: z.number().int(),
    updatedAt: isoInstant,
  })
  .meta({ id: 'EstablishmentSummary' });

export const establishmentSchema = establishmentSummarySchema
  .extend({
    publicPath: z
      .string()
      .meta({ description: 'Path of the public page the QR code opens: /e/{publicCode}' }),
    legalRepresentative: z.string().nullable(),
    clinicalSubjects: z.array(z.object({ code: z.string(), nameZh: z.string() })),
    regionPath: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
    usccAcceptance: z
      .object({ reason: z.string(), acceptedBy: z.string().nullable(), acceptedAt: isoInstant })
      .nullable(),
    practitionerCount: z.number().int(),
    createdAt: isoInstant,
  })
  .meta({ id: 'Establishment' });

const text = (max: number) => z.string().trim().min(1).max(max);

export const establishmentInputSchema = z
  .object({
    name: text(200),
    uscc: z
      .string()
      .trim()
      .max(18)
      .nullable()
      .meta({ description: '统一社会信用代码; null when the establishment has none' }),
    usccAcceptReason: z
      .string()
      .trim()
      .min(4)
      .max(500)
      .optional()
      .meta({ description: 'Accept a code that fails its check (needs registry.uscc.accept); audited' }),
    categoryCode: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .meta({ description: 'Category code (A100) or name (综合医院)' }),
    regionCode: z.string().regex(/^\d{6}(\d{3})?$/, {
      message: bilingual('应为 6 位县级或 9 位乡镇（街道）代码', 'a 6-digit county or 9-digit town code'),
    }),
    address: text(300),
    legalRepresentative: z.string().trim().max(50).nullable().default(null),
    contactPhone: z.string().trim().max(30).nullable().default(null),
    ownership: ownershipSchema.nullable().default(null),
    forProfit: z.boolean().nullable().default(null),
    level: levelSchema.nullable().default(null),
    beds: z.number().int().min(0).max(100_000).nullable().default(null),
    clinicalSubjects: z.array(z.string()).max(80).default([]),
    status: statusSchema,
    manualFlags: z.array(manualFlagSchema).default([]),
  })
  .strict()
  .meta({ id: 'EstablishmentCreate' });
export type EstablishmentInput = z.infer<typeof establishmentInputSchema>;

export const establishmentPatchSchema = z
  .object({
    name: text(200),
    uscc: z.string().trim().max(18).nullable(),
    usccAcceptReason: z.string().trim().min(4).max(500),
    categoryCode: z.string().trim().min(1).max(20),
    regionCode: z.string().regex(/^\d{6}(\d{3})?$/),
    address: text(300),
    legalRepresentative: z.string().trim().max(50).nullable(),
    contactPhone: z.string().trim().max(30).nullable(),
    ownership: ownershipSchema.nullable(),
    forProfit: z.boolean().nullable(),
    level: levelSchema.nullable(),
    beds: z.number().int().min(0).max(100_000).nullable(),
    clinicalSubjects: z.array(z.string()).max(80),
    status: statusSchema,
    manualFlags: z.array(manualFlagSchema),
    expectedVersion: z
      .number()
      .int()
      .meta({ description: 'Refuse with 409 if the record has changed since this version was read' }),
  })
  .partial()
  .strict()
  .meta({ id: 'EstablishmentPatch' });
export type EstablishmentPatch = z.infer<typeof establishmentPatchSchema>;

export const SORT_FIELDS = ['name', 'updatedAt', 'createdAt', 'beds', 'regionCode', 'categoryCode'] as const;

export const establishmentListQuerySchema = z.object({
  q: z.string().trim().min(1).max(100).optional().meta({ description: 'Part of the name (机构名称包含)' }),
  code: z
    .string()
    .trim()
    .min(2)
    .max(18)
    .optional()
    .meta({ description: '统一社会信用代码 (exact or leading part) or the public code (exact)' }),
  kind: z.string().optional().meta({ description: 'Comma-separated EstablishmentKind values' }),
  category: z
    .string()
    .optional()
    .meta({ description: 'Comma-separated category codes, or class prefixes such as D2' }),
  region: z
    .string()
    .regex(/^\d{6}(\d{3})?$/)
    .optional()
    .meta({ description: 'Region code: its whole subtree (a city code covers its counties)' }),
  status: z.string().optional().meta({ description: 'Comma-separated EstablishmentStatus values' }),
  flags: z
    .string()
    .optional()
    .meta({ description: 'Comma-separated flags; an establishment must carry all of them' }),
  ownership: ownershipSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(SORT_FIELDS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type EstablishmentListQuery = z.infer<typeof establishmentListQuerySchema>;

export const establishmentPageSchema = z
  .object({
    items: z.array(establishmentSummarySchema),
    total: z.number().int(),
    totalExact: z
      .boolean()
      .meta({ description: 'false when there are more than 5,000 matches (total is then 5,000)' }),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'EstablishmentPage' });

export const versionSchema = z
  .object({
    version: z.number().int(),
    changedAt: isoInstant,
    actor: z.object({ userId: z.number().int().nullable(), name: z.string().nullable() }),
    action: z.string().meta({
      description:
        'create | update | import | accept_uscc (practitioners: multi_site_filed, multi_site_ended)',
    }),
    importBatchId: z.number().int().nullable(),
    changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .meta({ id: 'RecordVersion' });

export const historySchema = z.object({ items: z.array(versionSchema) }).meta({ id: 'RecordHistory' });

export const usccAcceptanceInputSchema = z
  .object({ uscc: z.string().trim().min(18).max(18), reason: z.string().trim().min(4).max(500) })
  .strict()
  .meta({ id: 'UsccAcceptanceRequest' });

export const usccAcceptanceSchema = z
  .object({
    uscc: z.string(),
    reason: z.string(),
    acceptedBy: z.string().nullable(),
    acceptedAt: isoInstant,
    checkErrors: z.array(z.object({ code: z.string(), messageZh: z.string(), messageEn: z.string() })),
  })
  .meta({ id: 'UsccAcceptance' });

export const contactRevealSchema = z
  .object({
    contactPhone: z.string().nullable(),
    contactPhoneKind: z.enum(['landline', 'mobile']).nullable(),
  })
  .meta({ id: 'EstablishmentContact' });
