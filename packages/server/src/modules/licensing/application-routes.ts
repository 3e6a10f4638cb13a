import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.js';
import { legalToday } from './access.js';
import { actOnApplication } from './act-on-application.js';
import { applicationDetail, jointDetail, searchApplications } from './application-queries.js';
import { createApplication } from './create-application.js';
import { createJointApplication } from './joint-application.js';
import {
  applicationActionSchema,
  applicationDetailSchema,
  applicationListQuerySchema,
  applicationPageSchema,
  applicationPatchSchema,
  idParams,
  jointApplicationSchema,
  newApplicationSchema,
  newJointApplicationSchema,
} from './schemas/application.js';
import { updateApplication } from './update-application.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const tags = ['licensing'];

/** Applications in the four modes, and joint applications across departments. */
export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/licensing/applications',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary: '许可申请 Applications in scope (institution users: their own), newest change first',
        querystring: applicationListQuerySchema,
        response: { 200: applicationPageSchema, ...errors },
      },
    },
    async (request) => searchApplications(db, request.actor!, request.query, legalToday(ctx)),
  );

  app.post(
    '/licensing/applications',
    {
      config: { permission: 'licensing.apply' },
      schema: {
        tags,
        summary: '新建申请 Create a draft application (institution for itself; window staff on its behalf)',
        description:
          'Refused with 422: permit_abolished (names what to apply for instead), kind_not_eligible, level_not_held, department_not_competent, no_competent_unit, license_already_held, license_not_applicable, renewal_too_late.',
        body: newApplicationSchema,
        response: { 201: applicationDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await createApplication({ ctx, actor: request.actor!, input: request.body });
      return reply.status(201).send(await applicationDetail(db, request.actor!, id, legalToday(ctx)));
    },
  );

  app.get(
    '/licensing/applications/:id',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary: '申请详情 One application: clocks, available actions, materials, data lookups, timeline',
        params: idParams,
        response: { 200: applicationDetailSchema, ...errors },
      },
    },
    async (request) => applicationDetail(db, request.actor!, request.params.id, legalToday(ctx)),
  );

  app.patch(
    '/licensing/applications/:id',
    {
      config: { permission: 'licensing.apply' },
      schema: {
        tags,
        summary: '修改申请 Edit the form or note of a draft (or while correcting)',
        params: idParams,
        body: applicationPatchSchema,
        response: { 200: applicationDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      await updateApplication({ ctx, actor: request.actor!, id: request.params.id, patch: request.body });
      return applicationDetail(db, request.actor!, request.params.id, legalToday(ctx));
    },
  );

  app.post(
    '/licensing/applications/:id/actions',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary:
          '办理 Take an action of the workflow (sign, submit, accept, request correction, grant, refuse …)',
        description:
          '409 invalid_transition lists details.allowedActions; 409 conflict when expectedVersion is stale (someone else acted first); 403 forbidden when the action is not the user’s role. Rules answer 422 with their own codes (materials_missing, acceptance_period_elapsed, correction_already_requested, overdue_reason_required, public_notice_required, site_inspection_required, clinic_doctors_not_qualified, practice_license_not_found …).',
        params: idParams,
        body: applicationActionSchema,
        response: { 200: applicationDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      await actOnApplication({ ctx, actor: request.actor!, id: request.params.id, input: request.body });
      return applicationDetail(db, request.actor!, request.params.id, legalToday(ctx));
    },
  );

  app.post(
    '/licensing/joint-applications',
    {
      config: { permission: 'licensing.apply' },
      schema: {
        tags,
        summary: '联动申请 Apply for permits of several departments at one window (one draft per part)',
        body: newJointApplicationSchema,
        response: { 201: jointApplicationSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { id } = await createJointApplication({ ctx, actor: request.actor!, input: request.body });
      return reply.status(201).send(await jointDetail(db, request.actor!, id, legalToday(ctx)));
    },
  );

  app.get(
    '/licensing/joint-applications/:id',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary: '联动申请详情 Every department’s part and the one combined deadline (window view)',
        params: idParams,
        response: { 200: jointApplicationSchema, ...errors },
      },
    },
    async (request) => jointDetail(db, request.actor!, request.params.id, legalToday(ctx)),
  );
};
