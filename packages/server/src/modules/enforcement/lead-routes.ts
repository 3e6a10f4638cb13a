import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.js';
import { leadDetail, searchLeads } from './lead-queries.js';
import { idParams } from './schemas/common.js';
import {
  leadDetailSchema,
  leadListQuerySchema,
  leadPageSchema,
  leadTriageResultSchema,
  leadTriageSchema,
  newLeadSchema,
} from './schemas/other.js';
import { createManualLead, triageLead } from './triage-lead.js';

const tags = ['enforcement'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };

/** Leads from complaints, inspections, alerts, referrals and officers; triage into no action, rectification or a case. */
export const leadRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/enforcement/leads',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: '线索 The unit’s leads, open ones first',
        querystring: leadListQuerySchema,
        response: { 200: leadPageSchema, ...errors },
      },
    },
    async (request) => searchLeads(db, request.actor!, request.query),
  );

  app.post(
    '/enforcement/leads',
    {
      config: { permission: 'enforcement.investigate' },
      schema: {
        tags,
        summary: '登记线索 Record a lead found another way',
        body: newLeadSchema,
        response: { 201: leadDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await createManualLead({ ctx, actor: request.actor!, input: request.body });
      return reply.status(201).send(await leadDetail(db, request.actor!, id));
    },
  );

  app.get(
    '/enforcement/leads/:id',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: '线索详情 One lead',
        params: idParams,
        response: { 200: leadDetailSchema, ...errors },
      },
    },
    async (request) => leadDetail(db, request.actor!, request.params.id),
  );

  app.post(
    '/enforcement/leads/:id/triage',
    {
      config: { permission: 'enforcement.investigate' },
      schema: {
        tags,
        summary:
          '线索处置 dismiss (no action), order_rectification (working days), or open_case (a proposal with at least two roster officers)',
        params: idParams,
        body: leadTriageSchema,
        response: { 200: leadTriageResultSchema, ...writeErrors },
      },
    },
    async (request) => triageLead({ ctx, actor: request.actor!, id: request.params.id, input: request.body }),
  );
};
