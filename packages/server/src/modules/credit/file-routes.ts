import type { CreditSubjectType } from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.js';
import { recordGrading } from './grading.js';
import { setQuotas } from './monitoring-admin.js';
import { revokeOverride, setOverride } from './overrides.js';
import {
  creditFile,
  creditProfile,
  demeritsOf,
  gradingsOf,
  quotasOf,
  searchProfiles,
  subjectInScope,
} from './queries.js';
import { recordDemerit, revokeDemerit } from './record-demerit.js';
import {
  creditProfileSchema,
  demeritListSchema,
  demeritSchema,
  entryListQuerySchema,
  entryPageSchema,
  gradingInputSchema,
  gradingListSchema,
  gradingSchema,
  idParams,
  overrideInputSchema,
  profileListQuerySchema,
  profilePageSchema,
  quotaInputSchema,
  quotaListSchema,
  recordDemeritSchema,
  revokeSchema,
} from './schemas.js';
import { chinaDay } from './scope.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const tags = ['credit'];

/** Credit files and profiles of establishments and practitioners, points, overrides, gradings, quotas. */
export const creditFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/credit/establishments',
    {
      config: { permission: 'credit.read' },
      schema: {
        tags,
        summary:
          '信用与风险一览 Establishments in scope with credit level, risk score and level, mode (highest risk first)',
        querystring: profileListQuerySchema,
        response: { 200: profilePageSchema, ...errors },
      },
    },
    async (request) => searchProfiles(db, request.actor!, request.query),
  );

  for (const type of ['establishment', 'practitioner'] as const satisfies CreditSubjectType[]) {
    const base = `/credit/${type}s/:id`;
    const who = type === 'establishment' ? '机构' : '医务人员';
    app.get(
      base,
      {
        config: { permission: 'credit.read' },
        schema: {
          tags,
          summary: `${who}信用与风险 The ${type}'s credit level, risk score with every part and reason, mode and frequency, points, listings (institution users: their own)`,
          params: idParams,
          response: { 200: creditProfileSchema, ...errors },
        },
      },
      async (request) =>
        creditProfile(db, request.actor!, { type, id: request.params.id }, ctx.now(), chinaDay(ctx.now())),
    );
    app.get(
      `${base}/entries`,
      {
        config: { permission: 'credit.read' },
        schema: {
          tags,
          summary: `${who}信用档案 The ${type}'s credit file: every entry with its source record and citation, newest first`,
          params: idParams,
          querystring: entryListQuerySchema,
          response: { 200: entryPageSchema, ...errors },
        },
      },
      async (request) => creditFile(db, request.actor!, { type, id: request.params.id }, request.query),
    );
    app.get(
      `${base}/demerits`,
      {
        config: { permission: 'credit.read' },
        schema: {
          tags,
          summary: `${who}不良执业行为记分 The ${type}'s demerit points: the cycle, its total and band, each point with the act and article`,
          params: idParams,
          response: { 200: demeritListSchema, ...errors },
        },
      },
      async (request) =>
        demeritsOf(db, request.actor!, { type, id: request.params.id }, ctx.now(), chinaDay(ctx.now())),
    );
    app.post(
      `${base}/demerits`,
      {
        config: { permission: 'credit.demerit.record' },
        schema: {
          tags,
          summary: `记分 Record demerit points against the ${type}: a catalogue behaviour and a source record already in its credit file (422 source_not_found otherwise)`,
          params: idParams,
          body: recordDemeritSchema,
          response: { 201: demeritSchema, ...writeErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await recordDemerit({
            ctx,
            actor: request.actor!,
            subject: { type, id: request.params.id },
            input: request.body,
          }),
        ),
    );
  }

  app.post(
    '/credit/demerits/:id/revoke',
    {
      config: { permission: 'credit.demerit.record' },
      schema: {
        tags,
        summary: '撤销记分 Revoke demerit points with a reason (kept in the file, no longer counted)',
        params: idParams,
        body: revokeSchema,
        response: { 200: demeritSchema, ...writeErrors },
      },
    },
    async (request) =>
      revokeDemerit({ ctx, actor: request.actor!, id: request.params.id, reason: request.body.reason }),
  );

  app.post(
    '/credit/establishments/:id/overrides',
    {
      config: { permission: 'credit.override' },
      schema: {
        tags,
        summary:
          '人工调整 Override the mode, risk level or credit level with a written reason (400 without one); the computed value stays visible',
        params: idParams,
        body: overrideInputSchema,
        response: { 201: creditProfileSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      await setOverride({
        ctx,
        actor: request.actor!,
        establishmentId: request.params.id,
        input: request.body,
      });
      return reply
        .status(201)
        .send(
          await creditProfile(
            db,
            request.actor!,
            { type: 'establishment', id: request.params.id },
            ctx.now(),
            chinaDay(ctx.now()),
          ),
        );
    },
  );

  app.post(
    '/credit/overrides/:id/revoke',
    {
      config: { permission: 'credit.override' },
      schema: {
        tags,
        summary: '撤销人工调整 Revoke an override with a reason; the computed values apply again',
        params: idParams,
        body: revokeSchema,
        response: { 200: creditProfileSchema, ...writeErrors },
      },
    },
    async (request) => {
      const establishmentId = await revokeOverride({
        ctx,
        actor: request.actor!,
        id: request.params.id,
        reason: request.body.reason,
      });
      return creditProfile(
        db,
        request.actor!,
        { type: 'establishment', id: establishmentId },
        ctx.now(),
        chinaDay(ctx.now()),
      );
    },
  );

  app.get(
    '/credit/establishments/:id/gradings',
    {
      config: { permission: 'credit.read' },
      schema: {
        tags,
        summary:
          '量化分级记录 Quantitative grading assessments of a medical-beauty or dental clinic, newest first',
        params: idParams,
        response: { 200: gradingListSchema, ...errors },
      },
    },
    async (request) => ({ items: await gradingsOf(db, request.actor!, request.params.id) }),
  );

  app.post(
    '/credit/establishments/:id/gradings',
    {
      config: { permission: 'credit.grading.record' },
      schema: {
        tags,
        summary:
          '量化分级评定 Record a scored checklist; the grade (A 优秀 … D 差) sets the graded mode’s frequency',
        params: idParams,
        body: gradingInputSchema,
        response: { 201: gradingSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await recordGrading({
          ctx,
          actor: request.actor!,
          establishmentId: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.get(
    '/credit/establishments/:id/narcotic-quotas',
    {
      config: { permission: 'credit.read' },
      schema: {
        tags,
        summary: '印鉴卡限量 Monthly narcotic purchase quotas of the seal card',
        params: idParams,
        response: { 200: quotaListSchema, ...errors },
      },
    },
    async (request) => {
      await subjectInScope(db, request.actor!, { type: 'establishment', id: request.params.id });
      return quotasOf(db, request.params.id);
    },
  );

  app.put(
    '/credit/establishments/:id/narcotic-quotas',
    {
      config: { permission: 'credit.rules.manage' },
      schema: {
        tags,
        summary: '设置印鉴卡限量 Replace the seal card’s monthly quotas (audited)',
        params: idParams,
        body: quotaInputSchema,
        response: { 200: quotaListSchema, ...writeErrors },
      },
    },
    async (request) =>
      setQuotas({ ctx, actor: request.actor!, establishmentId: request.params.id, input: request.body }),
  );
};
