import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { registerOpenTaskCheck } from '../identity/users/open-task-checks.js';
import { applicationRoutes } from './application-routes.js';
import { catalogueRoutes } from './catalogue-routes.js';
import { draftRoutes } from './draft-routes.js';
import { licenseRoutes } from './license-routes.js';
import { materialRoutes } from './material-routes.js';
import { licensingOpenTasks } from './open-task-check.js';
import { permitReportRoutes } from './permit-report-routes.js';
import { reportRoutes } from './report-routes.js';

/** Licensing (证照分离): catalogue, applications in four modes, licences, verification, revalidation, reports. */
export const licensingRoutes: FastifyPluginAsyncZod = async (app) => {
  registerOpenTaskCheck(licensingOpenTasks);
  await app.register(catalogueRoutes);
  await app.register(draftRoutes);
  await app.register(applicationRoutes);
  await app.register(materialRoutes);
  await app.register(licenseRoutes);
  await app.register(reportRoutes);
  await app.register(permitReportRoutes);
};
