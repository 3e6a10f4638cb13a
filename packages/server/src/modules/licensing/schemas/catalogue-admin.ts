import { z } from 'zod';
import { citationSchema, isoDateSchema } from '../../../http/common-schemas.js';
import { bilingual } from '../../../http/problem.js';
import { reformModeSchema } from './catalogue.js';

/** zod schemas of the catalogue editor's preview and the per-permit licensing report. */
export const permitChangeSchema = z
  .object({
    path: z.string().meta({
      description: 'Field path, e.g. committedLimitDays, materials.business_license, guide.summaryZh',
    }),
    kind: z.enum(['added', 'removed', 'changed']),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'PermitChange' });

export const permitPreviewSchema = z
  .object({
    code: z.string(),
    nextVersion: z.number().int(),
    current: z.object({ version: z.number().int(), effectiveFrom: isoDateSchema }).nullable(),
    valid: z.boolean(),
    errors: z.array(
      z.object({ path: z.string(), code: z.string(), messageZh: z.string(), messageEn: z.string() }),
    ),
    changes: z.array(permitChangeSchema),
  })
  .meta({ id: 'PermitVersionPreview' });

export const permitReportQuerySchema = z.object({
  from: isoDateSchema.optional().meta({ description: 'First day (default 1 January of the year of `to`)' }),
  to: isoDateSchema.optional().meta({ description: 'Last day (default today)' }),
  regionCode: z
    .string()
    .regex(
      /^\d{6}(\d{3}(\d{3})?)?$/,
      bilingual('地区代码应为 6、9 或 12 位数字', 'A region code has 6, 9 or 12 digits'),
    )
    .optional()
    .meta({ description: 'A region inside yours (establishments there); default your unit’s region' }),
});

export const permitReportRowSchema = z
  .object({
    permitCode: z.string(),
    permitNameZh: z.string(),
    permitNameEn: z.string(),
    mode: reformModeSchema,
    statutoryLimitDays: z.number().int().nullable(),
    committedLimitDays: z.number().int().nullable(),
    received: z.number().int(),
    decided: z.number().int(),
    granted: z.number().int(),
    refused: z.number().int(),
    timed: z.number().int().meta({ description: 'Decisions with a decision clock (commitment, approval)' }),
    withinCommitted: z.number().int(),
    withinStatutory: z.number().int(),
    averageWorkingDays: z.number().nullable(),
    verified: z.number().int(),
    foundFalse: z.number().int(),
    withdrawn: z.number().int(),
  })
  .meta({ id: 'PermitReportRow' });

export const permitReportSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    region: z.object({ code: z.string(), name: z.string() }),
    rows: z.array(permitReportRowSchema),
    citation: citationSchema,
  })
  .meta({ id: 'PermitReport' });
