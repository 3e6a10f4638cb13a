import { z } from 'zod';
import { isoDateSchema } from '../../../http/common-schemas.js';
import {
  actionOptionSchema,
  expectedVersion,
  optionalText,
  pageOf,
  pageQuery,
  partyKindSchema,
  text,
  unitRefSchema,
} from './common.js';

export const leadSchema = z
  .object({
    id: z.number().int(),
    number: z.string(),
    source: z.enum(['complaint', 'inspection', 'alert', 'referral', 'manual']),
    sourceRef: z.string(),
    complaintId: z.number().int().nullable(),
    establishmentId: z.number().int().nullable(),
    practitionerId: z.number().int().nullable(),
    regionCode: z.string(),
    departmentCode: z.string(),
    unit: unitRefSchema,
    summary: z.string(),
    details: z.record(z.string(), z.unknown()),
    state: z.enum(['open', 'no_action', 'rectification', 'case']),
    receivedOn: z.string(),
    triagedOn: z.string().nullable(),
    triageReason: z.string().nullable(),
    rectificationDue: z.string().nullable(),
    caseId: z.number().int().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Lead' });
export const leadDetailSchema = leadSchema
  .extend({ availableActions: z.array(actionOptionSchema) })
  .meta({ id: 'LeadDetail' });
export const leadPageSchema = pageOf(leadSchema, 'LeadPage');
export const leadListQuerySchema = z.object({
  state: z.string().optional().meta({ description: 'Comma-separated: open, no_action, rectification, case' }),
  source: z.enum(['complaint', 'inspection', 'alert', 'referral', 'manual']).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  ...pageQuery,
});
export const newLeadSchema = z
  .object({
    summary: text(4000),
    establishmentId: z.number().int().positive().optional(),
    regionCode: z
      .string()
      .regex(/^\d{6}(\d{3})?$/)
      .optional(),
  })
  .strict()
  .meta({ id: 'NewLeadForm' });

export const leadTriageSchema = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('dismiss'), expectedVersion, reason: text(2000) }),
    z.object({
      action: z.literal('order_rectification'),
      expectedVersion,
      workingDays: z.number().int().min(1).max(60),
      reason: text(2000),
    }),
    z.object({
      action: z.literal('open_case'),
      expectedVersion,
      summary: text(500).meta({ description: '案由' }),
      officerIds: z
        .array(z.number().int().positive())
        .min(1)
        .max(10)
        .meta({ description: 'Roster officers (inspector ids), at least two' }),
      partyKind: partyKindSchema.optional(),
      partyName: optionalText(200),
      partyCreditCode: optionalText(18),
      partyRepresentative: optionalText(50),
      partyAddress: optionalText(300),
      partyIdNumber: optionalText(18),
      partyIsMinor: z.boolean().optional(),
      practitionerId: z.number().int().positive().optional(),
      flaggedComplex: z
        .boolean()
        .optional()
        .meta({ description: 'Complex or of major public interest: legal review required' }),
    }),
  ])
  .meta({ id: 'LeadTriageRequest' });
export const leadTriageResultSchema = z
  .object({ leadId: z.number().int(), caseId: z.number().int().nullable() })
  .meta({ id: 'LeadTriageResult' });

export const referralSchema = z
  .object({
    id: z.number().int(),
    number: z.string(),
    caseId: z.number().int().nullable(),
    leadId: z.number().int().nullable(),
    from: z.object({ unitId: z.number().int(), unitName: z.string(), departmentCode: z.string() }),
    toKind: z.enum(['department', 'judiciary']),
    toDepartmentCode: z.string().nullable(),
    toBodyName: z.string(),
    reason: z.string(),
    suspectedCrime: z.boolean(),
    materials: z.string(),
    state: z.enum(['sent', 'acknowledged', 'concluded']),
    sentOn: z.string(),
    acknowledgedOn: z.string().nullable(),
    receiptNo: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
    result: z.string().nullable(),
    resultOn: z.string().nullable(),
    receivedLeadId: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'For the receiving unit: the lead it got' }),
    direction: z.enum(['sent', 'received']),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Referral' });
export const referralPageSchema = pageOf(referralSchema, 'ReferralPage');
export const referralListQuerySchema = z.object({
  direction: z.enum(['sent', 'received']).optional(),
  state: z.enum(['sent', 'acknowledged', 'concluded']).optional(),
  ...pageQuery,
});
export const newReferralSchema = z
  .object({
    caseId: z.number().int().positive().optional(),
    leadId: z.number().int().positive().optional(),
    toKind: z.enum(['department', 'judiciary']),
    toDepartmentCode: z
      .string()
      .min(1)
      .max(30)
      .optional()
      .meta({ description: 'police, market, environment, insurance …' }),
    toBodyName: optionalText(200).meta({ description: 'For the judiciary: e.g. 济南市历城区人民检察院' }),
    reason: text(4000),
    suspectedCrime: z.boolean().default(false),
    materials: z.string().trim().max(4000).default(''),
  })
  .strict()
  .meta({ id: 'NewReferralForm' });
