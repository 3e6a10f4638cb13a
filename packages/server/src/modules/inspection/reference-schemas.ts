import { ESTABLISHMENT_FLAGS, SEVERITIES } from '@weijian/domain';
import { z } from 'zod';
import { citationSchema, isoDateSchema } from '../../http/common-schemas.js';
import { kindSchema } from '../registry/schemas.js';

const text = (max: number) => z.string().trim().min(1).max(max);
export const codeSchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,40}$/, 'printable ASCII, 1–40 characters')
  .meta({ description: 'A code: printable ASCII without spaces' });

export const severitySchema = z
  .enum(SEVERITIES)
  .meta({ id: 'Severity', description: 'minor 一般 | major 较重 | critical 严重' });

export const checklistItemSchema = z
  .object({
    code: codeSchema,
    what: text(500).meta({ description: '检查内容' }),
    basis: text(500).meta({ description: '检查依据' }),
    severity: severitySchema,
  })
  .strict()
  .meta({ id: 'ChecklistItem' });

const versionInfo = z
  .object({
    version: z.number().int(),
    note: z.string(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'ListVersionInfo' });

export const checklistSchema = z
  .object({
    id: z.number().int(),
    kind: kindSchema,
    departmentCode: z.string(),
    version: z.number().int(),
    title: z.string(),
    items: z.array(checklistItemSchema),
    note: z.string(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'Checklist' });

export const checklistDetailSchema = checklistSchema
  .extend({
    versions: z.array(
      z.object({ id: z.number().int(), version: z.number().int(), note: z.string(), createdAt: z.string() }),
    ),
  })
  .meta({ id: 'ChecklistWithVersions' });

export const checklistQuerySchema = z.object({
  kind: kindSchema.optional(),
  departmentCode: z.string().optional(),
});

export const saveChecklistSchema = z
  .object({
    kind: kindSchema,
    departmentCode: text(40),
    title: text(200),
    items: z.array(checklistItemSchema).min(1).max(300),
    note: z.string().trim().max(1000).default(''),
    expectedVersion: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: 'The version you edited (409 if another was saved since); 0 for the first' }),
  })
  .strict()
  .meta({ id: 'SaveChecklist' });

export const inspectionItemEntrySchema = z
  .object({
    code: codeSchema,
    nameZh: text(300),
    basisZh: text(2000),
    objectKinds: z.array(kindSchema).min(1),
    departmentCode: text(40),
    method: text(300),
    ratio: text(100),
    frequency: text(100),
  })
  .strict()
  .meta({
    id: 'InspectionItemEntry',
    description: '抽查事项: item, basis, object kinds, department, method, ratio, frequency',
  });

export const responsibilityEntrySchema = z
  .object({
    code: codeSchema,
    departmentCode: text(40),
    matterZh: text(2000),
    basisZh: text(2000),
    objectKinds: z.array(kindSchema),
    measuresZh: text(1000),
  })
  .strict()
  .meta({
    id: 'ResponsibilityEntry',
    description: '监管责任: who supervises what, on which basis, by which measures',
  });

export const itemListSchema = z
  .object({
    version: z.number().int(),
    entries: z.array(inspectionItemEntrySchema),
    note: z.string(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    versions: z.array(versionInfo),
  })
  .meta({ id: 'InspectionItemList' });

export const responsibilityListSchema = itemListSchema
  .extend({ entries: z.array(responsibilityEntrySchema) })
  .meta({ id: 'SupervisionResponsibilityList' });

export const listVersionQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() });

const saveList = <T extends z.ZodType>(entry: T) =>
  z
    .object({
      entries: z.array(entry).min(1).max(1000),
      note: z.string().trim().max(1000).default(''),
      expectedVersion: z.number().int().min(0).optional(),
    })
    .strict();
export const saveItemListSchema = saveList(inspectionItemEntrySchema).meta({ id: 'SaveInspectionItemList' });
export const saveResponsibilityListSchema = saveList(responsibilityEntrySchema).meta({
  id: 'SaveResponsibilityList',
});

const ratio = z.number().min(0).max(1);
const workingDays = z.number().int().min(1).max(365);
export const policyValuesSchema = z
  .object({
    yearCoverageTarget: ratio,
    defaultRatio: ratio,
    fullCoverageFlags: z.array(z.enum(ESTABLISHMENT_FLAGS)),
    differentiatedFlags: z.array(z.enum(ESTABLISHMENT_FLAGS)),
    teamSize: z.number().int().min(2).max(20),
    publicationWorkingDays: workingDays,
    rectificationWorkingDays: z
      .object({ minor: workingDays, major: workingDays, critical: workingDays })
      .strict(),
    reinspectionWorkingDays: workingDays,
    recentInspectionExclusionDays: z.number().int().min(0).max(3650),
  })
  .strict()
  .meta({ id: 'InspectionPolicyValues' });

const citations = z.object(
  Object.fromEntries(Object.keys(policyValuesSchema.shape).map((k) => [k, citationSchema])) as Record<
    keyof typeof policyValuesSchema.shape,
    typeof citationSchema
  >,
);

export const policySchema = z
  .object({
    version: z.number().int(),
    values: policyValuesSchema,
    citations,
    note: z.string(),
    effectiveFrom: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'InspectionPolicy' });

export const savePolicySchema = z
  .object({
    values: policyValuesSchema,
    citations,
    note: text(1000),
    effectiveFrom: isoDateSchema.nullable().default(null),
    expectedVersion: z.number().int().min(1).optional(),
  })
  .strict()
  .meta({ id: 'SaveInspectionPolicy' });

export const idParams = z.object({ id: z.coerce.number().int().positive() });
