import { MATERIAL_TYPES, REFORM_MODE_NAMES } from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.js';
import { legalToday } from './access.js';
import { permitInForce, permitNotFound, permitTypesInForce, permitVersions } from './catalogue.js';
import { MATERIAL_LIMIT } from './materials.js';
import { previewPermitVersion } from './preview-permit-version.js';
import { publishPermitVersion } from './publish-permit-version.js';
import {
  catalogueQuerySchema,
  catalogueSchema,
  codeParams,
  newPermitVersionSchema,
  permitVersionListSchema,
  permitVersionSchema,
} from './schemas/catalogue.js';
import { permitPreviewSchema } from './schemas/catalogue-admin.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['licensing'];

/** The permit catalogue: public (the portal shows it with its guides and model texts) and its versions. */
export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/public/permit-types',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '事项清单 The permit catalogue in force on a day (public)',
        querystring: catalogueQuerySchema,
        response: { 200: catalogueSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? legalToday(ctx);
      const versions = await permitTypesInForce(db, asOf);
      return {
        asOf,
        maxUploadBytes: MATERIAL_LIMIT,
        acceptedFileTypes: [...MATERIAL_TYPES],
        items: versions.map((v) => ({
          code: v.code,
          version: v.version,
          effectiveFrom: v.effectiveFrom,
          nameZh: v.definition.nameZh,
          nameEn: v.definition.nameEn,
          mode: v.definition.mode,
          modeNameZh: REFORM_MODE_NAMES[v.definition.mode].zh,
          level: v.definition.level,
          departmentCode: v.definition.departmentCode,
          statutoryLimitDays: v.definition.statutoryLimitDays,
          committedLimitDays: v.definition.committedLimitDays,
          replacedBy: v.definition.replacedBy,
          summaryZh: v.definition.guide.summaryZh,
          citation: v.definition.citation,
        })),
      };
    },
  );

  app.get(
    '/public/permit-types/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          '办事指南 One permit type in force: materials, conditions, limits, guide and model texts (public)',
        params: codeParams,
        querystring: catalogueQuerySchema,
        response: { 200: permitVersionSchema, ...errors },
      },
    },
    async (request) => permitInForce(db, request.params.code, request.query.asOf ?? legalToday(ctx)),
  );

  app.get(
    '/permit-types/:code/versions',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary: '事项版本 Every version of a permit type, oldest first',
        params: codeParams,
        response: { 200: permitVersionListSchema, ...errors },
      },
    },
    async (request) => {
      const items = await permitVersions(db, request.params.code);
      if (items.length === 0) throw permitNotFound(request.params.code);
      return { items };
    },
  );

  app.post(
    '/permit-types/:code/versions',
    {
      config: { permission: 'licensing.catalogue.manage' },
      schema: {
        tags,
        summary:
          '发布事项新版本 Publish a new version of a permit type (or the first of a new one) with its effective date (today or later; published versions never change; the administrator’s level and department)',
        params: codeParams,
        body: newPermitVersionSchema,
        response: { 201: permitVersionSchema, 422: problemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const saved = await publishPermitVersion({
        ctx,
        actor: request.actor!,
        code: request.params.code,
        input: { ...request.body, definition: { ...request.body.definition, code: request.params.code } },
      });
      return reply.status(201).send(saved);
    },
  );

  app.post(
    '/permit-types/:code/versions/preview',
    {
      config: { permission: 'licensing.catalogue.manage' },
      schema: {
        tags,
        summary:
          '修订预览 What a drafted version would change against the version in force, and what is wrong with it (writes nothing)',
        params: codeParams,
        body: newPermitVersionSchema,
        response: { 200: permitPreviewSchema, 422: problemSchema, ...errors },
      },
    },
    async (request) =>
      previewPermitVersion({
        ctx,
        actor: request.actor!,
        code: request.params.code,
        input: { ...request.body, definition: { ...request.body.definition, code: request.params.code } },
      }),
  );
};
