import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { createPractitioner } from './create-practitioner.js';
import { endMultiSite, fileMultiSite } from './multi-site-filings.js';
import { practitionerDetail, revealPractitionerId, searchPractitioners } from './practitioner-queries.js';
import { loadPractitioner } from './practitioner-record.js';
import {
  endFilingInputSchema,
  filingParams,
  multiSiteFilingInputSchema,
  practitionerInputSchema,
  practitionerListQuerySchema,
  practitionerPageSchema,
  practitionerPatchSchema,
  practitionerSchema,
} from './practitioner-schemas.js';
import { historySchema, idParams } from './schemas.js';
import { updatePractitioner } from './update-practitioner.js';
import { history } from './versions.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { 409: problemSchema, 422: problemSchema, ...errors };
const tags = ['registry'];

export const practitionerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/practitioners',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: '医务人员 Search practitioners (ID numbers masked)',
        querystring: practitionerListQuerySchema,
        response: { 200: practitionerPageSchema, ...errors },
      },
    },
    async (request) => searchPractitioners(db, ctx.secrets, request.actor!, request.query),
  );

  app.post(
    '/practitioners',
    {
      config: { permission: 'registry.edit' },
      schema: {
        tags,
        summary: '登记医务人员 Register a practitioner',
        body: practitionerInputSchema,
        response: { 201: practitionerSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await createPractitioner({ ctx, actor: request.actor!, input: request.body });
      return reply.status(201).send(await practitionerDetail(db, request.actor!, id));
    },
  );

  app.get(
    '/practitioners/:id',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: '医务人员详情 One practitioner with multi-site filings',
        params: idParams,
        response: { 200: practitionerSchema, ...errors },
      },
    },
    async (request) => practitionerDetail(db, request.actor!, request.params.id),
  );

  app.patch(
    '/practitioners/:id',
    {
      config: { permission: 'registry.edit' },
      schema: {
        tags,
        summary: '修改医务人员 Change a practitioner',
        params: idParams,
        body: practitionerPatchSchema,
        response: { 200: practitionerSchema, ...writeErrors },
      },
    },
    async (request) => {
      await updatePractitioner({ ctx, actor: request.actor!, id: request.params.id, patch: request.body });
      return practitionerDetail(db, request.actor!, request.params.id);
    },
  );

  app.get(
    '/practitioners/:id/history',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: '变更历史 Timeline of a practitioner',
        params: idParams,
        response: { 200: historySchema, ...errors },
      },
    },
    async (request) => {
      await loadPractitioner(db, request.actor!, request.params.id);
      return { items: await history(db, 'practitioner', request.params.id) };
    },
  );

  app.get(
    '/practitioners/:id/sensitive',
    {
      config: { permission: 'identity.person.read-sensitive' },
      schema: {
        tags,
        summary: '查看完整身份证件号码 The ID number in full (the read is audited)',
        params: idParams,
        response: {
          200: z.object({ idNumber: z.string() }).meta({ id: 'PractitionerSensitive' }),
          ...errors,
        },
      },
    },
    async (request) => revealPractitionerId({ ctx, actor: request.actor!, id: request.params.id }),
  );

  app.post(
    '/practitioners/:id/multi-site-filings',
    {
      config: { permission: 'registry.edit' },
      schema: {
        tags,
        summary: '多点执业备案 Record a multi-site practice filing (doctors)',
        params: idParams,
        body: multiSiteFilingInputSchema,
        response: { 201: practitionerSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      await fileMultiSite({
        ctx,
        actor: request.actor!,
        practitionerId: request.params.id,
        input: request.body,
      });
      return reply.status(201).send(await practitionerDetail(db, request.actor!, request.params.id));
    },
  );

  app.post(
    '/practitioners/:id/multi-site-filings/:filingId/end',
    {
      config: { permission: 'registry.edit' },
      schema: {
        tags,
        summary: '终止多点执业备案 End a multi-site filing early',
        params: filingParams,
        body: endFilingInputSchema,
        response: { 200: practitionerSchema, ...writeErrors },
      },
    },
    async (request) => {
      const { id, filingId } = request.params;
      await endMultiSite({ ctx, actor: request.actor!, practitionerId: id, filingId, input: request.body });
      return practitionerDetail(db, request.actor!, id);
    },
  );
};
