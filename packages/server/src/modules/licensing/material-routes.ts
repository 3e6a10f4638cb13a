import multipart from '@fastify/multipart';
import { DomainError } from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { loadApplication } from './application-record.js';
import {
  assertMaterialsEditable,
  deleteMaterial,
  MATERIAL_LIMIT,
  openMaterial,
  storeMaterial,
  tooLarge,
} from './materials.js';
import { idParams, materialParams, materialSchema } from './schemas/application.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['licensing'];

function attachment(name: string): string {
  return `attachment; filename="${encodeURIComponent(name).replace(/%/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Materials of an application: multipart upload (one file), download, removal. */
export const materialRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  await app.register(multipart, {
    limits: { fileSize: MATERIAL_LIMIT, files: 1, fields: 2, parts: 3, fieldSize: 1000 },
  });

  app.post(
    '/licensing/applications/:id/materials',
    {
      config: { permission: 'licensing.apply' },
      schema: {
        tags,
        summary:
          '上传申请材料 Upload one material: multipart/form-data with one file part (PDF, JPEG or PNG; 10 MB at most)',
        description:
          'The file type is recognised from its first bytes. 415 unsupported_media_type for anything but PDF, JPEG or PNG; 413 payload_too_large above the limit; 422 unknown_material, or materials_locked once submitted.',
        params: idParams,
        querystring: z.object({
          materialCode: z.string().min(1).max(50).meta({ description: 'Code of the required material' }),
        }),
        consumes: ['multipart/form-data'],
        response: {
          201: materialSchema,
          413: problemSchema,
          415: problemSchema,
          422: problemSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const application = await loadApplication(ctx.database.db, actor, request.params.id);
      await assertMaterialsEditable(ctx.database.db, actor, application, request.query.materialCode);
      if (!request.isMultipart()) {
        throw new DomainError(
          'unsupported_media_type',
          '请以 multipart/form-data 上传一个文件',
          'Upload one file as multipart/form-data',
        );
      }
      let part: Awaited<ReturnType<typeof request.file>>;
      try {
        part = await request.file();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw e;
      }
      if (!part) {
        throw new DomainError('file_missing', '请求中没有文件', 'The request carries no file', {
          errors: [{ path: 'file', code: 'required', messageZh: '请选择文件', messageEn: 'Choose a file' }],
        });
      }
      const stored = await storeMaterial({
        ctx,
        actor,
        applicationId: request.params.id,
        materialCode: request.query.materialCode,
        fileName: part.filename,
        stream: part.file,
        truncated: () => part.file.truncated,
      });
      return reply.status(201).send(stored);
    },
  );

  app.get(
    '/licensing/applications/:id/materials/:materialId',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary: '下载申请材料 Download one material',
        params: materialParams,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 200: z.any().meta({ description: 'The file' }), ...errors },
      },
    },
    async (request, reply) => {
      const { material, stream } = await openMaterial({
        ctx,
        actor: request.actor!,
        applicationId: request.params.id,
        materialId: request.params.materialId,
      });
      reply.header('content-disposition', attachment(material.fileName));
      reply.header('cache-control', 'private, no-store');
      return reply.type(material.contentType).send(stream);
    },
  );

  app.delete(
    '/licensing/applications/:id/materials/:materialId',
    {
      config: { permission: 'licensing.apply' },
      schema: {
        tags,
        summary: '删除申请材料 Remove a material before submission (or while correcting)',
        params: materialParams,
        response: { 204: z.null().meta({ description: 'Removed' }), 422: problemSchema, ...errors },
      },
    },
    async (request, reply) => {
      await deleteMaterial({
        ctx,
        actor: request.actor!,
        applicationId: request.params.id,
        materialId: request.params.materialId,
      });
      return reply.status(204).send(null);
    },
  );
};
