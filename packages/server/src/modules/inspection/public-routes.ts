import {
  CAMPAIGN_STATUS_NAMES,
  type CampaignStatus,
  DomainError,
  disclose,
  discloseAs,
  drawRecordPublic,
  drawRecordPublicFrom,
} from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import { problemSchema } from '../../http/problem.js';
import { listDepartments } from '../identity/units/queries.js';
import { kindSchema } from '../registry/schemas.js';
import { sendRecord } from './campaign-routes.js';
import { chinaDay, dateText } from './dates.js';
import { publicationSchema } from './inspection-schemas.js';
import { loadRecordGz } from './record-store.js';
import { iso } from './reference-queries.js';

const tags = ['public'];
const errors = { 400: problemSchema, 404: problemSchema };

export const publicCampaignSchema = z
  .object({
    campaignNo: z.string(),
    title: z.string(),
    description: z.string(),
    status: z.string(),
    statusName: z.string(),
    departments: z.array(z.object({ code: z.string(), name: z.string() })),
    joint: z.boolean(),
    kinds: z.array(kindSchema),
    regionCodes: z.array(z.string()),
    periodStart: z.string(),
    periodEnd: z.string(),
    teamSize: z.number().int(),
    algorithm: z.literal('weijian-draw/1'),
    commitment: z
      .string()
      .nullable()
      .meta({ description: 'C = SHA-256("weijian-draw/1:commit" ‖ 0x00 ‖ nonce), published with the plan' }),
    randomnessDate: z.string(),
    sources: z.array(z.object({ id: z.string(), description: z.string() })),
    publishedAt: z.string().nullable(),
    frozen: z
      .object({
        frozenAt: z.string(),
        hashes: z.object({
          pool: z.string(),
          roster: z.string(),
          exclusions: z.string(),
          params: z.string(),
        }),
        strata: z.array(
          z.object({
            id: z.string(),
            ratio: z.string(),
            population: z.number().int(),
            sample: z.number().int(),
          }),
        ),
      })
      .nullable()
      .meta({ description: 'Published when the pool closed, before day D' }),
    drawnAt: z.string().nullable(),
    drawHash: z.string().nullable().meta({ description: 'Published at the draw' }),
    recordPublicFrom: z.string(),
    recordAvailable: z.boolean(),
    recordSha256: z
      .string()
      .nullable()
      .meta({ description: 'SHA-256 of the downloadable record, once public' }),
    publishedResults: z.number().int(),
    cancelReason: z.string().nullable(),
  })
  .meta({ id: 'PublicCampaign' });

const campaignNoParams = z.object({ campaignNo: z.string().regex(/^\d{6,9}-\d{4}-\d{4}$/) });

interface Row {
  id: number;
  campaign_no: string;
  title: string;
  description: string;
  status: CampaignStatus;
  departments: string[];
  kinds: string[];
  region_codes: string[];
  period_start: string;
  period_end: string;
  team_size: number;
  commitment: string | null;
  randomness_date: string;
  sources: { id: string; description: string }[];
  published_at: Date | string | null;
  drawn_at: Date | string | null;
  cancel_reason: string | null;
  frozen_at: Date | string | null;
  pool_hash: string | null;
  roster_hash: string | null;
  exclusions_hash: string | null;
  params_hash: string | null;
  strata: { id: string; ratio: string; population: number; sample: number }[] | null;
  draw_hash: string | null;
  record_sha256: string | null;
  published_results: number;
}

const SELECT = sql`SELECT c.id, c.campaign_no, c.title, c.description, c.status, c.departments, c.kinds, c.region_codes, c.period_start,
    c.period_end, c.team_size, c.commitment, c.randomness_date, c.sources, c.published_at, c.drawn_at, c.cancel_reason,
    d.frozen_at, d.pool_hash, d.roster_hash, d.exclusions_hash, d.params_hash, d.strata, d.draw_hash, d.record_sha256,
    (SELECT count(*)::int FROM inspection i WHERE i.campaign_id = c.id AND i.published_at IS NOT NULL) AS published_results
  FROM campaign c LEFT JOIN campaign_draw d ON d.campaign_id = c.id`;

