import { APPLICATION_STATES, CLOCK_STOP_KINDS, MATERIAL_TYPES } from '@weijian/domain';
import { z } from 'zod';
import { citationSchema, isoDateSchema } from '../../../http/common-schemas.js';
import {
  applicationFormSchema,
  commitmentConditionSchema,
  dataLookupSchema,
  materialRequirementSchema,
  reformModeSchema,
} from './catalogue.js';

export const applicationStateSchema = z.enum(APPLICATION_STATES).meta({ id: 'ApplicationState' });
export const purposeSchema = z
  .enum(['new', 'change', 'renewal', 'deregistration'])
  .meta({ id: 'ApplicationPurpose', description: 'new · change 变更 · renewal 延续 · deregistration 注销' });

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const materialParams = z.object({
  id: z.coerce.number().int().positive(),
  materialId: z.coerce.number().int().positive(),
});
const instant = z.string().meta({ description: 'ISO 8601 instant (UTC)' });
const reasons = z.string().trim().min(2).max(4000);
const expectedVersion = z
  .number()
  .int()
  .min(1)
  .meta({ description: 'The version the client saw; a stale one answers 409 conflict' });

export const availableActionSchema = z
  .object({ action: z.string(), labelZh: z.string(), labelEn: z.string() })
  .meta({ id: 'AvailableAction' });

export const clockSchema = z
  .object({
    start: isoDateSchema,
    limit: z.number().int().meta({ description: 'Working days' }),
    due: isoDateSchema.nullable().meta({ description: 'Last day; null while the clock is stopped' }),
    stopped: z.boolean(),
    elapsed: z.number().int(),
    remaining: z.number().int().meta({ description: 'Negative once overdue' }),
    overdue: z.boolean(),
    excludedWorkingDays: z
      .number()
      .int()
      .meta({ description: 'Working days not counted (corrections, 行政许可法 §45 periods)' }),
    provisional: z
      .boolean()
      .meta({ description: 'Relies on a year whose holiday arrangement is not yet confirmed' }),
    done: z.boolean(),
    citation: z.array(citationSchema),
  })
  .meta({ id: 'DeadlineClock' });

export const clockStopSchema = z
  .object({ kind: z.enum(CLOCK_STOP_KINDS), from: isoDateSchema, to: isoDateSchema.nullable() })
  .meta({ id: 'ClockStop' });

export const materialSchema = z
  .object({
    id: z.number().int(),
    materialCode: z.string(),
    fileName: z.string(),
    contentType: z.enum(MATERIAL_TYPES),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedAt: instant,
    uploadedBy: z.string().nullable(),
  })
  .meta({ id: 'ApplicationMaterial' });

export const dataLookupResultSchema = z
  .object({
    materialCode: z.string(),
    lookup: dataLookupSchema,
    nameZh: z.string(),
    nameEn: z.string(),
    found: z.boolean(),
    summary: z.string(),
  })
  .meta({
    id: 'DataLookupResult',
    description: 'A removed paper material and what the system found instead',
  });

export const applicationSummarySchema = z
  .object({
    id: z.number().int(),
    number: z.string().nullable().meta({ description: 'Given at submission' }),
    jointId: z.number().int().nullable(),
    establishment: z.object({ id: z.number().int(), name: z.string(), regionCode: z.string() }),
    permit: z.object({
      code: z.string(),
      version: z.number().int(),
      nameZh: z.string(),
      nameEn: z.string(),
      mode: reformModeSchema,
    }),
    purpose: purposeSchema,
    licenseId: z.number().int().nullable(),
    unit: z.object({
      id: z.number().int(),
      name: z.string(),
      regionCode: z.string(),
      departmentCode: z.string(),
    }),
    state: applicationStateSchema,
    stateLabelZh: z.string(),
    stateLabelEn: z.string(),
    version: z.number().int(),
    receivedOn: isoDateSchema.nullable(),
    acceptDue: isoDateSchema.nullable(),
    decideDue: isoDateSchema.nullable(),
    decidedOn: isoDateSchema.nullable(),
    clockStopped: z.boolean(),
    overdue: z.boolean(),
    updatedAt: instant,
  })
  .meta({ id: 'ApplicationSummary' });

