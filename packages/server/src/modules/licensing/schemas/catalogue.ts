import {
  CLINIC_TYPES,
  DATA_LOOKUPS,
  ESTABLISHMENT_KINDS,
  PERMIT_CHECKS,
  PERMIT_LEVELS,
  REFORM_MODES,
} from '@weijian/domain';
import { z } from 'zod';
import { citationSchema, isoDateSchema } from '../../../http/common-schemas.js';

/** zod schemas of the permit catalogue; each named one is a component of the OpenAPI document. */
export const reformModeSchema = z.enum(REFORM_MODES).meta({
  id: 'ReformMode',
  description:
    'abolished 直接取消审批 · filing 审批改为备案 · commitment 实行告知承诺 · approval 优化审批服务',
});
export const permitLevelSchema = z
  .enum(PERMIT_LEVELS)
  .meta({ id: 'PermitLevel', description: 'Approving level' });
export const dataLookupSchema = z.enum(DATA_LOOKUPS).meta({
  id: 'DataLookup',
  description: 'Data the system looks up instead of asking for a paper copy',
});
export const clinicTypeSchema = z.enum(CLINIC_TYPES).meta({ id: 'ClinicType' });

const text = (max: number) => z.string().trim().min(1).max(max);

export const materialRequirementSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/),
    nameZh: text(200),
    nameEn: text(200),
    required: z.boolean(),
    removed: z.object({ citation: citationSchema, replacedBy: dataLookupSchema.nullable() }).nullable().meta({
      description: 'The reform removed this material; replacedBy names the data lookup that replaces it',
    }),
  })
  .meta({ id: 'MaterialRequirement' });

export const commitmentConditionSchema = z
  .object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/), textZh: text(500), textEn: text(500) })
  .meta({ id: 'CommitmentCondition' });

export const modelTextSchema = z
  .object({ code: text(50), titleZh: text(200), titleEn: text(200), bodyZh: text(10_000) })
  .meta({ id: 'ModelText', description: 'A model text the portal publishes (告知承诺书, application form)' });

export const permitGuideSchema = z
  .object({
    summaryZh: text(2000),
    summaryEn: text(2000),
    stepsZh: z.array(text(500)),
    noteZh: z.string().max(1000),
  })
  .meta({ id: 'PermitGuide' });

export const revalidationRuleSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('fixed'),
      years: z.number().int().min(1).max(10),
      noticeDaysBefore: z.number().int().min(0).max(365),
      citation: citationSchema,
    }),
    z.object({
      kind: z.literal('medical_institution'),
      noticeDaysBefore: z.number().int().min(0).max(365),
      citation: citationSchema,
    }),
  ])
  .meta({
    id: 'RevalidationRule',
    description:
      'fixed: every n years; medical_institution: yearly under 100 beds, every 3 years from 100 (医疗机构管理条例 §22)',
  });

export const publicationRuleSchema = z
  .object({
    halfYearlyList: z.boolean(),
    newApplicationWithinMonths: z.number().int().min(1).max(12).nullable(),
    citation: citationSchema,
  })
  .meta({ id: 'PublicationRule' });

const days = z.number().int().min(0).max(365);

