import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.js';
import { stratumOf } from '../credit/queries.js';
import { registerOpenTaskCheck } from '../identity/users/open-task-checks.js';
import { campaignRoutes } from './campaign-routes.js';
import { editorRoutes } from './editor-routes.js';
import { figuresQuerySchema, figuresSchema, inspectionFigures } from './figures.js';
import { inspectionRoutes } from './inspection-routes.js';
import { registerLevelSource } from './levels.js';
import { openInspectionTasks } from './open-task-check.js';
import { publicInspectionRoutes } from './public-routes.js';
import { referenceRoutes } from './reference-routes.js';
import { rosterRoutes } from './roster-routes.js';

/**
 * Random inspections (双随机、一公开): "一表两清单" (checklists, item list, responsibility list),
 * "两库" (the registry's establishments as the target pool, the inspector roster), campaigns with
 * the verifiable draw, inspections in the field, publication and figures.
 */
export const inspectionModuleRoutes: FastifyPluginAsyncZod = async (app) => {
  registerOpenTaskCheck(openInspectionTasks);
  // Strata by the credit module's risk and credit levels (kind × risk × credit).
  registerLevelSource(stratumOf);
  await app.register(referenceRoutes);
  await app.register(rosterRoutes);
  await app.register(editorRoutes);
  await app.register(campaignRoutes);
  await app.register(inspectionRoutes);
  await app.register(publicInspectionRoutes);
  app.get(
    '/inspection-figures',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags: ['inspection'],
        summary:
          '抽查统计 Coverage by kind and region against the year’s target, findings rate per item, workloads, overdue tasks',
        querystring: figuresQuerySchema,
        response: { 200: figuresSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => inspectionFigures(app.ctx.database.db, request.actor!, request.query, app.ctx.now()),
  );
};
