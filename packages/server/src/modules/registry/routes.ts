import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { establishmentRoutes } from './establishment-routes.js';
import { guideRoutes } from './guide-routes.js';
import { importRoutes } from './import-routes.js';
// Licences held: the registry's subscriber to licensing.license.* events.
import './license-holdings.js';
import { practitionerImportRoutes } from './practitioner-import-routes.js';
import { practitionerRoutes } from './practitioner-routes.js';
import { referenceRoutes } from './reference-routes.js';

/** The registry (监管对象名录库): establishments, practitioners, imports and exports, compliance guides. */
export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(establishmentRoutes);
  await app.register(importRoutes);
  await app.register(referenceRoutes);
  await app.register(practitionerImportRoutes);
  await app.register(practitionerRoutes);
  await app.register(guideRoutes);
};