export const permitDefinitionSchema = z
  .object({
    code: z.string().meta({ description: 'Taken from the path on save' }),
    nameZh: text(200),
    nameEn: text(200),
    licenseNameZh: text(100),
    numberPrefix: z.string().trim().min(1).max(6),
    legalBasis: z.array(citationSchema).min(1),
    level: permitLevelSchema,
    departmentCode: text(30),
    mode: reformModeSchema,
    statutoryLimitDays: days.nullable().meta({ description: '法定时限, working days' }),
    committedLimitDays: days
      .nullable()
      .meta({ description: '承诺时限, working days; 0 = decided on the spot' }),
    acceptLimitDays: days.meta({
      description: 'Days to accept, reject or request corrections (行政许可法 §32: 5)',
    }),
    materials: z.array(materialRequirementSchema),
    conditions: z.array(commitmentConditionSchema),
    siteInspection: z.boolean(),
    expertReview: z.boolean(),
    twoInOne: z.boolean().meta({
      description: '两证合一: setting-up and practice registration in one step with a public notice',
    }),
    publicNoticeDays: days,
    verificationDays: days
      .nullable()
      .meta({ description: 'Working days to verify a commitment or check a filing' }),
    validityYears: z.number().int().min(1).max(20).nullable(),
    revalidation: revalidationRuleSchema.nullable(),
    publication: publicationRuleSchema.nullable(),
    eligibleKinds: z.array(z.enum(ESTABLISHMENT_KINDS)).min(1),
    eligibleCategoryPrefixes: z.array(z.string().regex(/^[A-Z][0-9]{0,3}$/)),
    excludedCategoryPrefixes: z.array(z.string().regex(/^[A-Z][0-9]{0,3}$/)),
    replacedBy: z
      .string()
      .nullable()
      .meta({ description: 'For an abolished type: the permit type to apply for instead' }),
    requiresLicenseOf: z.string().nullable(),
    checks: z.array(z.enum(PERMIT_CHECKS)),
    guide: permitGuideSchema,
    modelTexts: z.array(modelTextSchema),
    seedItems: z
      .array(z.string())
      .meta({ description: 'Items of the source documents implemented, e.g. 000-3' }),
    citation: citationSchema,
  })
  .meta({ id: 'PermitTypeDefinition' });

export const permitVersionSchema = z
  .object({
    code: z.string(),
    version: z.number().int(),
    effectiveFrom: isoDateSchema,
    note: z.string(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    definition: permitDefinitionSchema,
  })
  .meta({ id: 'PermitTypeVersion' });

export const permitVersionListSchema = z
  .object({ items: z.array(permitVersionSchema) })
  .meta({ id: 'PermitTypeVersionList' });

export const permitSummarySchema = z
  .object({
    code: z.string(),
    version: z.number().int(),
    effectiveFrom: isoDateSchema,
    nameZh: z.string(),
    nameEn: z.string(),
    mode: reformModeSchema,
    modeNameZh: z.string(),
    level: permitLevelSchema,
    departmentCode: z.string(),
    statutoryLimitDays: z.number().int().nullable(),
    committedLimitDays: z.number().int().nullable(),
    replacedBy: z.string().nullable(),
    summaryZh: z.string(),
    citation: citationSchema,
  })
  .meta({ id: 'PermitTypeSummary' });

export const catalogueSchema = z
  .object({
    asOf: isoDateSchema,
    items: z.array(permitSummarySchema),
    maxUploadBytes: z.number().int(),
    acceptedFileTypes: z.array(z.string()),
  })
  .meta({ id: 'PermitCatalogue' });

export const catalogueQuerySchema = z.object({
  asOf: isoDateSchema
    .optional()
    .meta({ description: 'Day the catalogue is read for (default today, China time)' }),
});

export const codeParams = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/) });

export const newPermitVersionSchema = z
  .object({
    effectiveFrom: isoDateSchema,
    note: text(500).meta({
      description: 'What this version changes and why (e.g. the document that changed it)',
    }),
    definition: permitDefinitionSchema.omit({ code: true }),
  })
  .meta({ id: 'NewPermitTypeVersion' });

export const applicationFormSchema = z
  .object({
    clinicType: clinicTypeSchema.optional(),
    doctorIds: z
      .array(z.number().int().positive())
      .max(50)
      .optional()
      .meta({ description: 'Registry practitioners (clinic filing)' }),
    doctorPracticeSince: z
      .array(z.object({ practitionerId: z.number().int().positive(), since: isoDateSchema }))
      .max(50)
      .optional()
      .meta({
        description:
          'Declared start of practice in a medical institution, where the registry does not hold it',
      }),
    plannedLevel: z.enum(['level1', 'level2', 'level3', 'unrated']).optional(),
    beds: z.number().int().min(0).max(100_000).optional(),
    foreignInvestment: z.enum(['none', 'sino_foreign', 'hk_macao_taiwan']).optional(),
    scope: z.string().trim().max(1000).optional().meta({ description: '许可项目 / scope applied for' }),
    changes: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .meta({ description: 'What a change application changes' }),
  })
  .strict()
  .meta({ id: 'ApplicationForm' });
