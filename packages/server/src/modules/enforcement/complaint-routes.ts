import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.js';
import { legalToday } from './access.js';
import { actOnComplaint, noteComplaint } from './act-on-complaint.js';
import { complaintDetail, searchComplaints } from './complaint-queries.js';
import { addReward, payReward, readReporterIdentity } from './reporters.js';
import { idParams } from './schemas/common.js';
import {
  complaintActionSchema,
  complaintDetailSchema,
  complaintListQuerySchema,
  complaintNoteSchema,
  complaintPageSchema,
  reporterIdentitySchema,
  reporterParams,
  rewardInputSchema,
  rewardParams,
  rewardPaySchema,
  rewardSchema,
  staffComplaintReceiptSchema,
  staffComplaintSchema,
} from './schemas/complaint.js';
import { submitComplaint } from './submit-complaint.js';

const tags = ['enforcement'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };

/** The handling unit's complaints: inbox, entry from the hotline, actions, notes, reporters, rewards. */
export const complaintRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/enforcement/complaints',
    {
      config: { permission: 'complaint.read' },
      schema: {
        tags,
        summary: '投诉举报 The unit’s complaints, the nearest due date first',
        querystring: complaintListQuerySchema,
        response: { 200: complaintPageSchema, ...errors },
      },
    },
    async (request) => searchComplaints(db, request.actor!, request.query, legalToday(ctx)),
  );

  app.post(
    '/enforcement/complaints',
    {
      config: { permission: 'complaint.handle' },
      schema: {
        tags,
        summary: '登记投诉举报 Enter a complaint from the hotline, a visit, a letter or another department',
        description:
          'Classified, checked for duplicates (joined: true when it joined an open complaint) and routed by the responsibility map.',
        body: staffComplaintSchema,
        response: { 201: staffComplaintReceiptSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const r = await submitComplaint({
        ctx,
        actor: request.actor!,
        input: request.body,
        origin: { ip: request.ip, requestId: request.id },
      });
      return reply.status(201).send({
        id: r.complaintId,
        joined: r.joined,
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
    '/enforcement/complaints/:id',
    {
      config: { permission: 'complaint.read' },
      schema: {
        tags,
        summary:
          '投诉举报详情 One complaint: reporters (identity withheld), public and internal notes, lead, rewards, actions',
        params: idParams,
        response: { 200: complaintDetailSchema, ...errors },
      },
    },
    async (request) => complaintDetail(db, request.actor!, request.params.id, legalToday(ctx)),
  );

  app.post(
    '/enforcement/complaints/:id/actions',
    {
      config: { permission: 'complaint.handle' },
      schema: {
        tags,
        summary:
          '办理 accept (creates a lead), refuse, reroute, reclassify, conclude (substantiated or not), reply',
        description:
          '409 invalid_transition lists details.allowedActions; 409 conflict when expectedVersion is stale.',
        params: idParams,
        body: complaintActionSchema,
        response: { 200: complaintDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      await actOnComplaint({ ctx, actor: request.actor!, id: request.params.id, input: request.body });
      return complaintDetail(db, request.actor!, request.params.id, legalToday(ctx));
    },
  );

  app.post(
    '/enforcement/complaints/:id/notes',
    {
      config: { permission: 'complaint.handle' },
      schema: {
        tags,
        summary: '备注 A public note (reporters see it) or an internal one',
        params: idParams,
        body: complaintNoteSchema,
        response: { 200: complaintDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      await noteComplaint({ ctx, actor: request.actor!, id: request.params.id, ...request.body });
      return complaintDetail(db, request.actor!, request.params.id, legalToday(ctx));
    },
  );

  app.get(
    '/enforcement/complaints/:id/reporters/:reporterId/identity',
    {
      config: { permission: 'complaint.reporter.read', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          '查看举报人身份 A reporter’s identity, for the handling unit only; every reading is recorded in the audit trail',
        params: reporterParams,
        response: { 200: reporterIdentitySchema, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return readReporterIdentity({
        ctx,
        actor: request.actor!,
        complaintId: request.params.id,
        reporterId: request.params.reporterId,
      });
    },
  );

  app.post(
    '/enforcement/complaints/:id/rewards',
    {
      config: { permission: 'complaint.handle' },
      schema: {
        tags,
        summary: '举报奖励 Record a reward for a named reporter of a substantiated complaint',
        params: idParams,
        body: rewardInputSchema,
        response: { 201: rewardSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await addReward({
          ctx,
          actor: request.actor!,
          complaintId: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.post(
    '/enforcement/complaints/:id/rewards/:rewardId/pay',
    {
      config: { permission: 'complaint.handle' },
      schema: {
        tags,
        summary: '发放奖励 Record that a reward was paid',
        params: rewardParams,
        body: rewardPaySchema,
        response: { 200: complaintDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      await payReward({
        ctx,
        actor: request.actor!,
        complaintId: request.params.id,
        rewardId: request.params.rewardId,
        note: request.body.note,
      });
      return complaintDetail(db, request.actor!, request.params.id, legalToday(ctx));
    },
  );
};