/** Published plans only: a draft is not public, and does not exist for the portal. */
const PUBLISHED = sql`c.published_at IS NOT NULL`;

async function present(
  db: Executor,
  rows: Row[],
  today: string,
): Promise<z.infer<typeof publicCampaignSchema>[]> {
  const names = new Map((await listDepartments(db)).map((d) => [d.code, d.nameZh]));
  return rows.flatMap((r) => {
    // The one gate (@weijian/domain disclosure): shown once published, its texts scrubbed, and the
    // draw record public from the day after the inspection period.
    const shown = discloseAs(
      'campaigns',
      { title: r.title, description: r.description },
      today,
      { title: 'title', description: 'description' },
      { publishedOn: iso(r.published_at) },
    );
    if (!shown) return [];
    const periodEnd = dateText(r.period_end)!;
    const publicFrom = drawRecordPublicFrom(periodEnd);
    const available = drawRecordPublic(periodEnd, r.drawn_at !== null, today);
    return {
      campaignNo: r.campaign_no,
      title: String(shown.title ?? ''),
      description: String(shown.description ?? ''),
      status: r.status,
      statusName: CAMPAIGN_STATUS_NAMES[r.status],
      departments: r.departments.map((code) => ({ code, name: names.get(code) ?? code })),
      joint: r.departments.length > 1,
      kinds: r.kinds as never,
      regionCodes: r.region_codes,
      periodStart: dateText(r.period_start)!,
      periodEnd: dateText(r.period_end)!,
      teamSize: r.team_size,
      algorithm: 'weijian-draw/1' as const,
      commitment: r.commitment,
      randomnessDate: dateText(r.randomness_date)!,
      sources: r.sources,
      publishedAt: iso(r.published_at),
      frozen: r.frozen_at
        ? {
            frozenAt: iso(r.frozen_at)!,
            hashes: {
              pool: r.pool_hash!,
              roster: r.roster_hash!,
              exclusions: r.exclusions_hash!,
              params: r.params_hash!,
            },
            strata: (r.strata ?? []).map((h) => ({
              id: h.id,
              ratio: h.ratio,
              population: h.population,
              sample: h.sample,
            })),
          }
        : null,
      drawnAt: iso(r.drawn_at),
      drawHash: r.draw_hash,
      recordPublicFrom: publicFrom,
      recordAvailable: available,
      recordSha256: available ? r.record_sha256 : null,
      publishedResults: r.published_results,
      cancelReason: r.cancel_reason,
    };
  });
}

/**
 * The portal's one gate (@weijian/domain disclosure) applied to a stored result: the person fields
 * are masked again by the published rule, so no slip upstream reaches the public.
 */
function throughDisclosureGate(
  p: z.infer<typeof publicationSchema>,
  today: string,
): z.infer<typeof publicationSchema> | null {
  const gate = disclose(
    'inspection_results',
    {
      address: p.establishment.address,
      legalRepresentative: p.establishment.legalRepresentative,
      publishedOn: p.publishedOn,
    },
    today,
  );
  // Not yet on display (published for a later day): not shown.
  if (!gate) return null;
  return {
    ...p,
    establishment: {
      ...p.establishment,
      address: String(gate.address ?? ''),
      legalRepresentative: gate.legalRepresentative == null ? null : String(gate.legalRepresentative),
    },
  };
}

/**
 * 一公开 on the portal, without signing in: approved plans with their commitments and sources, the
 * hashes of each closed pool, the draw hash, and — from the day after the inspection period — the
 * whole draw record anyone can verify; and the published results, personal data masked.
 */
