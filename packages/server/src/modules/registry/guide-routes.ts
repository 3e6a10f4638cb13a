import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { currentGuides, guideVersion, guideVersions, responsibilityMap } from './guide-queries.js';
import {
  complianceGuideSchema,
  complianceGuideWithVersionsSchema,
  kindParams,
  kindVersionParams,
  responsibilityMapSchema,
  saveGuideSchema,
  saveResponsibilityMapSchema,
} from './guide-schemas.js';
import { saveComplianceGuide } from './save-compliance-guide.js';
import { saveResponsibilityMap } from './save-responsibility-map.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { 409: problemSchema, 422: problemSchema, ...errors };
const tags = ['registry'];

/** Compliance guides and the responsibility map: platform-wide policy data, versioned. */
export const guideRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/compliance-guides',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: '合规指引 The current compliance guide of every establishment kind',
        response: { 200: z.object({ items: z.array(complianceGuideSchema) }), ...errors },
      },
    },
    async () => ({ items: await currentGuides(db) }),
  );

  app.get(
    '/compliance-guides/:kind',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: '合规指引 The current guide of a kind, with its version list',
        params: kindParams,
        response: { 200: complianceGuideWithVersionsSchema, ...errors },
      },
    },
    async (request) => ({
      ...(await guideVersion(db, request.params.kind, null)),
      versions: await guideVersions(db, request.params.kind),
    }),
  );

  app.get(
    '/compliance-guides/:kind/versions/:version',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: '合规指引历史版本 One earlier version of a guide',
        params: kindVersionParams,
        response: { 200: complianceGuideSchema, ...errors },
      },
    },
    async (request) => guideVersion(db, request.params.kind, request.params.version),
  );

  app.put(
    '/compliance-guides/:kind',
    {
      config: { permission: 'registry.guide.manage' },
      schema: {
        tags,
        summary: '修改合规指引 Save a new version of a guide (administrators)',
        params: kindParams,
        body: saveGuideSchema,
        response: { 200: complianceGuideWithVersionsSchema, ...writeErrors },
      },
    },
    async (request) => {
      const { kind } = request.params;
      await saveComplianceGuide({ ctx, actor: request.actor!, kind, input: request.body });
      return { ...(await guideVersion(db, kind, null)), versions: await guideVersions(db, kind) };
    },
  );

  app.get(
    '/responsibility-map',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: '职责分工 Each department’s duties (seed 002 annex 3), current version and version list',
        response: { 200: responsibilityMapSchema, ...errors },
      },
    },
    async () => responsibilityMap(db),
  );

  app.put(
    '/responsibility-map',
    {
      config: { permission: 'registry.guide.manage' },
      schema: {
        tags,
        summary: '修改职责分工 Save a new version of the responsibility map (administrators)',
        body: saveResponsibilityMapSchema,
        response: { 200: responsibilityMapSchema, ...writeErrors },
      },
    },
    async (request) => {
      await saveResponsibilityMap({ ctx, actor: request.actor!, input: request.body });
      return responsibilityMap(db);
    },
  );
};
