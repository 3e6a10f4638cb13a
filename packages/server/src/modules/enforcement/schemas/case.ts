import { z } from 'zod';
import { citationSchema, isoDateSchema } from '../../../http/common-schemas.js';
import {
  actionOptionSchema,
  circumstanceSchema,
  expectedVersion,
  optionalText,
  pageOf,
  pageQuery,
  partyKindSchema,
  penaltyKindSchema,
  severitySchema,
  text,
  unitRefSchema,
  yuan,
} from './common.js';

const rangeSchema = z.object({ min: z.number(), max: z.number() }).meta({ id: 'AmountRange' });
const messageSchema = z.object({ code: z.string(), messageZh: z.string(), messageEn: z.string() });

export const benchmarkCheckSchema = z
  .object({
    circumstance: circumstanceSchema,
    suggested: z.object({
      kinds: z.array(penaltyKindSchema),
      fine: rangeSchema.nullable(),
      descriptionZh: z.string(),
      descriptionEn: z.string(),
    }),
    statutory: z.object({ kinds: z.array(penaltyKindSchema), fine: rangeSchema.nullable() }),
    deviations: z.array(messageSchema),
    unlawful: z.array(messageSchema),
    withinBenchmark: z.boolean(),
  })
  .meta({ id: 'BenchmarkCheck' });

const termsShape = {
  kinds: z.array(penaltyKindSchema),
  fineAmount: z.number(),
  confiscationAmount: z.number(),
  outsideRangeReason: z.string().nullable(),
  benchmark: benchmarkCheckSchema.nullable(),
};

export const caseSummarySchema = z
  .object({
    id: z.number().int(),
    number: z.string(),
    summary: z.string(),
    partyName: z.string().meta({ description: 'A natural person’s name is masked in lists' }),
    partyKind: partyKindSchema,
    establishmentId: z.number().int().nullable(),
    regionCode: z.string(),
    departmentCode: z.string(),
    unit: unitRefSchema,
    state: z.string(),
    stateLabel: z.string(),
    openedOn: z.string().nullable(),
    decideDue: z.string().nullable(),
    dueOn: z.string().nullable().meta({ description: 'The date the case waits on in its state' }),
    overdue: z.boolean(),
    decidedOn: z.string().nullable(),
    severity: severitySchema.nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CaseSummary' });
export const casePageSchema = pageOf(caseSummarySchema, 'CasePage');

const officerSchema = z
  .object({
    inspectorId: z.number().int(),
    userId: z.number().int().nullable(),
    name: z.string(),
    certificateNo: z.string(),
    assignedOn: z.string(),
    recusedOn: z.string().nullable(),
    recusalReason: z.string().nullable(),
    recusalSource: z.string().nullable(),
  })
  .meta({ id: 'CaseOfficer' });

const evidenceSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['document', 'photo', 'statement', 'record', 'other']),
    description: z.string(),
    fileName: z.string(),
    contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    collectedOn: z.string(),
    uploadedAt: z.string(),
    uploadedBy: z.string().nullable(),
  })
  .meta({ id: 'CaseEvidence' });

export { evidenceSchema };

export const publicationContentSchema = z
  .object({
    party: z.object({
      name: z.string(),
      kindZh: z.string(),
      creditCode: z.string().nullable(),
      legalRepresentative: z.string().nullable(),
    }),
    decisionNo: z.string(),
    violationType: z.string(),
    facts: z.string(),
    basis: z.string(),
    penaltyKinds: z.array(z.string()),
    penaltyContent: z.string(),
    fineAmountWan: z.number(),
    confiscationAmountWan: z.number(),
    licence: z.string().nullable(),
    decidedOn: z.string(),
    displayUntil: z.string().nullable(),
    authority: z.string(),
    dataSource: z.string(),
  })
  .meta({
    id: 'PenaltyPublicationContent',
    description: 'The public record (信用中国 data items), already masked',
  });

export const publicationSchema = z
  .object({
    id: z.number().int(),
    caseId: z.number().int(),
    decisionVersion: z.number().int(),
    severity: severitySchema,
    status: z.enum(['pending', 'published', 'withheld', 'withdrawn']),
    effectiveStatus: z.enum(['pending', 'published', 'withheld', 'withdrawn', 'expired']),
    visible: z.boolean().meta({ description: 'On the public pages today' }),
    withheldReason: z.string().nullable(),
    decidedOn: z.string(),
    publishBy: z.string().nullable(),
    publishedOn: z.string().nullable(),
    publishedOnTime: z.boolean().nullable(),
    minUntil: z.string().nullable(),
    maxUntil: z.string().nullable(),
    withdrawBy: z.string().nullable(),
    withdrawnOn: z.string().nullable(),
    withdrawalReason: z.string().nullable(),
    repairStatus: z.enum(['none', 'applied', 'repaired']),
    content: publicationContentSchema,
    masking: z.array(z.object({ field: z.string(), ruleZh: z.string(), ruleEn: z.string() })),
    updatedAt: z.string(),
  })
  .meta({ id: 'PenaltyPublication' });
