import { z } from 'zod';
import { bilingual } from '../../http/problem.js';
import { DEADLINE_SOURCES, MEASURES } from './deadlines.js';
import { REPORT_KINDS } from './reports/model.js';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('日期格式应为 YYYY-MM-DD', 'Dates are YYYY-MM-DD'));
const regionCode = z
  .string()
  .regex(
    /^\d{6}(\d{3}(\d{3})?)?$/,
    bilingual('地区代码应为 6、9 或 12 位数字', 'A region code has 6, 9 or 12 digits'),
  );

export const dashboardQuerySchema = z.object({
  regionCode: regionCode
    .optional()
    .meta({ description: 'A region inside yours; default your unit’s region' }),
  from: day.optional().meta({ description: 'First day; default 1 January of the year of `to`' }),
  to: day.optional().meta({ description: 'Last day; default today' }),
});

const totals = z.object({
  started: z.number().int(),
  done: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  substantiated: z.number().int(),
  amount: z.number(),
});

const counted = z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string(), n: z.number().int() });

export const dashboardSchema = z
  .object({
    region: z.object({ code: z.string(), name: z.string(), level: z.string() }),
    departmentCode: z
      .string()
      .nullable()
      .meta({ description: 'Department the figures are limited to; null = all' }),
    from: z.string(),
    to: z.string(),
    asOf: z.string(),
    establishments: z.object({
      total: z.number().int(),
      byKind: z.array(counted),
      countedAt: z.string().nullable().meta({
        description:
          'When the establishment, credit and map counts were summarised (job oversight.establishment-summary); null = counted live',
      }),
    }),
    credit: z.object({ byCreditLevel: z.array(counted), byRiskLevel: z.array(counted) }),
    timelinessCountedAt: z.string().nullable().meta({
      description:
        'When the approval, post-approval, complaint, warning, case and publication figures were summarised (job oversight.deadline-summary; province and cities); null = counted live',
    }),
    coverage: z.object({
      populationCountedAt: z.string().nullable().meta({
        description:
          'When the population (operating establishments) was summarised (job oversight.establishment-summary); null = counted live',
      }),
      year: z.number().int(),
      target: z.number(),
      population: z.number().int(),
      covered: z.number().int(),
      share: z.number(),
      byRegion: z.array(
        z.object({
          regionCode: z.string(),
          name: z.string(),
          population: z.number(),
          covered: z.number(),
          share: z.number(),
        }),
      ),
    }),
    approvals: z.object({
      total: totals,
      byPermit: z.array(totals.extend({ permitCode: z.string(), nameZh: z.string(), nameEn: z.string() })),
    }),
    postApproval: totals,
    complaints: totals,
    warnings: totals,
    cases: totals.extend({ penalties: z.number().int() }),
    publications: totals,
    map: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        establishments: z.number().int(),
        overdue: z.number().int(),
        coverageShare: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'OversightDashboard' });

export const recordsQuerySchema = dashboardQuerySchema.extend({
  source: z.enum(DEADLINE_SOURCES),
  measure: z.enum(MEASURES),
  category: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const recordsSchema = z
  .object({
    total: z.number().int(),
    items: z.array(
      z.object({
        source: z.enum(DEADLINE_SOURCES),
        recordId: z.number().int(),
        reference: z.string(),
        label: z.string(),
        regionCode: z.string(),
        departmentCode: z.string(),
        category: z.string(),
        state: z.string(),
        startedOn: z.string().nullable(),
        dueOn: z.string().nullable(),
        doneOn: z.string().nullable(),
        onTime: z.boolean().nullable(),
      }),
    ),
  })
  .meta({ id: 'OversightRecords' });

export const establishmentsQuerySchema = dashboardQuerySchema.pick({ regionCode: true }).extend({
  kind: z.string().max(30).optional(),
  creditLevel: z.enum(['A', 'B', 'C', 'D', 'none']).optional(),
  riskLevel: z.enum(['low', 'medium', 'high', 'severe', 'none']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const establishmentsSchema = z
  .object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        kind: z.string(),
        regionCode: z.string(),
        creditLevel: z.string().nullable(),
        riskLevel: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'OversightEstablishments' });

export const reportQuerySchema = z.object({
  kind: z.enum(REPORT_KINDS).meta({
    description:
      'reform_evaluation (年度改革评估) | inspection_year (双随机年度报告) | monthly_supervision (月度监管报告) | pilot_summary (试点工作总结, seed 002)',
  }),
  format: z.enum(['docx', 'xlsx', 'pdf']),
  regionCode: regionCode
    .optional()
    .meta({ description: 'A region inside yours; default your unit’s region' }),
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .meta({ description: 'Yearly reports; default this year' }),
  from: day.optional().meta({
    description:
      'Monthly report: first day (default: the first of last month); pilot summary: default 1 January',
  }),
  to: day.optional().meta({
    description: 'Monthly report: last day (default: the end of last month); pilot summary: default today',
  }),
});
