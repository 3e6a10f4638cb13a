import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { alertRoutes } from './alert-routes.js';
import { blacklistRoutes } from './blacklist-routes.js';
import { creditFileRoutes } from './file-routes.js';
import { monitoringRoutes } from './monitoring-routes.js';
import { ownCreditRoutes } from './own-routes.js';
import { proposalRoutes } from './proposal-routes.js';
import { ruleRoutes } from './rule-routes.js';
import './subscribers.js';
import './on-registry-import.js';

/**
 * Credit and risk (issue 7): credit files, demerit points, credit levels, the blacklist, risk scores
 * with their parts, supervision modes and overrides, quantitative grading, monitoring data and
 * warnings. It reacts to the other modules' events (subscribers.ts) and tells them through its own.
 */
export const creditRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(creditFileRoutes);
  await app.register(blacklistRoutes);
  await app.register(proposalRoutes);
  await app.register(monitoringRoutes);
  await app.register(alertRoutes);
  await app.register(ruleRoutes);
  await app.register(ownCreditRoutes);
};