export const publicationPageSchema = pageOf(publicationSchema, 'PenaltyPublicationPage');

export const publicPenaltySchema = publicationContentSchema
  .extend({
    id: z.number().int(),
    severity: severitySchema,
    publishedOn: z.string(),
    displayUntil: z.string().nullable(),
  })
  .meta({ id: 'PublicPenalty' });
export const publicPenaltyPageSchema = pageOf(publicPenaltySchema, 'PublicPenaltyPage');

export const caseDetailSchema = caseSummarySchema
  .extend({
    filingNo: z.string().nullable(),
    noticeNo: z.string().nullable(),
    decisionNo: z.string().nullable(),
    leadId: z.number().int().nullable(),
    practitionerId: z.number().int().nullable(),
    party: z.object({
      kind: partyKindSchema,
      name: z.string(),
      creditCode: z.string().nullable(),
      representative: z.string().nullable(),
      address: z.string(),
      idNumberMasked: z.string().nullable(),
      isMinor: z.boolean(),
    }),
    flaggedComplex: z.boolean(),
    officers: z.array(officerSchema),
    activeOfficers: z.number().int(),
    violation: z
      .object({
        version: z.number().int(),
        violationCode: z.string(),
        violationName: z.string(),
        basis: citationSchema,
        circumstance: circumstanceSchema,
        circumstanceName: z.string(),
        suggestedKinds: z.array(penaltyKindSchema),
        suggestedFine: rangeSchema.nullable(),
        statutoryKinds: z.array(penaltyKindSchema),
        statutoryFine: rangeSchema.nullable(),
        tierDescription: z.string(),
      })
      .nullable()
      .meta({
        description:
          'The discretion benchmark for the recorded violation: the decision form shows this range',
      }),
    facts: z.string().nullable(),
    illegalIncome: z.number(),
    proposedOn: z.string(),
    deadlines: z.object({
      decisionLimitDays: z.number().int(),
      extensionDays: z.number().int(),
      decideDue: z.string().nullable(),
      statementDue: z.string().nullable(),
      hearingAvailable: z.boolean(),
      hearingRequestDue: z.string().nullable(),
      rightsWaived: z.boolean(),
      serviceDue: z.string().nullable(),
      paymentDue: z.string().nullable(),
    }),
    notice: z
      .object({
        ...termsShape,
        noticeNo: z.string(),
        noticedOn: z.string(),
        hearingReasons: z.array(z.string()),
        statements: z.array(z.object({ receivedOn: z.string(), text: z.string() })),
      })
      .nullable(),
    hearing: z
      .object({
        requestedOn: z.string(),
        notifiedOn: z.string().optional(),
        date: z.string().optional(),
        place: z.string().optional(),
        hostUserId: z.number().int().nullable().optional(),
        hostName: z.string().optional(),
        heldOn: z.string().optional(),
        record: z.string().optional(),
        partyAttended: z.boolean().optional(),
        withdrawnOn: z.string().optional(),
      })
      .nullable(),
    proposal: z
      .object({
        ...termsShape,
        proposedOn: z.string(),
        proposedBy: z.string(),
        major: z.object({ major: z.boolean(), reasons: z.array(z.string()), citation: citationSchema }),
      })
      .nullable(),
    legalReview: z
      .object({
        required: z.boolean(),
        reasons: z.array(z.string()),
        submittedOn: z.string().optional(),
        reviewerUserId: z.number().int().optional(),
        reviewerName: z.string().optional(),
        opinion: z.string().optional(),
        outcome: z.enum(['passed', 'returned']).optional(),
        reviewedOn: z.string().optional(),
      })
      .nullable(),
    decision: z
      .object({
        ...termsShape,
        decisionNo: z.string(),
        decidedOn: z.string(),
        decidedBy: z.string(),
        severity: severitySchema,
        basis: z.string(),
        facts: z.string(),
        changes: z.array(
          z.object({
            on: z.string(),
            reason: z.string(),
            before: z.object({
              kinds: z.array(penaltyKindSchema),
              fineAmount: z.number(),
              confiscationAmount: z.number(),
            }),
          }),
        ),
        kindNames: z.array(z.string()),
      })
      .nullable(),
    service: z
      .object({
        method: z.string(),
        recipient: z.string(),
        place: z.string(),
        servedOn: z.string(),
        onTime: z.boolean(),
        lateReason: z.string().nullable(),
      })
      .nullable(),
    payment: z.object({
      fineAmount: z.number(),
      confiscationAmount: z.number(),
      paidAmount: z.number(),
      surchargeToday: z
        .object({ daysLate: z.number().int(), amount: z.number(), capped: z.boolean() })
        .nullable(),
      owedToday: z.number(),
      outstandingToday: z.number(),
    }),
    executedOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    outcome: z.string().nullable(),
    outcomeReason: z.string().nullable(),
    evidence: z.array(evidenceSchema),
    documents: z.array(
      z.object({ kind: z.string(), title: z.string(), number: z.string().nullable(), href: z.string() }),
    ),
    publications: z.array(publicationSchema),
    referrals: z.array(
      z.object({ id: z.number().int(), number: z.string(), toBodyName: z.string(), state: z.string() }),
    ),
    reinspection: z
      .object({ id: z.number().int(), dueOn: z.string(), state: z.string(), outcome: z.string().nullable() })
      .nullable(),
    record: z.object({ length: z.number().int(), headHash: z.string() }),
    availableActions: z.array(actionOptionSchema),
  })
  .meta({ id: 'CaseDetail' });