export const referralActionSchema = z
  .discriminatedUnion('action', [
    z.object({
      action: z.literal('acknowledge'),
      expectedVersion,
      receiptNo: text(100),
      acknowledgedBy: optionalText(100),
      acknowledgedOn: isoDateSchema.optional(),
    }),
    z.object({ action: z.literal('record_result'), expectedVersion, result: text(4000) }),
  ])
  .meta({ id: 'ReferralActionRequest' });

export const reinspectionSchema = z
  .object({
    id: z.number().int(),
    caseId: z.number().int(),
    caseNumber: z.string(),
    establishmentId: z.number().int().nullable(),
    regionCode: z.string(),
    dueOn: z.string(),
    overdue: z.boolean(),
    state: z.enum(['open', 'done']),
    doneOn: z.string().nullable(),
    outcome: z.enum(['compliant', 'non_compliant']).nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'Reinspection' });
export const reinspectionPageSchema = pageOf(reinspectionSchema, 'ReinspectionPage');
export const reinspectionDoneSchema = reinspectionSchema
  .extend({ leadId: z.number().int().nullable() })
  .meta({ id: 'ReinspectionDone' });
export const reinspectionInputSchema = z
  .object({ outcome: z.enum(['compliant', 'non_compliant']), note: text(4000) })
  .strict()
  .meta({ id: 'ReinspectionResultForm' });

export const publicationListQuerySchema = z.object({
  status: z.enum(['pending', 'published', 'withheld', 'withdrawn']).optional(),
  ...pageQuery,
});
export const repairInputSchema = z
  .object({ status: z.enum(['applied', 'repaired']), note: text(1000) })
  .strict()
  .meta({ id: 'PenaltyCreditRepairForm' });
export const publicPenaltyQuerySchema = z.object({
  region: z
    .string()
    .regex(/^\d{6}(\d{3})?$/)
    .optional(),
  q: z.string().trim().min(1).max(100).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

export const policyKindSchema = z
  .enum(['benchmark', 'settings', 'complaint_periods'])
  .meta({ id: 'EnforcementPolicyKind' });
export const policyParams = z.object({ kind: policyKindSchema });
export const policyVersionSchema = z
  .object({
    kind: policyKindSchema,
    version: z.number().int(),
    effectiveFrom: z.string(),
    content: z.record(z.string(), z.unknown()).meta({
      description: 'BenchmarkTable | EnforcementSettings | ComplaintPeriods (packages/domain enforcement)',
    }),
    note: z.string(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'EnforcementPolicyVersion' });
export const policyHistorySchema = z
  .object({
    current: policyVersionSchema,
    versions: z.array(policyVersionSchema),
    citations: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'EnforcementPolicyHistory' });
export const savePolicySchema = z
  .object({
    expectedVersion: z.number().int().min(0),
    effectiveFrom: isoDateSchema.optional(),
    note: text(1000),
    content: z.record(z.string(), z.unknown()),
  })
  .strict()
  .meta({ id: 'EnforcementPolicyForm' });

const n = (min: number, max: number) => z.number().int().min(min).max(max);
const amountPair = z.object({ person: z.number().min(0), organisation: z.number().min(0) });
const fineRuleSchema = z.union([
  z.object({ kind: z.literal('amount'), min: z.number().min(0), max: z.number().min(0) }),
  z.object({
    kind: z.literal('income_multiple'),
    minTimes: z.number().min(0),
    maxTimes: z.number().min(0),
    floorIncome: z.number().min(0),
  }),
]);
const kindList = z.array(
  z.enum([
    'warning',
    'criticism',
    'fine',
    'confiscation',
    'licence_suspension',
    'qualification_downgrade',
    'revocation',
    'suspension',
    'closure',
    'practice_restriction',
  ]),
);
const tierSchema = z.object({
  descriptionZh: z.string().min(1),
  descriptionEn: z.string(),
  kinds: kindList,
  fine: fineRuleSchema.nullable(),
});
const citation = z.object({ zh: z.string().min(1), en: z.string() });

/** What each policy kind must contain (checked when an administrator saves a new version). */
export const POLICY_CONTENT_SCHEMAS = {
  settings: z.object({
    hearingAmount: amountPair,
    legalReview: z.object({ fineAtLeast: amountPair, kinds: kindList, whenHearingHeld: z.boolean() }),
    statementWorkingDays: n(1, 30),
    reinspectionWorkingDays: n(1, 250),
    maxExtensionDays: n(1, 365),
  }),
  complaint_periods: z.object({
    acceptWorkingDays: n(1, 60),
    handleWorkingDays: n(1, 250),
    replyWorkingDays: n(1, 60),
  }),
  benchmark: z.object({
    citation,
    entries: z
      .array(
        z.object({
          code: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/),
          nameZh: z.string().min(1),
          nameEn: z.string(),
          basis: citation,
          statutory: z.object({ kinds: kindList.min(1), fine: fineRuleSchema.nullable() }),
          tiers: z.object({ minor: tierSchema, general: tierSchema, serious: tierSchema }),
        }),
      )
      .min(1),
  }),
} as const;
