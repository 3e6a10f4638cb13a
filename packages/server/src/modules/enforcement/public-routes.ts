import { COMPLAINT_CATEGORIES } from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { legalToday } from './access.js';
import { trackComplaint } from './complaint-queries.js';
import { publicPenalties } from './publications.js';
import { publicPenaltyPageSchema } from './schemas/case.js';
import {
  complaintCategoryInfoSchema,
  complaintReceiptSchema,
  complaintTrackingSchema,
  publicComplaintSchema,
  queryCodeParams,
} from './schemas/complaint.js';
import { publicPenaltyQuerySchema } from './schemas/other.js';
import { submitComplaint } from './submit-complaint.js';

const tags = ['public'];
const errors = { 400: problemSchema, 404: problemSchema, 422: problemSchema, 429: problemSchema };

/**
 * The portal's side of enforcement, without sign-in: submitting a complaint (rate-limited per
 * address), following it with the query code (public notes only), the categories, and the penalties
 * on public display.
 */
export const publicEnforcementRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/public/complaint-categories',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          '投诉举报类别 Categories of complaints and the department each goes to (responsibility map, seed 002 annex 3)',
        response: { 200: z.array(complaintCategoryInfoSchema) },
      },
    },
    async () =>
      COMPLAINT_CATEGORIES.map((c) => ({
        code: c.code,
        nameZh: c.nameZh,
        nameEn: c.nameEn,
        departmentCode: c.departmentCode,
        possibleCrime: c.possibleCrime === true,
        citation: c.citation,
      })),
  );

  app.post(
    '/public/complaints',
    {
      config: { access: 'public', rateLimit: { max: 5, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary:
          '提交投诉举报 Submit a complaint or report, anonymously or with a name; the answer carries the query code (shown once)',
        description:
          '429 rate_limited after 5 submissions from one address in 10 minutes. A report about an establishment that cannot be identified is accepted and flagged for triage. Text is stored as text and never interpreted as markup.',
        body: publicComplaintSchema,
        response: { 201: complaintReceiptSchema, ...errors },
      },
    },
    async (request, reply) => {
      const r = await submitComplaint({
        ctx,
        actor: null,
        input: { ...request.body, channel: 'portal' },
        origin: { ip: request.ip, requestId: request.id },
      });
      reply.header('cache-control', 'no-store');
      return reply.status(201).send({
        number: r.number,
        queryCode: r.queryCode,
        receivedOn: r.receivedOn,
        acceptDue: r.acceptDue,
        handlingUnit: r.unitName,
        departmentName: r.departmentName,
      });
    },
  );

  app.get(
    '/public/complaints/:queryCode',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '查询办理进度 Follow a complaint with its query code: state and public notes only',
        params: queryCodeParams,
        response: { 200: complaintTrackingSchema, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return trackComplaint(db, (code) => ctx.secrets.lookupHash(code), request.params.queryCode);
    },
  );

  app.get(
    '/public/penalties',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          '行政处罚公示 Penalties on public display today (masked; withdrawn and expired ones are gone)',
        querystring: publicPenaltyQuerySchema,
        response: { 200: publicPenaltyPageSchema, ...errors },
      },
    },
    async (request) => publicPenalties(db, request.query, legalToday(ctx)),
  );
};
