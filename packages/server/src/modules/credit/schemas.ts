import {
  ALERT_ACTIONS,
  ALERT_STATES,
  CREDIT_ENTRY_KINDS,
  CREDIT_LEVELS,
  CREDIT_POLICY_SECTIONS,
  CREDIT_SUBJECT_TYPES,
  DISPOSITIONS,
  GRADED_SECTORS,
  QUALITY_GRADES,
  REPAIR_CONDITIONS,
  RISK_LEVELS,
  SUPERVISION_MODES,
  WARNING_RULE_CODES,
} from '@weijian/domain';
import { z } from 'zod';
import { citationSchema, isoDateSchema } from '../../http/common-schemas.js';
import { bilingual } from '../../http/problem.js';

/** Credit and risk: request and response schemas (each with an OpenAPI id for the web client). */
export const creditLevelSchema = z.enum(CREDIT_LEVELS).meta({ id: 'CreditLevel' });
export const riskLevelSchema = z.enum(RISK_LEVELS).meta({ id: 'RiskLevel' });
export const supervisionModeSchema = z.enum(SUPERVISION_MODES).meta({ id: 'SupervisionMode' });
export const subjectTypeSchema = z.enum(CREDIT_SUBJECT_TYPES).meta({ id: 'CreditSubjectType' });
export const entryKindSchema = z.enum(CREDIT_ENTRY_KINDS).meta({ id: 'CreditEntryKind' });
export const alertStateSchema = z.enum(ALERT_STATES).meta({ id: 'AlertState' });
export const dispositionSchema = z.enum(DISPOSITIONS).meta({ id: 'AlertDisposition' });
export const qualityGradeSchema = z.enum(QUALITY_GRADES).meta({ id: 'QualityGrade' });
export const gradedSectorSchema = z.enum(GRADED_SECTORS).meta({ id: 'GradedSector' });
export const ruleSectionSchema = z.enum(CREDIT_POLICY_SECTIONS).meta({ id: 'CreditRuleSection' });

const bi = { zh: z.string(), en: z.string() };
const sourceSchema = z.object({ module: z.string(), type: z.string(), id: z.string() }).meta({
  id: 'CreditSource',
  description: 'The record an entry, a point or a listing comes from, in its own module',
});

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const blacklistRepairParams = z.object({
  id: z.coerce.number().int().positive(),
  repairId: z.coerce.number().int().positive(),
});
export const sectionParams = z.object({ section: ruleSectionSchema });
export const publicCodeParams = z.object({ publicCode: z.string().min(1).max(20) });

const reason = (min: number) =>
  z
    .string()
    .trim()
    .min(min, {
      message: bilingual(
        `须填写理由（至少 ${min} 个字）`,
        `a written reason is required (at least ${min} characters)`,
      ),
    })
    .max(2000);

// --- profile -------------------------------------------------------------------------------------

export const overrideSchema = z
  .object({
    id: z.number().int(),
    target: z.enum(['mode', 'risk_level', 'credit_level']),
    value: z.string(),
    inspectionsPerYear: z.number().nullable(),
    reason: z.string(),
    validUntil: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: 'CreditOverride' });

const firedConditionSchema = z.object({
  metric: z.string(),
  count: z.number(),
  atLeast: z.number().optional(),
  below: z.number().optional(),
  withinDays: z.number().optional(),
  reasonZh: z.string(),
  reasonEn: z.string(),
});

export const riskReasonSchema = z
  .object({
    code: z.string(),
    points: z.number(),
    zh: z.string(),
    en: z.string(),
    occurredOn: z.string().optional(),
  })
  .meta({ id: 'RiskReason', description: 'One reason of a part: a stable code, its points and its wording' });

export const riskPartSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    points: z.number(),
    cap: z.number(),
    reasons: z.array(riskReasonSchema),
  })
  .meta({ id: 'RiskPart' });

