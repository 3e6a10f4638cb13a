import multipart from '@fastify/multipart';
import { DomainError } from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { imageSizeQuery, sendImage } from '../../files/image-reply.js';
import { problemSchema } from '../../http/problem.js';
import { gridEstablishments } from './grid-establishments.js';
import {
  createdSchema,
  fieldPatrolSchema,
  gridEstablishmentQuery,
  gridEstablishmentsSchema,
  idParams,
  patrolPhotoSchema,
  photoParams,
} from './grid-schemas.js';
import { openPatrolPhoto, PATROL_PHOTO_LIMIT, photoTooLarge, uploadPatrolPhoto } from './patrol-photos.js';
import { recordFieldPatrol } from './patrol-records.js';

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};
const tags = ['oversight'];

/** Patrols in the field: the place picker, photo upload and display, and the record made on the spot. */
export const patrolPhotoRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  await app.register(multipart, {
    limits: { fileSize: PATROL_PHOTO_LIMIT, files: 1, fields: 0, parts: 1 },
  });

  app.get(
    '/oversight/grids/:id/establishments',
    {
      config: { permission: 'oversight.read' },
      schema: {
        tags,
        summary: '网格内监管对象 Establishments in the grid’s areas matching ?q (the patrol form’s place)',
        params: idParams,
        querystring: gridEstablishmentQuery,
        response: { 200: gridEstablishmentsSchema, ...errors },
      },
    },
    async (request) =>
      gridEstablishments(ctx.database.db, request.actor!, request.params.id, request.query.q),
  );

  app.post(
    '/oversight/patrol-photos',
    {
      config: { permission: 'oversight.grid.manage' },
      schema: {
        tags,
        summary: `上传巡查照片 Upload one patrol photo: multipart/form-data, one file part (JPEG or PNG; ${PATROL_PHOTO_LIMIT / 1024 / 1024} MB at most)`,
        description:
          'The type is recognised from the first bytes. The answer’s sha256 goes into the record’s photos. 415 unsupported_media_type, 413 payload_too_large.',
        consumes: ['multipart/form-data'],
        response: { 201: patrolPhotoSchema, 413: problemSchema, 415: problemSchema, ...errors },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new DomainError(
          'unsupported_media_type',
          '请以 multipart/form-data 上传一张照片',
          'Upload one photo as multipart/form-data',
        );
      }
      let part: Awaited<ReturnType<typeof request.file>>;
      try {
        part = await request.file();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw photoTooLarge();
        throw e;
      }
      if (!part) {
        throw new DomainError('file_missing', '请求中没有照片', 'The request carries no photo', {
          errors: [{ path: 'file', code: 'required', messageZh: '请选择照片', messageEn: 'Choose a photo' }],
        });
      }
      const photo = await uploadPatrolPhoto({
        ctx,
        actor: request.actor!,
        stream: part.file,
        truncated: () => part.file.truncated,
      });
      return reply.status(201).send(photo);
    },
  );

  app.post(
    '/oversight/grids/:id/patrol-records',
    {
      config: { permission: 'oversight.grid.manage' },
      schema: {
        tags,
        summary:
          '记录现场巡查 Record a patrol done on the spot: the establishment or an address, the time, findings and uploaded photos',
        params: idParams,
        body: fieldPatrolSchema,
        response: { 201: createdSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        id: await recordFieldPatrol({
          ctx,
          actor: request.actor!,
          gridId: request.params.id,
          input: request.body,
        }),
      }),
  );

  app.get(
    '/oversight/patrols/:id/photos/:sha256',
    {
      config: { permission: 'oversight.read' },
      schema: {
        tags,
        summary: '巡查照片 A photo of a patrol record (?size=thumb for a 320-pixel JPEG thumbnail)',
        params: photoParams,
        querystring: imageSizeQuery,
        produces: ['image/jpeg', 'image/png'],
        response: { 200: z.any().meta({ description: 'The image' }), ...errors },
      },
    },
    async (request, reply) => {
      const { bytes, mediaType } = await openPatrolPhoto({
        ctx,
        actor: request.actor!,
        patrolId: request.params.id,
        sha256: request.params.sha256,
      });
      return sendImage(reply, request.log, {
        bytes,
        mediaType,
        sha256: request.params.sha256,
        size: request.query.size,
      });
    },
  );
};
