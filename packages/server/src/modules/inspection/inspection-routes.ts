import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryOne } from '../../db/database.js';
import { readFile } from '../../files/file-store.js';
import { imageSizeQuery, sendImage } from '../../files/image-reply.js';
import { problemSchema } from '../../http/problem.js';
import { replaceSchema } from './campaign-schemas.js';
import { completeInspection } from './complete-inspection.js';
import { inspectionDetail, searchInspections } from './inspection-queries.js';
import {
  completeInspectionSchema,
  inspectionDetailSchema,
  inspectionListQuerySchema,
  inspectionPageSchema,
  photoParams,
  photoSchema,
} from './inspection-schemas.js';
import { PHOTO_LIMIT, PHOTO_TYPES, uploadPhoto } from './photos.js';
import { publishResult } from './publish-results.js';
import { idParams } from './reference-schemas.js';
import { replaceInspectionTarget } from './replace-target.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { 409: problemSchema, 422: problemSchema, ...errors };
const tags = ['inspection'];

/** Inspections in the field: the task with its merged checklist, the form, photos, replacement, publication. */
export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;
  // Photos arrive as the raw request body; the type is decided by the first bytes, not the header.
  app.addContentTypeParser(
    PHOTO_TYPES,
    { parseAs: 'buffer', bodyLimit: PHOTO_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/inspections',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary:
          '检查任务 Inspections in scope (and other departments’ completed results, read-only); ?mine=true for one’s own tasks',
        querystring: inspectionListQuerySchema,
        response: { 200: inspectionPageSchema, ...errors },
      },
    },
    async (request) => searchInspections(db, request.actor!, request.query, ctx.now()),
  );

  app.get(
    '/inspections/:id',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary:
          '检查任务详情 One inspection: establishment, team, merged checklist, results, photos, rectification, leads',
        params: idParams,
        response: { 200: inspectionDetailSchema, ...errors },
      },
    },
    async (request) => inspectionDetail(db, request.actor!, request.params.id, ctx.now()),
  );

  app.post(
    '/inspections/:id/photos',
    {
      config: { permission: 'inspection.inspection.record' },
      bodyLimit: PHOTO_LIMIT,
      schema: {
        tags,
        summary: `上传照片 Upload a photo (JPEG or PNG, at most ${PHOTO_LIMIT / 1024 / 1024} MB) as the raw request body`,
        consumes: PHOTO_TYPES,
        params: idParams,
        body: z.unknown().meta({ description: 'The image bytes' }),
        response: { 201: photoSchema, 413: problemSchema, 415: problemSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new DomainError(
          'unsupported_media_type',
          '请以 JPEG 或 PNG 图片作为请求体上传',
          'Send the JPEG or PNG image as the request body',
        );
      }
      const photo = await uploadPhoto({
        ctx,
        actor: request.actor!,
        inspectionId: request.params.id,
        bytes: request.body,
      });
      return reply.status(201).send(photo);
    },
  );

  app.get(
    '/inspections/:id/photos/:photoId',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary: '照片 A photo of an inspection (?size=thumb for a 320-pixel JPEG thumbnail)',
        params: photoParams,
        querystring: imageSizeQuery,
        produces: ['image/jpeg', 'image/png'],
        response: { 200: z.any().meta({ description: 'The image' }), ...errors },
      },
    },
    async (request, reply) => {
      await inspectionDetail(db, request.actor!, request.params.id, ctx.now());
      const p = await queryOne<{ sha256: string; media_type: string }>(
        db,
        sql`SELECT sha256, media_type FROM inspection_photo WHERE id = ${request.params.photoId} AND inspection_id = ${request.params.id}`,
      );
      const bytes = p ? await readFile(ctx, p.sha256) : null;
      if (!p || !bytes) {
        throw new DomainError(
          'not_found',
          `照片 ${request.params.photoId} 不存在`,
          `No photo ${request.params.photoId}`,
        );
      }
      return sendImage(reply, request.log, {
        bytes,
        mediaType: p.media_type,
        sha256: p.sha256,
        size: request.query.size,
      });
    },
  );

  app.post(
    '/inspections/:id/complete',
    {
      config: { permission: 'inspection.inspection.record' },
      schema: {
        tags,
        summary:
          '录入检查结果 Record the visit: every item 符合/不符合/不适用 with notes and photos, the officers present (at least two) and the time; 不符合 orders rectification and/or passes a lead',
        params: idParams,
        body: completeInspectionSchema,
        response: { 200: inspectionDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      await completeInspection({ ctx, actor: request.actor!, id: request.params.id, form: request.body });
      return inspectionDetail(db, request.actor!, request.params.id, ctx.now());
    },
  );

  app.post(
    '/inspections/:id/replace',
    {
      config: { permission: 'inspection.campaign.manage' },
      schema: {
        tags,
        summary:
          '替换检查对象 Replace a target found closed by the next key of its stratum (logged in the draw record)',
        params: idParams,
        body: replaceSchema,
        response: {
          200: z
            .object({ replacementInspectionId: z.number().int().nullable() })
            .meta({ id: 'ReplaceTargetResult' }),
          ...writeErrors,
        },
      },
    },
    async (request) => ({
      replacementInspectionId: await replaceInspectionTarget({
        ctx,
        actor: request.actor!,
        inspectionId: request.params.id,
        input: request.body,
      }),
    }),
  );

  app.post(
    '/inspections/:id/publish',
    {
      config: { permission: 'inspection.result.publish' },
      schema: {
        tags,
        summary: '公示检查结果 Publish one completed result (personal data masked)',
        params: idParams,
        body: z.object({}).strict().meta({ id: 'PublishResult' }),
        response: { 200: inspectionDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      await publishResult({ ctx, actor: request.actor!, id: request.params.id });
      return inspectionDetail(db, request.actor!, request.params.id, ctx.now());
    },
  );
};