export const applicationPageSchema = z
  .object({
    items: z.array(applicationSummarySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'ApplicationPage' });

export const applicationListQuerySchema = z.object({
  state: z.string().optional().meta({ description: 'Comma-separated states' }),
  permitCode: z.string().optional(),
  mode: reformModeSchema.optional(),
  establishmentId: z.coerce.number().int().positive().optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: 'Part of the establishment name or the application number' }),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const timelineEntrySchema = z
  .object({
    action: z.string(),
    fromState: z.string().nullable(),
    toState: z.string(),
    onDate: isoDateSchema,
    at: instant,
    actorName: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'ApplicationTimelineEntry' });

export const signedCommitmentSchema = z
  .object({
    conditions: z.array(commitmentConditionSchema),
    signerName: z.string(),
    signedOn: isoDateSchema,
    signedAt: instant,
    signedBy: z.number().int(),
  })
  .meta({ id: 'SignedCommitment' });

export const applicationDetailSchema = applicationSummarySchema
  .extend({
    form: applicationFormSchema,
    note: z.string().nullable(),
    conditions: z
      .array(commitmentConditionSchema)
      .meta({ description: 'What the applicant commits to (mode commitment)' }),
    commitment: signedCommitmentSchema.nullable(),
    acceptedOn: isoDateSchema.nullable(),
    deemedAccepted: z.boolean(),
    correction: z.object({ used: z.boolean(), items: z.array(z.string()).nullable() }),
    publicNotice: z.object({
      from: isoDateSchema.nullable(),
      until: isoDateSchema.nullable(),
      done: z.boolean(),
    }),
    discloseBy: isoDateSchema
      .nullable()
      .meta({ description: 'Seed 004: public by this day (new ART / sperm-bank applications)' }),
    publishBy: isoDateSchema.nullable().meta({ description: '双公示: the decision is public by this day' }),
    decision: z.object({
      reasons: z.string().nullable(),
      decisionNo: z.string().nullable(),
      delayReason: z.string().nullable(),
      acceptOnTime: z.boolean().nullable(),
      decideOnTime: z.boolean().nullable(),
    }),
    clocks: z.object({ accept: clockSchema.nullable(), decide: clockSchema.nullable() }),
    clockStops: z.array(clockStopSchema),
    availableActions: z
      .array(availableActionSchema)
      .meta({ description: 'What the signed-in user may do now' }),
    materialRequirements: z.array(materialRequirementSchema),
    materials: z.array(materialSchema),
    lookups: z.array(dataLookupResultSchema),
    timeline: z.array(timelineEntrySchema),
    citation: citationSchema,
  })
  .meta({ id: 'ApplicationDetail' });

export const newApplicationSchema = z
  .object({
    establishmentId: z.number().int().positive(),
    permitCode: z.string().min(1).max(60),
    purpose: purposeSchema.default('new'),
    licenseId: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: 'For change, renewal and deregistration' }),
    form: applicationFormSchema.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'NewApplication' });

export const applicationPatchSchema = z
  .object({
    expectedVersion,
    form: applicationFormSchema.optional(),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .meta({ id: 'ApplicationPatch' });

const withVersion = <T extends z.ZodRawShape>(shape: T) => z.object({ expectedVersion, ...shape });

export const applicationActionSchema = z
  .discriminatedUnion('action', [
    withVersion({
      action: z.literal('sign_commitment'),
      conditionCodes: z
        .array(z.string())
        .min(1)
        .meta({ description: 'Every condition code, acknowledged one by one' }),
      signerName: z.string().trim().min(1).max(50),
    }),
    withVersion({ action: z.literal('submit') }),
    withVersion({ action: z.literal('accept') }),
    withVersion({ action: z.literal('resubmit') }),
    withVersion({ action: z.literal('start_public_notice') }),
    withVersion({ action: z.literal('reject'), reasons }),
    withVersion({
      action: z.literal('request_correction'),
      items: z.array(z.string().trim().min(2).max(500)).min(1).max(50),
    }),
    withVersion({ action: z.literal('start_site_inspection'), note: z.string().max(1000).optional() }),
    withVersion({ action: z.literal('start_expert_review'), note: z.string().max(1000).optional() }),
    withVersion({ action: z.literal('end_excluded_period'), note: z.string().max(1000).optional() }),
    withVersion({ action: z.literal('end_public_notice'), objections: z.string().max(4000).optional() }),
    withVersion({
      action: z.literal('grant'),
      formalReviewPassed: z
        .boolean()
        .optional()
        .meta({ description: 'Mode commitment: the formal review passed' }),
      conditions: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
      scope: z.string().trim().max(1000).optional(),
      decisionNo: z.string().trim().max(100).optional(),
      delayReason: z
        .string()
        .trim()
        .max(2000)
        .optional()
        .meta({ description: 'Required once the limit has passed' }),
    }),
    withVersion({
      action: z.literal('refuse'),
      reasons,
      decisionNo: z.string().trim().max(100).optional(),
      delayReason: z.string().trim().max(2000).optional(),
    }),
    withVersion({ action: z.literal('withdraw'), reason: z.string().max(2000).optional() }),
  ])
  .meta({ id: 'ApplicationAction' });

export const newJointApplicationSchema = z
  .object({
    establishmentId: z.number().int().positive(),
    parts: z
      .array(z.object({ permitCode: z.string().min(1).max(60), form: applicationFormSchema.optional() }))
      .min(2)
      .max(10),
    note: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'NewJointApplication' });

export const jointApplicationSchema = z
  .object({
    id: z.number().int(),
    establishment: z.object({ id: z.number().int(), name: z.string() }),
    window: z.object({
      unitId: z.number().int(),
      unitName: z.string(),
      regionCode: z.string(),
      departmentCode: z.string(),
    }),
    note: z.string().nullable(),
    createdAt: instant,
    parts: z.array(applicationSummarySchema),
    combinedDue: isoDateSchema.nullable().meta({
      description:
        'The one deadline the window tells the applicant: the latest part’s; null while any clock is stopped',
    }),
    clockStopped: z.boolean(),
    allDecided: z.boolean(),
  })
  .meta({ id: 'JointApplication' });
