import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { createEstablishment } from './create-establishment.js';
import { publicUrlOf, qrPng, qrSvg } from './establishment-code.js';
import { loadEstablishment } from './establishment-record.js';
import { establishmentDetail, searchEstablishments } from './queries.js';
import { revealEstablishmentContact } from './reveal-contact.js';
import {
  contactRevealSchema,
  establishmentInputSchema,
  establishmentListQuerySchema,
  establishmentPageSchema,
  establishmentPatchSchema,
  establishmentSchema,
  historySchema,
  idParams,
} from './schemas.js';
import { updateEstablishment } from './update-establishment.js';
import { history } from './versions.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['registry'];

export const establishmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;
  const originOf = (request: FastifyRequest) =>
    ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;

  app.get(
    '/establishments',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: '监管对象名录 Search establishments (name, codes, kind, category, region, status, flags)',
        querystring: establishmentListQuerySchema,
        response: { 200: establishmentPageSchema, ...errors },
      },
    },
    async (request) => searchEstablishments(db, request.actor!, request.query),
  );

  app.post(
    '/establishments',
    {
      config: { permission: 'registry.edit' },
      schema: {
        tags,
        summary: '登记监管对象 Register an establishment',
        body: establishmentInputSchema,
        response: { 201: establishmentSchema, 409: problemSchema, 422: problemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const id = await createEstablishment({ ctx, actor: request.actor!, input: request.body });
      return reply.status(201).send(await establishmentDetail(db, request.actor!, id));
    },
  );

  app.get(
    '/establishments/:id',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: '监管对象详情 One establishment',
        params: idParams,
        response: { 200: establishmentSchema, ...errors },
      },
    },
    async (request) => establishmentDetail(db, request.actor!, request.params.id),
  );

  app.patch(
    '/establishments/:id',
    {
      config: { permission: 'registry.edit' },
      schema: {
        tags,
        summary: '修改监管对象 Change an establishment (a new version with its diff)',
        params: idParams,
        body: establishmentPatchSchema,
        response: { 200: establishmentSchema, 409: problemSchema, 422: problemSchema, ...errors },
      },
    },
    async (request) => {
      await updateEstablishment({ ctx, actor: request.actor!, id: request.params.id, patch: request.body });
      return establishmentDetail(db, request.actor!, request.params.id);
    },
  );

  app.get(
    '/establishments/:id/history',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: '变更历史 Timeline of an establishment: who changed what, when (newest first)',
        params: idParams,
        response: { 200: historySchema, ...errors },
      },
    },
    async (request) => {
      await loadEstablishment(db, request.actor!, request.params.id);
      return { items: await history(db, 'establishment', request.params.id) };
    },
  );

  app.get(
    '/establishments/:id/sensitive',
    {
      config: { permission: 'identity.person.read-sensitive' },
      schema: {
        tags,
        summary: '查看完整联系电话 The contact number in full (the read is audited)',
        params: idParams,
        response: { 200: contactRevealSchema, ...errors },
      },
    },
    async (request) => revealEstablishmentContact({ ctx, actor: request.actor!, id: request.params.id }),
  );

  for (const format of ['png', 'svg'] as const) {
    app.get(
      `/establishments/:id/code.${format}`,
      {
        config: { permission: 'registry.read' },
        schema: {
          tags,
          summary: `一码 The establishment's QR code (${format.toUpperCase()}), encoding only {origin}/e/{publicCode}`,
          params: idParams,
          produces: [format === 'png' ? 'image/png' : 'image/svg+xml'],
          response: {
            200: z.any().meta({ description: format === 'png' ? 'PNG image' : 'SVG image' }),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const r = await loadEstablishment(db, request.actor!, request.params.id);
        const url = publicUrlOf(originOf(request), r.public_code);
        reply.header('cache-control', 'private, max-age=3600');
        reply.header('content-disposition', `inline; filename="${r.public_code}.${format}"`);
        if (format === 'png') return reply.type('image/png').send(await qrPng(url));
        return reply.type('image/svg+xml').send(await qrSvg(url));
      },
    );
  }
};