const bandSchema = z.object({
  minPoints: z.number().int(),
  labelZh: z.string(),
  labelEn: z.string(),
  consequences: z.array(z.object({ code: z.string(), ...bi })),
});

export const blacklistFlagSchema = z
  .object({ code: z.string(), ...bi, department: z.string() })
  .meta({ id: 'JointPunishment' });

export const repairSchema = z
  .object({
    id: z.number().int(),
    blacklistId: z.number().int(),
    statement: z.string(),
    conditions: z.array(z.object({ code: z.string(), met: z.boolean(), evidence: z.string() })),
    status: z.enum(['pending', 'granted', 'refused']),
    appliedAt: z.string(),
    appliedBy: z.string(),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decisionReason: z.string().nullable(),
  })
  .meta({ id: 'CreditRepairApplication' });

export const blacklistEntrySchema = z
  .object({
    id: z.number().int(),
    subjectType: subjectTypeSchema,
    subjectId: z.number().int(),
    establishmentId: z.number().int(),
    name: z.string(),
    regionCode: z.string(),
    ruleCode: z.string(),
    reason: z.string(),
    basis: citationSchema,
    flags: z.array(blacklistFlagSchema),
    source: sourceSchema,
    enteredOn: z.string(),
    repairFrom: z.string(),
    endsOn: z.string(),
    status: z.enum(['listed', 'exited']),
    exitedOn: z.string().nullable(),
    exitKind: z.enum(['repair', 'expiry', 'withdrawn']).nullable(),
    exitReason: z.string().nullable(),
    repairs: z.array(repairSchema),
  })
  .meta({ id: 'BlacklistEntry' });

export const creditProfileSchema = z
  .object({
    subject: z.object({
      type: subjectTypeSchema,
      id: z.number().int(),
      name: z.string(),
      establishmentId: z.number().int(),
      regionCode: z.string(),
      publicCode: z.string().nullable(),
      kind: z.string().nullable(),
      flags: z.array(z.string()),
    }),
    computedOn: z.string(),
    computedAt: z.string(),
    creditLevel: z.object({
      level: creditLevelSchema,
      computed: creditLevelSchema,
      nameZh: z.string(),
      nameEn: z.string(),
      reasons: z.array(firedConditionSchema),
      override: overrideSchema.nullable(),
      citation: citationSchema,
    }),
    risk: z
      .object({
        score: z.number(),
        level: riskLevelSchema,
        computed: riskLevelSchema,
        nameZh: z.string(),
        parts: z.array(riskPartSchema),
        cutPoints: z.object({ medium: z.number(), high: z.number(), severe: z.number() }),
        override: overrideSchema.nullable(),
        citation: citationSchema,
      })
      .nullable()
      .meta({
        description:
          'Establishments only: the score is the sum of the parts, each part the sum of its reasons',
      }),
    mode: z
      .object({
        mode: supervisionModeSchema,
        computed: supervisionModeSchema,
        nameZh: z.string(),
        nameEn: z.string(),
        applicable: z.array(supervisionModeSchema),
        inspectionsPerYear: z.number(),
        reasons: z.array(z.object(bi)),
        citation: citationSchema,
        override: overrideSchema.nullable(),
      })
      .nullable(),
    demerits: z.object({
      points: z.number().int(),
      cycleStart: z.string(),
      cycleEnd: z.string(),
      band: bandSchema.nullable(),
      nextBand: bandSchema.nullable(),
    }),
    blacklist: z.array(blacklistEntrySchema),
    grade: z
      .object({
        grade: qualityGradeSchema,
        nameZh: z.string(),
        nameEn: z.string(),
        total: z.number(),
        assessedOn: z.string(),
      })
      .nullable(),
    ruleVersions: z.record(z.string(), z.number()),
  })
  .meta({ id: 'CreditProfile' });

