import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboardRoutes } from './dashboard-routes.js';
import { gridRoutes } from './grid-routes.js';
import { reportRoutes } from './report-routes.js';

/** Oversight (issue 10): the dashboard, reports and grids; reads the other modules only through views and their query functions. */
export const oversightRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(dashboardRoutes);
  await app.register(reportRoutes);
  await app.register(gridRoutes);
};