export const publicInspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/public/campaigns',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '公示的抽查计划 Published random-inspection plans (newest first)',
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z
            .object({ items: z.array(publicCampaignSchema), total: z.number().int() })
            .meta({ id: 'PublicCampaignPage' }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const rows = await queryRows<Row>(
        db,
        sql`${SELECT} WHERE ${PUBLISHED} ORDER BY c.published_at DESC, c.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      );
      const total = await queryOne<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM campaign c WHERE ${PUBLISHED}`,
      );
      return { items: await present(db, rows, chinaDay(ctx.now())), total: total?.n ?? 0 };
    },
  );

  const byNo = async (campaignNo: string) => {
    const r = await queryOne<Row>(db, sql`${SELECT} WHERE ${PUBLISHED} AND c.campaign_no = ${campaignNo}`);
    if (!r)
      throw new DomainError(
        'not_found',
        `抽查计划 ${campaignNo} 不存在或尚未公布`,
        `No published campaign ${campaignNo}`,
      );
    return r;
  };

  app.get(
    '/public/campaigns/:campaignNo',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          '公示的抽查计划 One published plan: commitment, sources, frozen hashes, draw hash, record availability',
        params: campaignNoParams,
        response: { 200: publicCampaignSchema, ...errors },
      },
    },
    async (request) => {
      const [shown] = await present(db, [await byNo(request.params.campaignNo)], chinaDay(ctx.now()));
      if (!shown)
        throw new DomainError('not_found', '抽查计划不存在或尚未公布', 'No such published campaign');
      return shown;
    },
  );

  app.get(
    '/public/campaigns/:campaignNo/draw-record',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          '下载抽取记录 The full draw record as JSON (docs/draw-algorithm.md), from the day after the inspection period; check it with `weijian draw verify`',
        params: campaignNoParams,
        produces: ['application/json'],
        response: { 200: z.any().meta({ description: 'The draw record' }), ...errors },
      },
    },
    async (request, reply) => {
      const r = await byNo(request.params.campaignNo);
      const periodEnd = dateText(r.period_end)!;
      const publicFrom = drawRecordPublicFrom(periodEnd);
      const stored = r.drawn_at ? await loadRecordGz(db, Number(r.id)) : undefined;
      if (!stored || !drawRecordPublic(periodEnd, true, chinaDay(ctx.now()))) {
        throw new DomainError(
          'not_found',
          `抽取记录将于 ${publicFrom}（检查期结束后）公布`,
          `The draw record is published on ${publicFrom}, after the inspection period`,
          { publicFrom },
        );
      }
      return sendRecord(reply, r.campaign_no, stored, request.headers['accept-encoding']);
    },
  );

  app.get(
    '/public/inspection-results',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          '检查结果公示 Published results (newest first), by campaign or establishment code; personal data masked',
        querystring: z.object({
          campaignNo: z.string().max(40).optional(),
          code: z
            .string()
            .max(18)
            .optional()
            .meta({ description: '统一社会信用代码 or public establishment code' }),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z
            .object({
              items: z.array(
                z.object({ id: z.number().int(), publishedAt: z.string(), publication: publicationSchema }),
              ),
              total: z.number().int(),
            })
            .meta({ id: 'PublicInspectionResults' }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { campaignNo, code, page, pageSize } = request.query;
      const where: SQL[] = [sql`i.published_at IS NOT NULL`];
      if (campaignNo) where.push(sql`c.campaign_no = ${campaignNo}`);
      if (code) where.push(sql`i.establishment_code = ${code.toUpperCase()}`);
      const w = sql.join(where, sql` AND `);
      const rows = await queryRows<{
        id: number;
        published_at: Date | string;
        publication: z.infer<typeof publicationSchema>;
      }>(
        db,
        sql`SELECT i.id, i.published_at, i.publication FROM inspection i JOIN campaign c ON c.id = i.campaign_id WHERE ${w}
            ORDER BY i.published_at DESC, i.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      );
      const total = await queryOne<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM inspection i JOIN campaign c ON c.id = i.campaign_id WHERE ${w}`,
      );
      const today = chinaDay(ctx.now());
      return {
        items: rows.flatMap((r) => {
          const publication = throughDisclosureGate(r.publication, today);
          return publication ? [{ id: Number(r.id), publishedAt: iso(r.published_at)!, publication }] : [];
        }),
        total: total?.n ?? 0,
      };
    },
  );
};
