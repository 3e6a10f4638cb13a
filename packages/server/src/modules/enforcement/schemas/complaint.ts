import { COMPLAINT_CATEGORY_CODES } from '@weijian/domain';
import { z } from 'zod';
import { isoDateSchema } from '../../../http/common-schemas.js';
import { bilingual } from '../../../http/problem.js';
import {
  actionOptionSchema,
  expectedVersion,
  optionalText,
  pageOf,
  pageQuery,
  text,
  unitRefSchema,
  yuan,
} from './common.js';

export const complaintCategorySchema = z.enum(COMPLAINT_CATEGORY_CODES as [string, ...string[]]).meta({
  id: 'ComplaintCategory',
  description:
    'Category of the complaint (GET /enforcement/complaint-categories lists them with their departments)',
});
const channelSchema = z
  .enum(['portal', 'hotline', 'transfer', 'visit', 'letter'])
  .meta({ id: 'ComplaintChannel' });
const regionCode = z
  .string()
  .regex(/^\d{6}(\d{3})?$/, { message: bilingual('区划代码应为6位或9位数字', '6 or 9 digits') });
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s]{7,20}$/, { message: bilingual('电话号码格式不正确', 'Not a phone number') });

const reporterSchema = z
  .object({
    name: text(50),
    phone: phone.optional(),
    idNumber: z.string().trim().max(18).optional(),
  })
  .meta({ id: 'ComplaintReporterForm' });

export const publicComplaintSchema = z
  .object({
    anonymous: z.boolean().meta({ description: 'Report without a name (no identity stored)' }),
    reporter: reporterSchema.optional().meta({ description: 'Required unless anonymous; name and phone' }),
    categoryCode: complaintCategorySchema
      .optional()
      .meta({ description: 'When absent, suggested from the text' }),
    establishmentCode: z
      .string()
      .trim()
      .max(18)
      .optional()
      .meta({ description: '一码 public code or 统一社会信用代码' }),
    establishmentName: optionalText(200),
    practitionerName: optionalText(50),
    regionCode: regionCode.meta({ description: 'County or street where it happened (GB/T 2260)' }),
    location: optionalText(300),
    description: z
      .string()
      .trim()
      .min(10)
      .max(4000)
      .meta({ description: 'What happened (10–4000 characters, plain text)' }),
  })
  .strict()
  .meta({ id: 'PublicComplaintForm' });

export const staffComplaintSchema = publicComplaintSchema
  .omit({})
  .extend({
    channel: z.enum(['hotline', 'transfer', 'visit', 'letter']),
    establishmentId: z.number().int().positive().optional(),
    transferredFrom: optionalText(200).meta({ description: 'Body that transferred it (channel transfer)' }),
  })
  .strict()
  .meta({ id: 'StaffComplaintForm' });

export const complaintReceiptSchema = z
  .object({
    number: z.string(),
    queryCode: z.string().meta({ description: 'Shown once: the reporter follows the complaint with it' }),
    receivedOn: z.string(),
    acceptDue: z.string(),
    handlingUnit: z.string(),
    departmentName: z.string(),
  })
  .meta({ id: 'ComplaintReceipt' });

export const staffComplaintReceiptSchema = complaintReceiptSchema
  .extend({
    id: z.number().int(),
    joined: z.boolean().meta({ description: 'Joined an open complaint about the same matter' }),
  })
  .meta({ id: 'StaffComplaintReceipt' });

export const complaintTrackingSchema = z
  .object({
    number: z.string(),
    categoryName: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    stateLabelEn: z.string(),
    handlingUnit: z.string(),
    receivedOn: z.string(),
    yourReportOn: z.string(),
    history: z.array(
      z.object({ onDate: z.string(), action: z.string(), state: z.string().nullable(), text: z.string() }),
    ),
  })
  .meta({ id: 'ComplaintTracking' });

