import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { registerOpenTaskCheck } from '../identity/users/open-task-checks.js';
import { caseRoutes } from './case-routes.js';
import { complaintRoutes } from './complaint-routes.js';
import { followUpRoutes } from './follow-up-routes.js';
import { leadRoutes } from './lead-routes.js';
import { enforcementOpenTasks } from './open-task-check.js';
import { publicEnforcementRoutes } from './public-routes.js';
import { referralRoutes } from './referral-routes.js';
import './subscriptions.js';

/**
 * Complaints and enforcement (issue 8): complaints routed by the responsibility map, leads, penalty
 * cases under 行政处罚法 with the enforcement record, documents, publications, referrals and
 * re-inspections. Reacts to inspection.lead.raised and credit.alert.raised (subscriptions.ts).
 */
export const enforcementRoutes: FastifyPluginAsyncZod = async (app) => {
  registerOpenTaskCheck(enforcementOpenTasks);
  await app.register(publicEnforcementRoutes);
  await app.register(complaintRoutes);
  await app.register(leadRoutes);
  await app.register(caseRoutes);
  await app.register(referralRoutes);
  await app.register(followUpRoutes);
};
