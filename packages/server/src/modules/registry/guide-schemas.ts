import { ESTABLISHMENT_FLAGS } from '@weijian/domain';
import { z } from 'zod';
import { citationSchema, isoDateSchema } from '../../http/common-schemas.js';
import { kindSchema } from './schemas.js';

const zh = (max: number) => z.string().trim().min(1).max(max);

export const guideContentSchema = z
  .object({
    titleZh: zh(100),
    summaryZh: zh(2000),
    departments: z
      .array(
        z.object({
          departmentCode: zh(40),
          role: z.enum(['lead', 'joint']),
          matterZh: zh(500),
          citation: citationSchema,
        }),
      )
      .min(1)
      .max(20)
      .meta({ description: '谁来管: departments and what each supervises' }),
    items: z
      .array(z.object({ code: zh(20), nameZh: zh(300), departmentCode: zh(40), basisZh: zh(300) }))
      .max(200)
      .meta({ description: '管什么: inspection items, each with its department and legal basis' }),
    frequency: z
      .array(
        z.object({
          appliesToZh: zh(200),
          flags: z.array(z.enum(ESTABLISHMENT_FLAGS)),
          minShare: z.number().min(0).max(1).nullable(),
          timesPerYear: z.number().int().min(1).max(365).nullable(),
          ruleZh: zh(500),
          citation: citationSchema,
        }),
      )
      .max(20)
      .meta({ description: '频次: how often, for which establishments' }),
    process: z
      .array(
        z.object({
          order: z.number().int().min(1),
          nameZh: zh(100),
          descriptionZh: zh(1000),
          departmentCode: z.string().nullable(),
          citation: citationSchema.nullable(),
        }),
      )
      .max(30)
      .meta({ description: '怎么管: the steps (the flow chart)' }),
  })
  .strict()
  .meta({ id: 'ComplianceGuideContent' });

const versionInfo = z.object({
  version: z.number().int(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

export const complianceGuideSchema = z
  .object({
    kind: kindSchema,
    kindName: z.string(),
    version: z.number().int(),
    effectiveFrom: z.string().nullable(),
    note: z.string(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    content: guideContentSchema,
  })
  .meta({ id: 'ComplianceGuide' });

export const complianceGuideWithVersionsSchema = complianceGuideSchema
  .extend({ versions: z.array(versionInfo) })
  .meta({ id: 'ComplianceGuideWithVersions' });

export const saveGuideSchema = z
  .object({
    content: guideContentSchema,
    note: zh(500).meta({ description: 'What changed and why' }),
    effectiveFrom: isoDateSchema.nullable().default(null),
    expectedVersion: z.number().int().optional(),
  })
  .strict()
  .meta({ id: 'SaveComplianceGuide' });

export const departmentDutySchema = z
  .object({
    departmentCode: zh(40),
    dutiesZh: zh(2000),
    dutiesEn: z.string().max(2000),
    citation: citationSchema,
  })
  .meta({ id: 'DepartmentDuty' });

export const responsibilityMapSchema = z
  .object({
    version: z.number().int(),
    note: z.string(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    entries: z.array(departmentDutySchema.extend({ departmentName: z.string() })),
    versions: z.array(versionInfo),
  })
  .meta({ id: 'ResponsibilityMap' });

export const saveResponsibilityMapSchema = z
  .object({
    entries: z.array(departmentDutySchema).min(1).max(30),
    note: zh(500),
    expectedVersion: z.number().int().optional(),
  })
  .strict()
  .meta({ id: 'SaveResponsibilityMap' });

export const kindParams = z.object({ kind: kindSchema });
export const kindVersionParams = z.object({ kind: kindSchema, version: z.coerce.number().int().positive() });