export const complaintSummarySchema = z
  .object({
    id: z.number().int(),
    number: z.string(),
    channel: channelSchema,
    category: z.string(),
    categoryName: z.string(),
    departmentCode: z.string(),
    unit: unitRefSchema,
    regionCode: z.string(),
    establishmentId: z.number().int().nullable(),
    establishmentText: z.string(),
    needsTriage: z.boolean(),
    state: z.string(),
    stateLabel: z.string(),
    receivedOn: z.string(),
    dueOn: z.string().nullable(),
    overdue: z.boolean(),
    reporters: z.number().int(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ComplaintSummary' });

export const complaintPageSchema = pageOf(complaintSummarySchema, 'ComplaintPage');

export const complaintDetailSchema = complaintSummarySchema
  .extend({
    description: z.string(),
    practitionerText: z.string(),
    locationText: z.string(),
    transferredFrom: z.string().nullable(),
    categorySource: z.string(),
    categoryKeywords: z.array(z.string()),
    departmentName: z.string(),
    acceptDue: z.string(),
    acceptedOn: z.string().nullable(),
    handleDue: z.string().nullable(),
    concludedOn: z.string().nullable(),
    replyDue: z.string().nullable(),
    repliedOn: z.string().nullable(),
    substantiated: z.boolean().nullable(),
    conclusion: z.string().nullable(),
    lead: z
      .object({
        id: z.number().int(),
        number: z.string(),
        state: z.string(),
        caseId: z.number().int().nullable(),
      })
      .nullable(),
    reporters: z.array(
      z.object({
        id: z.number().int(),
        seq: z.number().int(),
        channel: z.string(),
        anonymous: z.boolean(),
        identityOnFile: z
          .boolean()
          .meta({ description: 'Read it with GET …/reporters/{reporterId}/identity (audited)' }),
        description: z.string(),
        submittedOn: z.string(),
      }),
    ),
    notes: z.array(
      z.object({
        id: z.number().int(),
        visibility: z.enum(['public', 'internal']),
        action: z.string(),
        fromState: z.string().nullable(),
        toState: z.string().nullable(),
        text: z.string(),
        onDate: z.string(),
        at: z.string(),
        actorName: z.string().nullable(),
      }),
    ),
    rewards: z.array(
      z.object({
        id: z.number().int(),
        reporterId: z.number().int(),
        amount: z.number(),
        basis: z.string(),
        decidedOn: z.string(),
        status: z.enum(['approved', 'paid']),
        paidOn: z.string().nullable(),
      }),
    ),
    availableActions: z.array(actionOptionSchema),
  })
  .meta({ id: 'ComplaintDetail' });

export const complaintListQuerySchema = z.object({
  state: z.string().optional().meta({ description: 'Comma-separated states' }),
  category: z.string().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  needsTriage: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});

export const complaintActionSchema = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('accept'), expectedVersion, publicNote: optionalText(1000) }),
    z.object({ action: z.literal('refuse'), expectedVersion, reasons: text(2000) }),
    z.object({
      action: z.literal('reroute'),
      expectedVersion,
      departmentCode: z.string().min(1).max(30),
      reason: text(1000),
    }),
    z.object({
      action: z.literal('reclassify'),
      expectedVersion,
      categoryCode: complaintCategorySchema,
      reason: optionalText(1000),
    }),
    z.object({
      action: z.literal('conclude'),
      expectedVersion,
      substantiated: z.boolean(),
      conclusion: text(4000).meta({ description: 'Internal conclusion' }),
      publicNote: text(2000).meta({ description: 'What the reporters are told' }),
    }),
    z.object({
      action: z.literal('reply'),
      expectedVersion,
      reply: text(2000).meta({ description: 'The reply the reporters see' }),
    }),
  ])
  .meta({ id: 'ComplaintActionRequest' });

export const complaintNoteSchema = z
  .object({ visibility: z.enum(['public', 'internal']), text: text(2000) })
  .strict()
  .meta({ id: 'ComplaintNoteForm' });

export const reporterIdentitySchema = z
  .object({
    reporterId: z.number().int(),
    anonymous: z.boolean(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    idNumber: z.string().nullable(),
  })
  .meta({ id: 'ReporterIdentity' });

export const reporterParams = z.object({
  id: z.coerce.number().int().positive(),
  reporterId: z.coerce.number().int().positive(),
});
export const rewardParams = z.object({
  id: z.coerce.number().int().positive(),
  rewardId: z.coerce.number().int().positive(),
});

export const rewardInputSchema = z
  .object({ reporterId: z.number().int().positive(), amount: yuan.positive(), basis: text(1000) })
  .strict()
  .meta({ id: 'ReporterRewardForm' });
export const rewardSchema = z
  .object({
    id: z.number().int(),
    amount: z.number(),
    status: z.enum(['approved', 'paid']),
    decidedOn: z.string(),
  })
  .meta({ id: 'ReporterReward' });
export const rewardPaySchema = z
  .object({ note: z.string().trim().max(500).default('') })
  .meta({ id: 'ReporterRewardPayment' });

export const complaintCategoryInfoSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    departmentCode: z.string(),
    possibleCrime: z.boolean(),
    citation: z.object({ zh: z.string(), en: z.string() }),
  })
  .meta({ id: 'ComplaintCategoryInfo' });

export const queryCodeParams = z.object({ queryCode: z.string().min(1).max(40) });
export const dateOnly = isoDateSchema;