export const caseListQuerySchema = z.object({
  state: z.string().optional().meta({ description: 'Comma-separated states' }),
  q: z.string().trim().min(1).max(100).optional(),
  establishmentId: z.coerce.number().int().positive().optional(),
  ...pageQuery,
});

const penaltyInput = {
  kinds: z.array(penaltyKindSchema).min(1).max(10),
  fineAmount: yuan,
  confiscationAmount: yuan.default(0),
  outsideRangeReason: optionalText(2000).meta({
    description: 'Required when the penalty departs from the discretion benchmark',
  }),
};
const day = isoDateSchema.optional();

export const caseActionSchema = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('approve_opening'), expectedVersion, opinion: optionalText(1000) }),
    z.object({ action: z.literal('refuse_opening'), expectedVersion, reason: text(2000) }),
    z.object({
      action: z.literal('record_violation'),
      expectedVersion,
      violationCode: z.string().min(1).max(60),
      circumstance: circumstanceSchema,
      facts: text(8000),
      illegalIncome: yuan.optional(),
    }),
    z.object({ action: z.literal('add_officer'), expectedVersion, officerId: z.number().int().positive() }),
    z.object({
      action: z.literal('recuse_officer'),
      expectedVersion,
      officerId: z.number().int().positive(),
      reason: text(1000),
      source: z.enum(['officer', 'party', 'leader']),
      replacementOfficerId: z.number().int().positive().optional(),
    }),
    z.object({
      action: z.literal('extend_deadline'),
      expectedVersion,
      days: z.number().int().min(1).max(365),
      reason: text(1000),
    }),
    z.object({ action: z.literal('notify'), expectedVersion, ...penaltyInput, noticedOn: day }),
    z.object({ action: z.literal('record_statement'), expectedVersion, text: text(8000), receivedOn: day }),
    z.object({ action: z.literal('waive_rights'), expectedVersion, note: text(1000) }),
    z.object({ action: z.literal('request_hearing'), expectedVersion, requestedOn: day }),
    z.object({ action: z.literal('withdraw_hearing_request'), expectedVersion, note: text(1000) }),
    z.object({
      action: z.literal('schedule_hearing'),
      expectedVersion,
      date: isoDateSchema,
      place: text(300),
      hostName: text(50),
      hostUserId: z.number().int().positive().optional(),
    }),
    z.object({
      action: z.literal('hold_hearing'),
      expectedVersion,
      record: text(8000),
      partyAttended: z.boolean(),
      heldOn: day,
    }),
    z.object({ action: z.literal('propose_decision'), expectedVersion, ...penaltyInput }),
    z.object({ action: z.literal('submit_legal_review'), expectedVersion, note: optionalText(1000) }),
    z.object({ action: z.literal('approve_legal_review'), expectedVersion, opinion: text(4000) }),
    z.object({ action: z.literal('return_legal_review'), expectedVersion, opinion: text(4000) }),
    z.object({
      action: z.literal('decide'),
      expectedVersion,
      publicFacts: optionalText(8000).meta({
        description: 'Facts as published (else the facts found, masked)',
      }),
      namesToMask: z
        .array(z.string().trim().min(2).max(50))
        .max(50)
        .optional()
        .meta({ description: 'Names of other persons (patients) to mask in the publication' }),
      publishMinor: z
        .boolean()
        .optional()
        .meta({ description: 'Publish a 轻微 penalty anyway (at most 3 months)' }),
    }),
    z.object({
      action: z.literal('serve'),
      expectedVersion,
      servedOn: day,
      method: z.enum(['in_person', 'left_at_address', 'mail', 'electronic', 'announcement']),
      recipient: text(100),
      place: optionalText(300),
      lateReason: optionalText(1000),
    }),
    z.object({
      action: z.literal('record_payment'),
      expectedVersion,
      amount: yuan.positive(),
      paidOn: day,
      receiptNo: optionalText(100),
    }),
    z.object({ action: z.literal('record_execution'), expectedVersion, note: text(2000), executedOn: day }),
    z.object({ action: z.literal('close'), expectedVersion, report: text(4000) }),
    z.object({
      action: z.literal('close_without_penalty'),
      expectedVersion,
      outcome: z.enum(['no_violation', 'not_punishable', 'referred']),
      reason: text(4000),
    }),
    z.object({ action: z.literal('change_decision'), expectedVersion, ...penaltyInput, reason: text(2000) }),
    z.object({ action: z.literal('revoke_decision'), expectedVersion, reason: text(2000) }),
  ])
  .meta({ id: 'CaseActionRequest' });

