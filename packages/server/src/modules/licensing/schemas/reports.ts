import { z } from 'zod';
import { citationSchema, isoDateSchema } from '../../../http/common-schemas.js';
import { reformModeSchema } from './catalogue.js';

export const inboxItemSchema = z
  .object({
    kind: z.enum(['application', 'task', 'revalidation']),
    id: z.number().int(),
    title: z.string().meta({ description: 'Permit or licence name' }),
    establishmentName: z.string(),
    state: z.string(),
    stateLabelZh: z.string(),
    stateLabelEn: z.string(),
    step: z
      .string()
      .meta({ description: 'What is due: accept, decide, verify, rectification, notice, revalidate' }),
    dueOn: isoDateSchema.nullable(),
    remainingWorkingDays: z.number().int().nullable(),
    clockStopped: z.boolean(),
    warning: z.boolean().meta({ description: 'Due within the warning margin' }),
    overdue: z.boolean(),
    escalated: z
      .boolean()
      .meta({ description: 'Overdue: escalated to the unit’s head (shown in view=escalations)' }),
    unitName: z.string(),
  })
  .meta({ id: 'InboxItem' });

export const inboxSchema = z
  .object({
    today: isoDateSchema,
    warningMarginDays: z.number().int(),
    items: z.array(inboxItemSchema),
  })
  .meta({ id: 'LicensingInbox' });

export const inboxQuerySchema = z.object({
  view: z.enum(['mine', 'escalations']).default('mine').meta({
    description:
      'mine: what the user’s roles act on; escalations: overdue items of the scope (heads, licensing.report.read)',
  }),
  warnDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(30)
    .optional()
    .meta({ description: 'Override the configured warning margin' }),
});

export const onTimeRowSchema = z
  .object({
    permitCode: z.string(),
    permitNameZh: z.string(),
    unitId: z.number().int(),
    unitName: z.string(),
    decided: z.number().int(),
    decidedOnTime: z.number().int(),
    onTimeRate: z.number().nullable().meta({ description: '0–1; null when nothing was decided' }),
    accepted: z.number().int(),
    acceptedOnTime: z.number().int(),
    open: z.number().int(),
    openOverdue: z.number().int(),
  })
  .meta({ id: 'OnTimeRow' });

export const onTimeReportSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema, rows: z.array(onTimeRowSchema) })
  .meta({ id: 'OnTimeReport' });

export const onTimeQuerySchema = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() });

export const annualReportSchema = z
  .object({
    year: z.number().int(),
    dueBy: isoDateSchema.meta({ description: 'The evaluation report is due by 15 November (seed 000)' }),
    citation: citationSchema,
    byMode: z.array(
      z.object({
        mode: reformModeSchema,
        received: z.number().int(),
        decided: z.number().int(),
        granted: z.number().int(),
        refused: z.number().int(),
        onTime: z.number().int(),
        averageWorkingDays: z
          .number()
          .nullable()
          .meta({ description: 'From acceptance (or receipt) to decision, stops excluded' }),
        averageLimitDays: z.number().nullable(),
      }),
    ),
    commitments: z.object({
      granted: z.number().int(),
      verified: z.number().int(),
      foundFalse: z.number().int(),
      withdrawn: z.number().int(),
      verificationOpen: z.number().int(),
    }),
    filings: z.object({ filed: z.number().int(), checked: z.number().int(), foundUntrue: z.number().int() }),
  })
  .meta({ id: 'LicensingAnnualReport' });

export const annualQuerySchema = z.object({ year: z.coerce.number().int().min(2004).max(2099) });

export const publicationDueSchema = z
  .object({
    items: z.array(
      z.object({
        applicationId: z.number().int(),
        licenseId: z.number().int().nullable(),
        licenseNumber: z.string().nullable(),
        permitNameZh: z.string(),
        establishmentName: z.string(),
        decision: z.string(),
        decidedOn: isoDateSchema,
        publishBy: isoDateSchema,
      }),
    ),
    citation: citationSchema,
  })
  .meta({
    id: 'PublicationSchedule',
    description: '双公示: decisions and the day each must be public by (for the disclosure module)',
  });

export const settingsSchema = z
  .object({ warningMarginDays: z.number().int().min(0).max(30) })
  .meta({ id: 'LicensingSettings' });

export const publicCommitmentSchema = z
  .object({
    items: z.array(
      z.object({
        applicationNumber: z.string(),
        establishmentName: z.string(),
        permitNameZh: z.string(),
        licenseNumber: z.string().nullable(),
        decidedOn: isoDateSchema,
        conditions: z.array(z.string()),
        verification: z.enum(['pending', 'rectifying', 'conforming', 'false']),
      }),
    ),
    citation: citationSchema,
  })
  .meta({ id: 'PublishedCommitments' });

export const publicNoticeSchema = z
  .object({
    items: z.array(
      z.object({
        kind: z.enum(['two_in_one_notice', 'new_application']),
        applicationNumber: z.string(),
        establishmentName: z.string(),
        address: z.string().nullable(),
        permitNameZh: z.string(),
        receivedOn: isoDateSchema,
        from: isoDateSchema.nullable(),
        until: isoDateSchema.nullable(),
        publicBy: isoDateSchema.nullable(),
      }),
    ),
    citations: z.array(citationSchema),
  })
  .meta({ id: 'PublicLicensingNotices' });

export const approvedListSchema = z
  .object({
    asOf: isoDateSchema,
    publishBy: isoDateSchema,
    schedule: z.array(z.object({ asOf: isoDateSchema, publishBy: isoDateSchema })),
    items: z.array(
      z.object({
        establishmentName: z.string(),
        permitCode: z.string(),
        licenseNameZh: z.string(),
        licenseNumber: z.string(),
        validFrom: isoDateSchema,
        validTo: isoDateSchema.nullable(),
      }),
    ),
    citation: citationSchema,
  })
  .meta({
    id: 'ApprovedInstitutionList',
    description: 'Seed 004: approved assisted-reproduction and sperm-bank institutions',
  });

export const approvedListQuerySchema = z.object({
  asOf: isoDateSchema.optional().meta({ description: '31 Dec or 30 Jun; default the latest list due' }),
});
