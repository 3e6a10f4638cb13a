import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.js';
import { actOnReferral, referralDetail, searchReferrals, sendReferral } from './referrals.js';
import { idParams } from './schemas/common.js';
import {
  newReferralSchema,
  referralActionSchema,
  referralListQuerySchema,
  referralPageSchema,
  referralSchema,
} from './schemas/other.js';

const tags = ['enforcement'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };

/** Referrals to other departments and the judiciary, sent and received, with receipt and result. */
export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/enforcement/referrals',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: '移送 Referrals the unit sent or received',
        querystring: referralListQuerySchema,
        response: { 200: referralPageSchema, ...errors },
      },
    },
    async (request) => searchReferrals(db, request.actor!, request.query),
  );

  app.post(
    '/enforcement/referrals',
    {
      config: { permission: 'enforcement.investigate' },
      schema: {
        tags,
        summary: '移送 Refer a case or a lead to another department (it receives a lead) or to the judiciary',
        body: newReferralSchema,
        response: { 201: referralSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await sendReferral({ ctx, actor: request.actor!, input: request.body });
      return reply.status(201).send(await referralDetail(db, request.actor!, id));
    },
  );

  app.get(
    '/enforcement/referrals/:id',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: '移送详情 One referral',
        params: idParams,
        response: { 200: referralSchema, ...errors },
      },
    },
    async (request) => referralDetail(db, request.actor!, request.params.id),
  );

  app.post(
    '/enforcement/referrals/:id/actions',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary:
          '签收／办理结果 acknowledge (the receiving unit, or the sender recording an outside body’s receipt) or record_result',
        params: idParams,
        body: referralActionSchema,
        response: { 200: referralSchema, ...writeErrors },
      },
    },
    async (request) => {
      await actOnReferral({ ctx, actor: request.actor!, id: request.params.id, input: request.body });
      return referralDetail(db, request.actor!, request.params.id);
    },
  );
};