export const profileSummarySchema = z
  .object({
    establishmentId: z.number().int(),
    name: z.string(),
    regionCode: z.string(),
    regionName: z.string().meta({ description: 'The region’s name (GB/T 2260), the code when unknown' }),
    kind: z.string().nullable(),
    flags: z.array(z.string()),
    creditLevel: creditLevelSchema,
    riskScore: z.number().nullable(),
    riskLevel: riskLevelSchema.nullable(),
    mode: supervisionModeSchema.nullable(),
    inspectionsPerYear: z.number().nullable(),
    demeritPoints: z.number().int(),
    blacklisted: z.boolean(),
    grade: qualityGradeSchema.nullable(),
    overridden: z.boolean(),
    computedOn: z.string(),
  })
  .meta({ id: 'CreditProfileSummary' });

const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const profileListQuerySchema = z.object({
  q: z.string().max(100).optional(),
  region: z
    .string()
    .regex(/^\d{6,12}$/)
    .optional(),
  creditLevel: creditLevelSchema.optional(),
  riskLevel: riskLevelSchema.optional(),
  mode: supervisionModeSchema.optional(),
  blacklisted: z.enum(['true', 'false']).optional(),
  ...page,
});

export const profilePageSchema = z
  .object({
    items: z.array(profileSummarySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'CreditProfilePage' });

// --- file --------------------------------------------------------------------------------------

export const creditEntrySchema = z
  .object({
    id: z.number().int(),
    kind: entryKindSchema,
    kindNameZh: z.string(),
    kindNameEn: z.string(),
    polarity: z.enum(['positive', 'negative', 'neutral']),
    severity: z.enum(['minor', 'general', 'serious']).nullable(),
    occurredOn: z.string(),
    summaryZh: z.string(),
    summaryEn: z.string(),
    citation: citationSchema,
    source: sourceSchema,
    status: z.enum(['active', 'withdrawn']),
    statusReason: z.string().nullable(),
    recordedAt: z.string(),
    recordedBy: z.string().nullable(),
  })
  .meta({ id: 'CreditEntry' });

export const entryListQuerySchema = z.object({
  ...page,
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export const entryPageSchema = z
  .object({
    items: z.array(creditEntrySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'CreditEntryPage' });

export const demeritSchema = z
  .object({
    id: z.number().int(),
    subjectType: subjectTypeSchema,
    subjectId: z.number().int(),
    behaviourCode: z.string().nullable(),
    points: z.number().int(),
    actZh: z.string(),
    actEn: z.string(),
    article: citationSchema,
    occurredOn: z.string(),
    cycleStart: z.string(),
    cycleEnd: z.string(),
    source: sourceSchema,
    note: z.string(),
    status: z.enum(['active', 'revoked']),
    revokedReason: z.string().nullable(),
    recordedAt: z.string(),
    recordedBy: z.string(),
  })
  .meta({ id: 'Demerit' });

export const demeritListSchema = z
  .object({
    points: z.number().int(),
    cycleStart: z.string(),
    cycleEnd: z.string(),
    band: bandSchema.nullable(),
    nextBand: bandSchema.nullable(),
    items: z.array(demeritSchema),
  })
  .meta({ id: 'DemeritList' });

export const recordDemeritSchema = z
  .object({
    behaviourCode: z.string().min(1).max(20).meta({
      description: 'A behaviour of the catalogue for this subject type (GET /credit/rules, section demerits)',
    }),
    occurredOn: isoDateSchema,
    source: z
      .object({
        type: z.enum(['inspection', 'case', 'complaint']),
        id: z.string().trim().min(1).max(50),
      })
      .strict()
      .meta({
        description: 'The finding or penalty the points come from: it must be in the subject’s credit file',
      }),
    note: z.string().trim().min(2).max(1000).meta({ description: 'What was found' }),
  })
  .strict()
  .meta({ id: 'RecordDemerit' });

export const revokeSchema = z
  .object({ reason: reason(5) })
  .strict()
  .meta({ id: 'RevokeWithReason' });

export const overrideInputSchema = z
  .object({
    target: z.enum(['mode', 'risk_level', 'credit_level']),
    value: z.string().min(1).max(20),
    inspectionsPerYear: z.number().min(0).max(365).optional(),
    reason: reason(5),
    validUntil: isoDateSchema.optional(),
  })
  .strict()
  .meta({ id: 'SetCreditOverride' });

// --- blacklist ---------------------------------------------------------------------------------

export const blacklistListQuerySchema = z.object({
  status: z.enum(['listed', 'exited']).optional(),
  q: z.string().max(100).optional(),
  ...page,
});
export const blacklistPageSchema = z
  .object({
    items: z.array(blacklistEntrySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'BlacklistPage' });

export const repairInputSchema = z
  .object({
    statement: z.string().trim().min(5).max(4000),
    conditions: z
      .array(
        z
          .object({ code: z.enum(REPAIR_CONDITIONS), met: z.boolean(), evidence: z.string().max(2000) })
          .strict(),
      )
      .min(1)
      .max(10),
  })
  .strict()
  .meta({ id: 'ApplyCreditRepair' });

export const repairDecisionSchema = z
  .object({ decision: z.enum(['grant', 'refuse']), reason: reason(5) })
  .strict()
  .meta({ id: 'CreditRepairDecision' });

// --- grading -----------------------------------------------------------------------------------

export const gradingInputSchema = z
  .object({
    sector: gradedSectorSchema
      .optional()
      .meta({ description: 'Defaults to the establishment’s flag (medical beauty first)' }),
    assessedOn: isoDateSchema,
    scores: z
      .array(
        z
          .object({
            itemCode: z.string().min(1).max(20),
            score: z.number(),
            note: z.string().max(500).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(100),
    note: z.string().max(2000).default(''),
  })
  .strict()
  .meta({ id: 'RecordGrading' });

export const gradingSchema = z
  .object({
    id: z.number().int(),
    establishmentId: z.number().int(),
    sector: gradedSectorSchema,
    ruleVersion: z.number().int(),
    scores: z.array(z.object({ itemCode: z.string(), score: z.number(), note: z.string().optional() })),
    total: z.number(),
    grade: qualityGradeSchema,
    gradeByTotal: qualityGradeSchema,
    cappedBy: z.array(z.string()),
    assessedOn: z.string(),
    note: z.string(),
    recordedAt: z.string(),
    recordedBy: z.string(),
  })
  .meta({ id: 'Grading' });

export const gradingListSchema = z.object({ items: z.array(gradingSchema) }).meta({ id: 'GradingList' });

// --- monitoring --------------------------------------------------------------------------------

export const monitoringBatchInputSchema = z
  .object({
    batchId: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,100}$/, {
        message: bilingual(
          '批次号应为 1–100 位字母、数字或 ._:-',
          'batch ids are 1–100 letters, digits or ._:-',
        ),
      })
      .meta({
        description:
          'The client’s id of the batch: a batch accepted once is not stored again; a rejected one may be resent',
      }),
    establishmentCode: z
      .string()
      .trim()
      .min(1)
      .max(30)
      .meta({ description: 'Public code (一码) or 统一社会信用代码 of the establishment' }),
    readings: z
      .array(
        z
          .object({
            metric: z.string().min(1).max(60),
            value: z.number(),
            unit: z.string().min(1).max(20),
            measuredAt: z.iso.datetime({ offset: true }),
            point: z.string().max(100).optional(),
          })
          .strict(),
      )
      .max(20_000)
      .default([]),
    activity: z
      .array(
        z
          .object({
            day: isoDateSchema,
            visits: z.number().int().min(0),
            prescriptions: z.number().int().min(0),
            practitioners: z
              .array(z.string().min(1).max(40))
              .max(2000)
              .default([])
              .meta({ description: '执业证书编码 of those who practised that day' }),
          })
          .strict(),
      )
      .max(400)
      .default([]),
    narcoticPurchases: z
      .array(
        z
          .object({
            day: isoDateSchema,
            drug: z.string().min(1).max(100),
            quantity: z.number().min(0),
            unit: z.string().min(1).max(20),
          })
          .strict(),
      )
      .max(2000)
      .default([]),
  })
  .strict()
  .meta({ id: 'UploadMonitoringBatch' });

export const monitoringBatchSchema = z
  .object({
    id: z.number().int(),
    clientBatchId: z.string(),
    establishmentId: z.number().int().nullable(),
    status: z.enum(['accepted', 'rejected']),
    duplicate: z
      .boolean()
      .meta({ description: 'True when this batch id had already been accepted: nothing was stored again' }),
    receivedAt: z.string(),
    receivedBy: z.string(),
    readings: z.number().int(),
    flagged: z.number().int(),
    summaries: z.number().int(),
    purchases: z.number().int(),
    flaggedReadings: z.array(
      z.object({
        index: z.number().int(),
        metric: z.string(),
        value: z.number(),
        unit: z.string(),
        limit: z.string().nullable(),
      }),
    ),
    alerts: z.array(z.number().int()),
    errors: z.array(
      z.object({ path: z.string(), code: z.string(), messageZh: z.string(), messageEn: z.string() }),
    ),
  })
  .meta({ id: 'MonitoringBatch' });

export const batchListQuerySchema = z.object({
  establishmentId: z.coerce.number().int().positive().optional(),
  status: z.enum(['accepted', 'rejected']).optional(),
  ...page,
});
export const batchPageSchema = z
  .object({
    items: z.array(monitoringBatchSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'MonitoringBatchPage' });

export const quotaInputSchema = z
  .object({
    quotas: z
      .array(
        z
          .object({
            drug: z.string().min(1).max(100),
            monthlyQuantity: z.number().min(0),
            unit: z.string().min(1).max(20),
            source: z.string().min(1).max(200),
          })
          .strict(),
      )
      .max(100),
  })
  .strict()
  .meta({ id: 'SetNarcoticQuotas' });

export const quotaListSchema = z
  .object({
    items: z.array(
      z.object({
        drug: z.string(),
        monthlyQuantity: z.number(),
        unit: z.string(),
        source: z.string(),
        setAt: z.string(),
        setBy: z.string(),
      }),
    ),
  })
  .meta({ id: 'NarcoticQuotaList' });

export const metricListSchema = z
  .object({
    items: z.array(
      z.object({
        code: z.string(),
        context: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        unit: z.string(),
        units: z.array(z.string()),
        physical: z.object({ min: z.number(), max: z.number() }),
        limit: z.object({ min: z.number().optional(), max: z.number().optional() }).nullable(),
        citation: citationSchema,
      }),
    ),
    maxClockSkewMinutes: z.number(),
    maxAgeDays: z.number(),
    maxReadingsPerBatch: z.number(),
  })
  .meta({ id: 'MonitoringMetricList' });

// --- warnings ----------------------------------------------------------------------------------

export const alertSchema = z
  .object({
    id: z.number().int(),
    establishmentId: z.number().int(),
    establishmentName: z.string().nullable(),
    practitionerId: z.number().int().nullable(),
    regionCode: z.string(),
    departmentCode: z.string(),
    ruleCode: z.enum(WARNING_RULE_CODES),
    ruleNameZh: z.string(),
    ruleNameEn: z.string(),
    severity: z.enum(['high', 'medium', 'low']),
    summaryZh: z.string(),
    summaryEn: z.string(),
    data: z.record(z.string(), z.unknown()),
    citation: citationSchema,
    status: alertStateSchema,
    assignee: z.object({ id: z.number().int(), username: z.string() }).nullable(),
    checkFindings: z.string().nullable(),
    confirmed: z.boolean().nullable(),
    disposition: dispositionSchema.nullable(),
    dispositionNote: z.string().nullable(),
    raisedAt: z.string(),
    raisedOn: z.string(),
    dueOn: z.string(),
    overdue: z.boolean(),
    escalationLevel: z.number().int(),
    escalatedAt: z.string().nullable(),
    nextEscalationOn: z.string().nullable(),
    handledAt: z.string().nullable(),
    version: z.number().int(),
    allowedActions: z.array(z.enum(ALERT_ACTIONS)),
    history: z
      .array(
        z.object({
          action: z.string(),
          fromStatus: z.string().nullable(),
          toStatus: z.string(),
          note: z.string(),
          at: z.string(),
          by: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'CreditAlert' });

export const alertListQuerySchema = z.object({
  status: z.string().max(60).optional().meta({ description: 'Comma-separated states' }),
  ruleCode: z.enum(WARNING_RULE_CODES).optional(),
  establishmentId: z.coerce.number().int().positive().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  escalated: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  ...page,
});

export const alertPageSchema = z
  .object({
    items: z.array(alertSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'CreditAlertPage' });

export const alertActionSchema = z
  .discriminatedUnion('action', [
    z
      .object({
        action: z.literal('assign'),
        assigneeUserId: z.number().int().positive(),
        note: z.string().max(1000).default(''),
        expectedVersion: z.number().int().optional(),
      })
      .strict(),
    z
      .object({
        action: z.literal('check'),
        confirmed: z.boolean(),
        findings: z
          .string()
          .trim()
          .min(2, { message: bilingual('须填写核查情况', 'the findings of the check are required') })
          .max(4000),
        expectedVersion: z.number().int().optional(),
      })
      .strict(),
    z
      .object({
        action: z.literal('dispose'),
        disposition: dispositionSchema,
        note: z
          .string()
          .trim()
          .min(2, { message: bilingual('须填写处置情况', 'say what was done') })
          .max(4000),
        expectedVersion: z.number().int().optional(),
      })
      .strict(),
  ])
  .meta({ id: 'CreditAlertAction' });

export const sweepResultSchema = z
  .object({
    raised: z.number().int().optional(),
    escalated: z.number().int().optional(),
    exited: z.number().int().optional(),
    computed: z.number().int().optional(),
    levelChanges: z.number().int().optional(),
    riskChanges: z.number().int().optional(),
  })
  .meta({ id: 'CreditSweepResult' });

// --- rules -------------------------------------------------------------------------------------

export const ruleSetSchema = z
  .object({
    section: ruleSectionSchema,
    nameZh: z.string(),
    nameEn: z.string(),
    version: z.number().int(),
    values: z.unknown(),
    note: z.string(),
    effectiveFrom: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'CreditRuleSet' });

export const ruleSetListSchema = z
  .object({ items: z.array(ruleSetSchema) })
  .meta({ id: 'CreditRuleSetList' });

export const saveRuleSetSchema = z
  .object({
    values: z.record(z.string(), z.unknown()),
    note: z.string().trim().min(2).max(2000),
    effectiveFrom: isoDateSchema.optional(),
    expectedVersion: z.number().int().optional(),
  })
  .strict()
  .meta({ id: 'SaveCreditRuleSet' });

export const publicCreditSchema = z
  .object({
    name: z.string(),
    publicCode: z.string(),
    grade: z
      .object({ grade: qualityGradeSchema, nameZh: z.string(), nameEn: z.string(), assessedOn: z.string() })
      .nullable(),
    demeritPoints: z.number().int(),
    demeritCycle: z.object({ start: z.string(), end: z.string() }),
    blacklisted: z.boolean(),
    blacklist: z.array(
      z.object({
        reason: z.string(),
        enteredOn: z.string(),
        endsOn: z.string(),
        flags: z.array(blacklistFlagSchema),
      }),
    ),
  })
  .meta({ id: 'PublicCredit' });
