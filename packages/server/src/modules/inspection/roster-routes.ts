import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.js';
import { addConflict, endConflict } from './add-conflict.js';
import { createInspector } from './create-inspector.js';
import { idParams } from './reference-schemas.js';
import { inspectorDetail, searchInspectors } from './roster-queries.js';
import {
  conflictInputSchema,
  conflictParams,
  endConflictSchema,
  inspectorDetailSchema,
  inspectorInputSchema,
  inspectorListQuerySchema,
  inspectorPageSchema,
  inspectorPatchSchema,
} from './roster-schemas.js';
import { updateInspector } from './update-inspector.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { 409: problemSchema, 422: problemSchema, ...errors };
const tags = ['inspection'];

/** 执法人员名录库: the inspector roster and its conflict-of-interest links. */
export const rosterRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/inspectors',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary: '执法人员名录 The roster (officers of the actor’s region and department)',
        querystring: inspectorListQuerySchema,
        response: { 200: inspectorPageSchema, ...errors },
      },
    },
    async (request) => searchInspectors(db, request.actor!, request.query),
  );

  app.post(
    '/inspectors',
    {
      config: { permission: 'inspection.roster.manage' },
      schema: {
        tags,
        summary: '登记执法人员 Add an officer to the roster',
        body: inspectorInputSchema,
        response: { 201: inspectorDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await createInspector({ ctx, actor: request.actor!, input: request.body });
      return reply.status(201).send(await inspectorDetail(db, request.actor!, id));
    },
  );

  app.get(
    '/inspectors/:id',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary: '执法人员 One officer with the conflict links',
        params: idParams,
        response: { 200: inspectorDetailSchema, ...errors },
      },
    },
    async (request) => inspectorDetail(db, request.actor!, request.params.id),
  );

  app.patch(
    '/inspectors/:id',
    {
      config: { permission: 'inspection.roster.manage' },
      schema: {
        tags,
        summary: '修改执法人员 Change an officer (availability, specialties, unit, account)',
        params: idParams,
        body: inspectorPatchSchema,
        response: { 200: inspectorDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      await updateInspector({ ctx, actor: request.actor!, id: request.params.id, patch: request.body });
      return inspectorDetail(db, request.actor!, request.params.id);
    },
  );

  app.post(
    '/inspectors/:id/conflicts',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary:
          '登记回避 Record a conflict of interest: supervisors (inspection.roster.manage) for any officer in scope, officers (inspection.conflict.declare) for themselves',
        params: idParams,
        body: conflictInputSchema,
        response: { 201: inspectorDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      await addConflict({ ctx, actor: request.actor!, inspectorId: request.params.id, input: request.body });
      return reply.status(201).send(await inspectorDetail(db, request.actor!, request.params.id));
    },
  );

  app.post(
    '/inspectors/:id/conflicts/:conflictId/end',
    {
      config: { permission: 'inspection.roster.manage' },
      schema: {
        tags,
        summary: '结束回避 End a conflict link (kept in the history)',
        params: conflictParams,
        body: endConflictSchema,
        response: { 200: inspectorDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      await endConflict({
        ctx,
        actor: request.actor!,
        inspectorId: request.params.id,
        conflictId: request.params.conflictId,
        reason: request.body.reason,
      });
      return inspectorDetail(db, request.actor!, request.params.id);
    },
  );
};
