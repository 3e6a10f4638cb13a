import { z } from 'zod';
import { bilingual } from '../../http/problem.js';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('日期格式应为 YYYY-MM-DD', 'Dates are YYYY-MM-DD'));
const text = (max: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, bilingual(`请填写${zh}`, `${en} is required`))
    .max(max, bilingual(`${zh}不超过 ${max} 字`, `${en}: at most ${max} characters`));

export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const gridInputSchema = z.object({
  code: z
    .string()
    .regex(
      /^[A-Za-z0-9-]{2,30}$/,
      bilingual('网格编号为 2–30 位字母、数字或连字符', 'A grid code has 2–30 letters, digits or hyphens'),
    ),
  name: text(60, '网格名称', 'Name'),
  regionCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/, bilingual('所属地区应为县级或乡镇代码', 'The region is a county or town code')),
  duties: z.string().max(2000).default(''),
  areaCodes: z
    .array(z.string())
    .min(
      1,
      bilingual(
        '网格至少包含一个街道（乡镇）或村（社区）',
        'A grid covers at least one street/town or village',
      ),
    )
    .max(200),
  staff: z
    .array(
      z.object({
        userId: z.number().int().positive(),
        role: z.enum(['lead', 'member']),
        duties: z.string().max(500).default(''),
      }),
    )
    .max(100)
    .default([]),
  version: z.number().int().optional().meta({ description: 'On update: the version read (optimistic lock)' }),
});

const gridSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  departmentCode: z.string(),
  duties: z.string(),
  version: z.number().int(),
  areaCodes: z.array(z.string()),
  staff: z.array(
    z.object({
      userId: z.number().int(),
      name: z.string(),
      role: z.enum(['lead', 'member']),
      duties: z.string(),
    }),
  ),
  workload: z.object({
    establishments: z.number().int(),
    patrolsPlanned: z.number().int(),
    patrolsDone: z.number().int(),
    problemsFound: z.number().int(),
    rechecksOpen: z.number().int(),
    rechecksOverdue: z.number().int(),
    deadlinesOverdue: z.number().int(),
  }),
});

export const gridListSchema = z.object({ items: z.array(gridSchema) }).meta({ id: 'OversightGrids' });

export const gridItemsSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    patrols: z.array(
      z.object({
        id: z.number().int(),
        place: z.string(),
        plannedOn: z.string(),
        status: z.string(),
        findings: z.string().nullable(),
        problemFound: z.boolean().nullable(),
        campaignId: z.number().int().nullable(),
        establishmentId: z.number().int().nullable(),
        patrolledAt: z.string().nullable(),
        officerName: z.string().nullable(),
        photos: z
          .array(z.string())
          .meta({ description: 'SHA-256 of each photo: GET /oversight/patrols/{id}/photos/{sha256}' }),
      }),
    ),
    rechecks: z.array(
      z.object({
        id: z.number().int(),
        establishmentId: z.number().int(),
        establishmentName: z.string(),
        source: z.string(),
        sourceRef: z.string(),
        dueOn: z.string(),
        status: z.string(),
        doneOn: z.string().nullable(),
        result: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'OversightGridItems' });

export const patrolPlanSchema = z.object({
  place: text(200, '巡查地点', 'Place'),
  plannedOn: day,
  officerUserId: z.number().int().positive().optional(),
  campaignId: z.number().int().positive().optional(),
});

const photoHashes = z
  .array(z.string().regex(/^[0-9a-f]{64}$/, bilingual('照片标识无效', 'Invalid photo reference')))
  .max(20, bilingual('一条巡查记录最多 20 张照片', 'A patrol record has at most 20 photos'))
  .default([]);

export const patrolRecordSchema = z.object({
  findings: text(4000, '巡查情况', 'Findings'),
  problemFound: z.boolean(),
  photos: photoHashes,
});

export const fieldPatrolSchema = z
  .object({
    establishmentId: z.number().int().positive().optional(),
    address: z
      .string()
      .trim()
      .max(200, bilingual('巡查地址不超过 200 字', 'Address: at most 200 characters'))
      .optional(),
    patrolledAt: z.iso.datetime({
      offset: true,
      error: bilingual('巡查时间格式无效', 'The patrol time is not a valid date and time'),
    }),
    findings: text(4000, '巡查情况', 'Findings'),
    problemFound: z.boolean(),
    photos: photoHashes,
    campaignId: z.number().int().positive().optional(),
  })
  .meta({ id: 'OversightFieldPatrol' });

export const patrolPhotoSchema = z
  .object({ sha256: z.string(), mediaType: z.string(), sizeBytes: z.number().int() })
  .meta({ id: 'OversightPatrolPhoto' });

export const photoParams = z.object({
  id: z.coerce.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const gridEstablishmentQuery = z.object({ q: z.string().trim().max(60).optional() });

export const gridEstablishmentsSchema = z
  .object({ items: z.array(z.object({ id: z.number().int(), name: z.string(), regionCode: z.string() })) })
  .meta({ id: 'OversightGridEstablishments' });

export const recheckInputSchema = z.object({
  establishmentId: z.number().int().positive(),
  source: z.enum(['penalty', 'rectification', 'campaign', 'manual']),
  sourceRef: z.string().max(60).default(''),
  dueOn: day,
});

export const recheckDoneSchema = z.object({ doneOn: day, result: text(2000, '回头看结果', 'Result') });

export const specialCampaignInputSchema = z.object({
  name: text(100, '专项名称', 'Name'),
  theme: text(500, '整治内容', 'Theme'),
  regionCode: z.string().regex(/^\d{6}(\d{3})?$/),
  departments: z.array(z.string().max(30)).max(10).default([]),
  startsOn: day,
  endsOn: day,
  target: z.number().int().min(0).max(1_000_000),
});

export const specialCampaignListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        theme: z.string(),
        regionCode: z.string(),
        departmentCode: z.string(),
        departments: z.array(z.string()),
        startsOn: z.string(),
        endsOn: z.string(),
        target: z.number().int(),
        done: z.number().int(),
        problems: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'OversightSpecialCampaigns' });

export const createdSchema = z.object({ id: z.number().int() });