export const caseRecordSchema = z
  .object({
    caseId: z.number().int(),
    number: z.string(),
    headHash: z.string(),
    entries: z.array(
      z.object({
        caseId: z.number().int(),
        seq: z.number().int(),
        action: z.string(),
        fromState: z.string().nullable(),
        toState: z.string(),
        onDate: z.string(),
        at: z.string(),
        actorUserId: z.number().int().nullable(),
        actorName: z.string().nullable(),
        actorRole: z.string().nullable(),
        details: z.record(z.string(), z.unknown()),
        fileHashes: z.array(z.string()),
        prevHash: z.string(),
        hash: z.string(),
      }),
    ),
  })
  .meta({ id: 'CaseRecord', description: '执法全过程记录: one timeline per case, hash-chained' });

export const recordVerdictSchema = z
  .object({
    ok: z.boolean(),
    caseId: z.number().int(),
    entries: z.number().int(),
    headHash: z.string(),
    files: z.array(
      z.object({
        sha256: z.string(),
        ok: z.boolean(),
        problem: z.enum(['file_missing', 'file_altered']).nullable(),
      }),
    ),
    broken: z
      .object({
        seq: z.number().int().nullable(),
        reason: z.enum([
          'hash_mismatch',
          'prev_hash_mismatch',
          'sequence_gap',
          'head_mismatch',
          'file_missing',
          'file_altered',
        ]),
      })
      .nullable(),
  })
  .meta({ id: 'CaseRecordVerdict' });

export const sharedPenaltySchema = z
  .object({
    caseId: z.number().int(),
    decisionNo: z.string(),
    establishmentId: z.number().int().nullable(),
    practitionerId: z.number().int().nullable(),
    partyName: z.string(),
    authority: z.string(),
    departmentCode: z.string(),
    violationCode: z.string().nullable(),
    kinds: z.array(penaltyKindSchema),
    fineAmount: z.number(),
    severity: severitySchema,
    decidedOn: z.string(),
    revoked: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SharedPenalty' });
export const sharedPenaltyPageSchema = pageOf(sharedPenaltySchema, 'SharedPenaltyPage');

export const documentParams = z.object({
  id: z.coerce.number().int().positive(),
  kind: z.enum(['filing', 'inspection_record', 'notice', 'decision', 'service', 'closure']),
});
export const documentQuerySchema = z.object({
  format: z
    .enum(['pdf', 'docx'])
    .default('pdf')
    .meta({ description: 'pdf (Chinese font embedded, the default) or docx (Word)' }),
});
export const evidenceParams = z.object({
  id: z.coerce.number().int().positive(),
  evidenceId: z.coerce.number().int().positive(),
});
export const evidenceQuerySchema = z.object({
  kind: z.enum(['document', 'photo', 'statement', 'record', 'other']),
  description: text(500),
  collectedOn: isoDateSchema.optional(),
});
