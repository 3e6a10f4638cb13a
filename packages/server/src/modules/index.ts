import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './audit/routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { creditRoutes } from './credit/routes.js';
import { disclosureRoutes } from './disclosure/routes.js';
import { enforcementRoutes } from './enforcement/routes.js';
import { apiKeyRoutes } from './identity/api-keys/routes.js';
import { registerAuthHook } from './identity/auth-hook.js';
import { authRoutes } from './identity/auth-routes.js';
import { roleRoutes } from './identity/roles/routes.js';
import { unitRoutes } from './identity/units/routes.js';
import { userRoutes } from './identity/users/routes.js';
import { inspectionModuleRoutes } from './inspection/routes.js';
import { licensingRoutes } from './licensing/routes.js';
import { oversightRoutes } from './oversight/routes.js';
import { regionRoutes } from './regions/routes.js';
import { registryRoutes } from './registry/routes.js';
import { systemRoutes } from './system/routes.js';

/** Every bounded context registers its routes here, under /api/v1. */
export async function registerModules(api: FastifyInstance): Promise<void> {
  registerAuthHook(api);
  await api.register(systemRoutes);
  await api.register(authRoutes);
  await api.register(calendarRoutes);
  await api.register(regionRoutes);
  await api.register(userRoutes);
  await api.register(roleRoutes);
  await api.register(unitRoutes);
  await api.register(apiKeyRoutes);
  await api.register(auditRoutes);
  await api.register(registryRoutes);
  await api.register(licensingRoutes);
  await api.register(inspectionModuleRoutes);
  await api.register(enforcementRoutes);
  await api.register(creditRoutes);
  await api.register(disclosureRoutes);
  await api.register(oversightRoutes);
}
