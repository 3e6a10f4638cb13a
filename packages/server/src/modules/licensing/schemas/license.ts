import {
  LICENSE_ACTIONS,
  LICENSE_STATES,
  REVALIDATION_ACTIONS,
  REVALIDATION_STATES,
  TASK_ACTIONS,
  TASK_STATES,
} from '@weijian/domain';
import { z } from 'zod';
import { isoDateSchema } from '../../../http/common-schemas.js';
import { availableActionSchema } from './application.js';

const instant = z.string().meta({ description: 'ISO 8601 instant (UTC)' });
const expectedVersion = z
  .number()
  .int()
  .min(1)
  .meta({ description: 'The version the client saw; a stale one answers 409 conflict' });

export const licenseStatusSchema = z.enum(LICENSE_STATES).meta({ id: 'LicenseStatus' });
export const licenseEffectiveStatusSchema = z.enum([...LICENSE_STATES, 'expired']).meta({
  id: 'LicenseEffectiveStatus',
  description: 'The status, or expired when a valid licence’s term has ended',
});

export const licenseSummarySchema = z
  .object({
    id: z.number().int(),
    number: z.string(),
    permitCode: z.string(),
    licenseNameZh: z.string(),
    establishment: z.object({ id: z.number().int(), name: z.string(), regionCode: z.string() }),
    issuer: z.object({ unitId: z.number().int(), name: z.string(), departmentCode: z.string() }),
    status: licenseStatusSchema,
    effectiveStatus: licenseEffectiveStatusSchema,
    issuedOn: isoDateSchema,
    validFrom: isoDateSchema,
    validTo: isoDateSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'LicenseSummary' });

export const licensePageSchema = z
  .object({
    items: z.array(licenseSummarySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'LicensePage' });

export const licenseListQuerySchema = z.object({
  establishmentId: z.coerce.number().int().positive().optional(),
  permitCode: z.string().optional(),
  status: z.enum(LICENSE_STATES).optional(),
  q: z.string().trim().max(100).optional().meta({ description: 'Part of the holder’s name or the number' }),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const licenseDetailSchema = licenseSummarySchema
  .extend({
    applicationId: z.number().int().nullable(),
    scope: z.string().nullable(),
    conditions: z.array(z.string()),
    note: z.string().nullable(),
    statusChangedOn: isoDateSchema.nullable(),
    statusReason: z.string().nullable(),
    statusDecisionNo: z.string().nullable(),
    renewalLastDay: isoDateSchema
      .nullable()
      .meta({ description: '延续 must be applied for by this day (30 days before expiry)' }),
    certificatePath: z.string().meta({ description: 'GET this path for the printable PDF certificate' }),
    availableActions: z.array(availableActionSchema),
    history: z.array(
      z.object({
        action: z.string(),
        onDate: isoDateSchema,
        at: instant,
        actorName: z.string().nullable(),
        diff: z.record(z.string(), z.unknown()),
      }),
    ),
    revalidations: z.array(z.lazy(() => revalidationSchema)),
  })
  .meta({ id: 'LicenseDetail' });

export const licenseActionSchema = z
  .object({
    action: z
      .enum(LICENSE_ACTIONS)
      .meta({ description: 'withdraw 撤销 · revoke 吊销 · deregister 注销 (on the authority’s motion)' }),
    expectedVersion,
    reasons: z.string().trim().min(2).max(4000),
    decisionNo: z.string().trim().max(100).optional(),
  })
  .meta({ id: 'LicenseAction' });

export const taskSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['commitment_verification', 'post_filing_check']),
    applicationId: z.number().int(),
    licenseId: z.number().int(),
    establishment: z.object({ id: z.number().int(), name: z.string() }),
    unitId: z.number().int(),
    state: z.enum(TASK_STATES),
    stateLabelZh: z.string(),
    stateLabelEn: z.string(),
    dueOn: isoDateSchema,
    rectificationDue: isoDateSchema.nullable(),
    findings: z.string().nullable(),
    closedOn: isoDateSchema.nullable(),
    overdue: z.boolean(),
    version: z.number().int(),
    availableActions: z.array(availableActionSchema),
    updatedAt: instant,
  })
  .meta({ id: 'VerificationTask' });

export const taskPageSchema = z
  .object({ items: z.array(taskSchema), total: z.number().int() })
  .meta({ id: 'VerificationTaskPage' });
export const taskListQuerySchema = z.object({
  state: z.enum(TASK_STATES).optional(),
  kind: z.enum(['commitment_verification', 'post_filing_check']).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const taskActionSchema = z
  .object({
    action: z.enum(TASK_ACTIONS),
    expectedVersion,
    findings: z.string().trim().max(4000).optional(),
    rectificationDue: isoDateSchema
      .optional()
      .meta({ description: 'Deadline of the rectification (order_rectification)' }),
  })
  .meta({ id: 'VerificationTaskAction' });

export const revalidationSchema = z
  .object({
    id: z.number().int(),
    license: z.object({
      id: z.number().int(),
      number: z.string(),
      licenseNameZh: z.string(),
      permitCode: z.string(),
    }),
    establishment: z.object({ id: z.number().int(), name: z.string() }),
    cycleYears: z.number().int(),
    dueOn: isoDateSchema,
    noticeOn: isoDateSchema,
    state: z.enum(REVALIDATION_STATES),
    stateLabelZh: z.string(),
    stateLabelEn: z.string(),
    noticedOn: isoDateSchema.nullable(),
    submittedOn: isoDateSchema.nullable(),
    submission: z.object({ summary: z.string() }).nullable(),
    decidedOn: isoDateSchema.nullable(),
    deferredUntil: isoDateSchema.nullable(),
    reasons: z.string().nullable(),
    version: z.number().int(),
    availableActions: z.array(availableActionSchema),
    inputs: z.object({ noteZh: z.string() }).meta({
      description:
        'Supervision results shown to the reviewer (inspections, demerit points) once those modules exist',
    }),
  })
  .meta({ id: 'Revalidation' });

export const revalidationPageSchema = z
  .object({ items: z.array(revalidationSchema), total: z.number().int() })
  .meta({ id: 'RevalidationPage' });
export const revalidationListQuerySchema = z.object({
  state: z.enum(REVALIDATION_STATES).optional(),
  licenseId: z.coerce.number().int().positive().optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const revalidationActionSchema = z
  .object({
    action: z.enum(REVALIDATION_ACTIONS),
    expectedVersion,
    months: z.number().int().optional().meta({ description: 'defer: rectification period, 1 to 6 months' }),
    reasons: z
      .string()
      .trim()
      .max(4000)
      .optional()
      .meta({ description: 'Required for defer and recheck_fail' }),
    summary: z
      .string()
      .trim()
      .max(4000)
      .optional()
      .meta({ description: 'submit: the institution’s self-inspection summary' }),
  })
  .meta({ id: 'RevalidationAction' });
