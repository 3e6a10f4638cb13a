import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { establishmentFacts } from '../registry/queries.js';
import { legalToday } from './access.js';
import { actOnLicense } from './act-on-license.js';
import { actOnTask, loadTask } from './act-on-task.js';
import { renderCertificate } from './certificate.js';
import {
  licenseDetail,
  presentRevalidation,
  presentTask,
  searchLicenses,
  searchRevalidations,
  searchTasks,
} from './license-queries.js';
import { effectiveStatus, loadLicense } from './license-record.js';
import { actOnRevalidation, loadRevalidation, sendDueNotices } from './revalidations.js';
import { idParams } from './schemas/application.js';
import {
  licenseActionSchema,
  licenseDetailSchema,
  licenseListQuerySchema,
  licensePageSchema,
  revalidationActionSchema,
  revalidationListQuerySchema,
  revalidationPageSchema,
  revalidationSchema,
  taskActionSchema,
  taskListQuerySchema,
  taskPageSchema,
  taskSchema,
} from './schemas/license.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const tags = ['licensing'];
const stateActions =
  '409 invalid_transition lists details.allowedActions; 409 conflict when expectedVersion is stale; 403 forbidden for another role.';

/** Licences (with the printable certificate), verification tasks and revalidations. */
export const licenseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;
  const originOf = (request: FastifyRequest) =>
    ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;

  app.get(
    '/licensing/licenses',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary: '许可证 Licences in scope (institution users: their own)',
        querystring: licenseListQuerySchema,
        response: { 200: licensePageSchema, ...errors },
      },
    },
    async (request) => searchLicenses(db, request.actor!, request.query, legalToday(ctx)),
  );

  app.get(
    '/licensing/licenses/:id',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary: '许可证详情 One licence: conditions, history, revalidations, actions',
        params: idParams,
        response: { 200: licenseDetailSchema, ...errors },
      },
    },
    async (request) => licenseDetail(db, request.actor!, request.params.id, legalToday(ctx)),
  );

  app.get(
    '/licensing/licenses/:id/certificate.pdf',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary: '打印许可证 The printable certificate (PDF, Chinese text, the establishment’s QR code)',
        params: idParams,
        produces: ['application/pdf'],
        response: { 200: z.any().meta({ description: 'PDF document' }), ...errors },
      },
    },
    async (request, reply) => {
      const license = await loadLicense(db, request.actor!, request.params.id);
      const establishment = (await establishmentFacts(db, license.establishment_id))!;
      const pdf = await renderCertificate({
        license,
        establishment,
        effectiveStatus: effectiveStatus(license, legalToday(ctx)),
        origin: originOf(request),
        printedAt: ctx.now(),
      });
      reply.header('content-disposition', `inline; filename="license-${license.id}.pdf"`);
      reply.header('cache-control', 'private, no-store');
      return reply.type('application/pdf').send(pdf);
    },
  );

  app.post(
    '/licensing/licenses/:id/actions',
    {
      config: { permission: 'licensing.decide' },
      schema: {
        tags,
        summary: '撤销／吊销／注销 Withdraw, revoke or deregister a licence (reasons in writing)',
        description: stateActions,
        params: idParams,
        body: licenseActionSchema,
        response: { 200: licenseDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      await actOnLicense({ ctx, actor: request.actor!, id: request.params.id, input: request.body });
      return licenseDetail(db, request.actor!, request.params.id, legalToday(ctx));
    },
  );

  app.get(
    '/licensing/tasks',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary: '核查任务 Verification of commitments and checks after filings, by due date',
        querystring: taskListQuerySchema,
        response: { 200: taskPageSchema, ...errors },
      },
    },
    async (request) => searchTasks(db, request.actor!, request.query, legalToday(ctx)),
  );

  app.get(
    '/licensing/tasks/:id',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary: '核查任务详情 One verification task',
        params: idParams,
        response: { 200: taskSchema, ...errors },
      },
    },
    async (request) =>
      presentTask(await loadTask(db, request.actor!, request.params.id), request.actor!, legalToday(ctx)),
  );

  app.post(
    '/licensing/tasks/:id/actions',
    {
      config: { permission: 'licensing.verify' },
      schema: {
        tags,
        summary:
          '核查 Record the verification: conforming, order rectification (deadline), rectified, or failed (licence withdrawn, credit event)',
        description: stateActions,
        params: idParams,
        body: taskActionSchema,
        response: { 200: taskSchema, ...writeErrors },
      },
    },
    async (request) => {
      await actOnTask({ ctx, actor: request.actor!, id: request.params.id, input: request.body });
      return presentTask(
        await loadTask(db, request.actor!, request.params.id),
        request.actor!,
        legalToday(ctx),
      );
    },
  );

  app.get(
    '/licensing/revalidations',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary: '校验 Revalidations in scope (institution users: their own), by due date',
        querystring: revalidationListQuerySchema,
        response: { 200: revalidationPageSchema, ...errors },
      },
    },
    async (request) => searchRevalidations(db, request.actor!, request.query),
  );

  app.post(
    '/licensing/revalidations/send-due-notices',
    {
      config: { permission: 'licensing.decide' },
      schema: {
        tags,
        summary: '发送校验通知 Send the notices whose day has come, for the revalidations in scope',
        response: { 200: z.object({ sent: z.number().int() }).meta({ id: 'NoticesSent' }), ...errors },
      },
    },
    async (request) => ({ sent: await sendDueNotices({ ctx, actor: request.actor! }) }),
  );

  app.get(
    '/licensing/revalidations/:id',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary: '校验详情 One revalidation',
        params: idParams,
        response: { 200: revalidationSchema, ...errors },
      },
    },
    async (request) =>
      presentRevalidation(await loadRevalidation(db, request.actor!, request.params.id), request.actor!),
  );

  app.post(
    '/licensing/revalidations/:id/actions',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary:
          '办理校验 Notice, submit (institution), pass, defer 1–6 months, re-check pass or fail (licence deregistered)',
        description: stateActions,
        params: idParams,
        body: revalidationActionSchema,
        response: { 200: revalidationSchema, ...writeErrors },
      },
    },
    async (request) => {
      await actOnRevalidation({ ctx, actor: request.actor!, id: request.params.id, input: request.body });
      return presentRevalidation(
        await loadRevalidation(db, request.actor!, request.params.id),
        request.actor!,
      );
    },
  );
};
