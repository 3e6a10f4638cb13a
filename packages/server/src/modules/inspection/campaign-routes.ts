import { gunzipSync } from 'node:zlib';
import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryOne } from '../../db/database.js';
import { problemSchema } from '../../http/problem.js';
import { approveCampaign } from './approve-campaign.js';
import { campaignDetail, loadCampaign, searchCampaigns } from './campaign-queries.js';
import {
  approveSchema,
  campaignInputSchema,
  campaignListQuerySchema,
  campaignPageSchema,
  campaignPatchSchema,
  campaignSchema,
  cancelSchema,
  drawSchema,
  forecastSchema,
} from './campaign-schemas.js';
import { cancelCampaign } from './cancel-campaign.js';
import { drawCampaign } from './draw-campaign.js';
import { campaignForecast } from './forecast.js';
import { freezeCampaign } from './freeze-campaign.js';
import { publishCampaignResults } from './publish-results.js';
import { loadRecordGz } from './record-store.js';
import { currentPolicy } from './reference-queries.js';
import { idParams } from './reference-schemas.js';
import { createCampaign, updateCampaign } from './save-campaign.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { 409: problemSchema, 422: problemSchema, ...errors };
const tags = ['inspection'];

/** 抽查计划: plan → approve (publish with the commitment) → freeze the pool → draw, once. */
export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/campaigns',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary: '抽查计划 Campaigns of the actor’s region in which the actor’s department takes part',
        querystring: campaignListQuerySchema,
        response: { 200: campaignPageSchema, ...errors },
      },
    },
    async (request) => searchCampaigns(db, request.actor!, request.query),
  );

  app.post(
    '/campaigns',
    {
      config: { permission: 'inspection.campaign.manage' },
      schema: {
        tags,
        summary: '编制抽查计划 Create a draft campaign (several departments make it joint)',
        body: campaignInputSchema,
        response: { 201: campaignSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await createCampaign({ ctx, actor: request.actor!, input: request.body });
      return reply.status(201).send(await campaignDetail(db, request.actor!, id));
    },
  );

  app.get(
    '/campaigns/:id',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary:
          '抽查计划详情 One campaign: plan, commitment, frozen hashes, draw, progress and the actions its status allows',
        params: idParams,
        response: { 200: campaignSchema, ...errors },
      },
    },
    async (request) => campaignDetail(db, request.actor!, request.params.id),
  );

  app.patch(
    '/campaigns/:id',
    {
      config: { permission: 'inspection.campaign.manage' },
      schema: {
        tags,
        summary: '修改抽查计划 Edit a draft (refused once approved, and after the draw)',
        params: idParams,
        body: campaignPatchSchema,
        response: { 200: campaignSchema, ...writeErrors },
      },
    },
    async (request) => {
      await updateCampaign({ ctx, actor: request.actor!, id: request.params.id, patch: request.body });
      return campaignDetail(db, request.actor!, request.params.id);
    },
  );

  app.get(
    '/campaigns/:id/forecast',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary:
          '预计抽查量 Expected inspections per stratum (N_h, n_h), the year’s coverage against the target, and strata lacking eligible inspectors — before anything is drawn',
        params: idParams,
        response: { 200: forecastSchema, ...errors },
      },
    },
    async (request) => {
      const c = await loadCampaign(db, request.actor!, request.params.id);
      const frozen = await queryOne<{ strata: z.infer<typeof forecastSchema>['strata'] }>(
        db,
        sql`SELECT strata FROM campaign_draw WHERE campaign_id = ${c.id}`,
      );
      const policy = await currentPolicy(db);
      return campaignForecast(db, c, frozen ?? null, {
        at: ctx.now(),
        recentInspectionDays: policy.values.recentInspectionExclusionDays,
      });
    },
  );

  const action = <B extends z.ZodType>(
    path: string,
    permission: 'inspection.campaign.manage' | 'inspection.campaign.approve' | 'inspection.result.publish',
    summary: string,
    body: B,
    run: (
      actor: NonNullable<import('fastify').FastifyRequest['actor']>,
      id: number,
      body: z.infer<B>,
    ) => Promise<unknown>,
  ) =>
    app.post(
      `/campaigns/:id/${path}`,
      {
        config: { permission },
        schema: { tags, summary, params: idParams, body, response: { 200: campaignSchema, ...writeErrors } },
      },
      async (request) => {
        await run(request.actor!, request.params.id, request.body as z.infer<B>);
        return campaignDetail(db, request.actor!, request.params.id);
      },
    );

  action(
    'approve',
    'inspection.campaign.approve',
    '批准并公布抽查计划 Approve and publish the plan with the commitment to the nonce (not by its planner)',
    approveSchema,
    (actor, id, body) => approveCampaign({ ctx, actor, id, commitment: body.commitment }),
  );
  action(
    'freeze',
    'inspection.campaign.manage',
    '封存名录 Close the pool before day D: freeze and hash the pool, roster and exclusions (refused, naming the stratum, when one lacks eligible inspectors)',
    z.object({}).strict().meta({ id: 'FreezeCampaign' }),
    (actor, id) => freezeCampaign({ ctx, actor, id }),
  );
  action(
    'draw',
    'inspection.campaign.manage',
    '抽取 Draw, once, on or after day D: enter the published source values; creates the inspection tasks',
    drawSchema,
    (actor, id, body) => drawCampaign({ ctx, actor, id, input: body }),
  );
  action(
    'cancel',
    'inspection.campaign.manage',
    '撤销抽查计划 Cancel before the draw',
    cancelSchema,
    (actor, id, body) => cancelCampaign({ ctx, actor, id, reason: body.reason }),
  );
  action(
    'publish-results',
    'inspection.result.publish',
    '公示检查结果 Publish every completed, unpublished result of the campaign (personal data masked)',
    z.object({}).strict().meta({ id: 'PublishCampaignResults' }),
    (actor, id) => publishCampaignResults({ ctx, actor, campaignId: id }),
  );

  app.get(
    '/campaigns/:id/draw-record',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary:
          '抽取记录 The draw record (docs/draw-algorithm.md), canonical JSON, for `weijian draw verify`; staff get it at once, the public after the period',
        params: idParams,
        produces: ['application/json'],
        response: { 200: z.any().meta({ description: 'The draw record (JSON)' }), ...errors },
      },
    },
    async (request, reply) => {
      const c = await loadCampaign(db, request.actor!, request.params.id);
      const stored = await loadRecordGz(db, Number(c.id));
      if (!stored)
        throw new DomainError('not_found', '该计划尚未抽取', 'The campaign has not been drawn yet');
      return sendRecord(reply, c.campaign_no, stored, request.headers['accept-encoding']);
    },
  );
};

/** Sends the stored record: gzipped as stored when the client accepts it, else unzipped. */
export function sendRecord(
  reply: import('fastify').FastifyReply,
  campaignNo: string,
  stored: { gz: Buffer; sha256: string },
  acceptEncoding: string | undefined,
) {
  reply
    .type('application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="draw-record-${campaignNo}.json"`)
    .header('x-content-sha256', stored.sha256)
    .header('cache-control', 'no-cache');
  if (/\bgzip\b/.test(acceptEncoding ?? '')) return reply.header('content-encoding', 'gzip').send(stored.gz);
  return reply.send(gunzipSync(stored.gz));
}
