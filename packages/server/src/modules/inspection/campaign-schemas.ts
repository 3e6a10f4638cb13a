import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_STATUSES,
  ESTABLISHMENT_FLAGS,
  REPLACEMENT_REASONS,
} from '@weijian/domain';
import { z } from 'zod';
import { isoDateSchema } from '../../http/common-schemas.js';
import { bilingual } from '../../http/problem.js';
import { kindSchema } from '../registry/schemas.js';

const ratio = z
  .number()
  .min(0, { message: bilingual('抽查比例不能小于 0', 'a ratio cannot be below 0') })
  .max(1, { message: bilingual('抽查比例不能大于 1', 'a ratio cannot exceed 1') })
  .meta({ description: 'A sampling ratio from 0 to 1 (at most 6 decimals)' });
const level = z.string().regex(/^[a-z0-9_-]{1,20}$/);

export const samplingSchema = z
  .object({
    defaultRatio: ratio,
    cells: z
      .array(z.object({ kind: kindSchema, riskLevel: level, creditLevel: level, ratio }).strict())
      .max(500)
      .default([])
      .meta({
        description:
          'Ratios of kind × risk level × credit level (levels are "default" until the credit module lands)',
      }),
    sectors: z
      .array(z.object({ flag: z.enum(ESTABLISHMENT_FLAGS), ratio }).strict())
      .max(ESTABLISHMENT_FLAGS.length)
      .meta({
        description: 'Sectors with strata of their own (seed 002: 医疗美容, 中医备案诊所, 口腔 at 1)',
      }),
    qualifications: z
      .array(z.object({ kind: kindSchema, qualification: z.string().regex(/^[a-z0-9_-]{1,40}$/) }).strict())
      .max(20)
      .default([])
      .meta({ description: 'A specialty every inspector of a kind’s targets must hold' }),
  })
  .strict()
  .meta({ id: 'SamplingMatrix' });

export const sourceSchema = z
  .object({
    id: z.string().regex(/^[\x21-\x7e]{1,60}$/, 'printable ASCII'),
    description: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .meta({ description: 'What exactly, e.g. 上证综指（000001）2026-03-16 收盘点位' }),
  })
  .strict()
  .meta({ id: 'RandomnessSource' });

export const campaignInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).default(''),
    departments: z.array(z.string().min(1).max(40)).min(1).max(7).meta({
      description: 'Participating departments (several = joint campaign, one visit); must include yours',
    }),
    kinds: z.array(kindSchema).min(1),
    regionCodes: z
      .array(z.string().regex(/^\d{6}(\d{3})?$/))
      .min(1)
      .max(50)
      .optional()
      .meta({
        description: 'Regions in scope (each a subtree) inside your region; default your unit’s region',
      }),
    itemCodes: z
      .array(z.string().min(1).max(40))
      .min(1)
      .max(200)
      .meta({ description: 'Entries of the random-inspection item list' }),
    periodStart: isoDateSchema,
    periodEnd: isoDateSchema,
    sampling: samplingSchema
      .optional()
      .meta({ description: 'Default: the policy’s default ratio and key sectors' }),
    teamSize: z.number().int().min(2).max(20).optional(),
    workloadCap: z.number().int().min(1).nullable().default(null),
    crossRegion: z.boolean().default(false),
    yearTarget: ratio.optional(),
    randomnessDate: isoDateSchema.meta({
      description: 'Day D the named sources become known; the pool closes before it',
    }),
    sources: z.array(sourceSchema).min(1).max(10),
  })
  .strict()
  .meta({ id: 'CampaignPlan' });

export const campaignPatchSchema = campaignInputSchema
  .partial()
  .extend({ expectedVersion: z.number().int().min(1).optional() })
  .strict()
  .meta({ id: 'CampaignPatch' });

const stratumSchema = z
  .object({
    id: z.string(),
    ratio: z.string(),
    qualification: z.string().nullable(),
    population: z.number().int(),
    sample: z.number().int(),
  })
  .meta({ id: 'CampaignStratum' });

export const campaignSchema = z
  .object({
    id: z.number().int(),
    campaignNo: z.string(),
    title: z.string(),
    description: z.string(),
    status: z.enum(CAMPAIGN_STATUSES),
    statusName: z.string(),
    availableActions: z.array(z.enum(CAMPAIGN_ACTIONS)),
    ownerUnit: z.object({ id: z.number().int(), name: z.string() }),
    departmentCode: z.string(),
    regionCode: z.string(),
    departments: z.array(z.string()),
    joint: z.boolean(),
    kinds: z.array(kindSchema),
    regionCodes: z.array(z.string()),
    itemCodes: z.array(z.string()),
    itemListVersion: z.number().int(),
    periodStart: z.string(),
    periodEnd: z.string(),
    sampling: samplingSchema,
    teamSize: z.number().int(),
    workloadCap: z.number().int().nullable(),
    crossRegion: z.boolean(),
    yearTarget: z.number(),
    randomnessDate: z.string(),
    sources: z.array(sourceSchema),
    commitment: z.string().nullable(),
    nonceHeldByPlatform: z.boolean(),
    policyVersion: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    approvedBy: z.string().nullable(),
    publishedAt: z.string().nullable(),
    frozenAt: z.string().nullable(),
    drawnAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
    recordPublicFrom: z
      .string()
      .meta({ description: 'Day from which the full draw record (with the nonce) is public' }),
    draw: z
      .object({
        poolHash: z.string(),
        rosterHash: z.string(),
        exclusionsHash: z.string(),
        paramsHash: z.string(),
        strata: z.array(stratumSchema),
        frozenAt: z.string(),
        sourcesHash: z.string().nullable(),
        seed: z.string().nullable(),
        drawHash: z.string().nullable(),
        recordSha256: z.string().nullable(),
        drawnAt: z.string().nullable(),
      })
      .nullable(),
    progress: z.object({
      targets: z.number().int(),
      completed: z.number().int(),
      replaced: z.number().int(),
      nonCompliant: z.number().int(),
      published: z.number().int(),
      reinspections: z.number().int(),
    }),
  })
  .meta({ id: 'Campaign' });

export const campaignListQuerySchema = z.object({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const campaignPageSchema = z
  .object({
    items: z.array(campaignSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'CampaignPage' });

export const coverageSchema = z
  .object({
    population: z.number(),
    covered: z.number(),
    share: z.number(),
    target: z.number(),
    meetsTarget: z.boolean(),
  })
  .meta({ id: 'Coverage' });

export const forecastSchema = z
  .object({
    strata: z.array(
      stratumSchema.extend({
        kind: kindSchema,
        sector: z.string(),
        riskLevel: z.string(),
        creditLevel: z.string(),
      }),
    ),
    expectedInspections: z.number().int(),
    coveredSoFar: z
      .number()
      .int()
      .meta({ description: 'Establishments in scope already drawn this year (other campaigns)' }),
    yearCoverage: coverageSchema.extend({ expectedNew: z.number() }),
    staffingProblems: z.array(
      z.object({
        stratum: z.string(),
        region: z.string(),
        eligible: z.number().int(),
        missingDepartments: z.array(z.string()),
      }),
    ),
    frozen: z
      .boolean()
      .meta({ description: 'True once the pool is closed: the figures are the frozen ones' }),
  })
  .meta({ id: 'CampaignForecast' });

export const approveSchema = z
  .object({
    commitment: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional()
      .meta({
        description:
          'C = SHA-256("weijian-draw/1:commit" ‖ 0x00 ‖ nonce) for a nonce held in escrow outside the platform; omit to let the platform generate and keep the nonce',
      }),
  })
  .strict()
  .meta({ id: 'ApproveCampaign' });

export const drawSchema = z
  .object({
    sourceValues: z
      .array(z.object({ id: z.string(), value: z.string().trim().min(1).max(200) }).strict())
      .min(1)
      .meta({ description: 'The published value of every named source, as published' }),
    nonce: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional()
      .meta({ description: 'The nonce, when it was held outside the platform' }),
  })
  .strict()
  .meta({ id: 'DrawCampaign' });

export const cancelSchema = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .strict()
  .meta({ id: 'CancelCampaign' });

export const replaceSchema = z
  .object({
    reason: z.enum(REPLACEMENT_REASONS),
    on: isoDateSchema,
    note: z.string().trim().max(500).default(''),
  })
  .strict()
  .meta({ id: 'ReplaceTarget' });
