import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../http/problem.js';
import { createRole } from './create-role.js';
import { deleteRole } from './delete-role.js';
import { permissionCatalogue } from './permission-catalogue.js';
import { getRole, listRoles } from './queries.js';
import {
  createRoleBodySchema,
  permissionListSchema,
  roleListSchema,
  roleParamsSchema,
  roleSchema,
  updateRoleBodySchema,
} from './schemas.js';
import { updateRole } from './update-role.js';

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

/** Roles (sets of declared permissions) and the permission catalogue. */
export const roleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['identity: roles'];

  app.get(
    '/permissions',
    {
      config: { permission: 'identity.user.read' },
      schema: {
        tags,
        summary: '权限目录 The permissions declared in code, with their labels',
        response: { 200: permissionListSchema, ...problems },
      },
    },
    async () => ({ items: permissionCatalogue() }),
  );

  app.get(
    '/roles',
    {
      config: { permission: 'identity.user.read' },
      schema: {
        tags,
        summary: '角色列表 Roles with their permissions and how many users in your scope hold them',
        response: { 200: roleListSchema, ...problems },
      },
    },
    async (request) => ({ items: await listRoles(ctx.database.db, request.actor!) }),
  );

  app.get(
    '/roles/:code',
    {
      config: { permission: 'identity.user.read' },
      schema: {
        tags,
        summary: '角色详情 One role',
        params: roleParamsSchema,
        response: { 200: roleSchema, ...problems },
      },
    },
    async (request) => getRole(ctx.database.db, request.actor!, request.params.code),
  );

  app.post(
    '/roles',
    {
      config: { permission: 'identity.role.manage' },
      schema: {
        tags,
        summary: '新建角色 Create a custom role',
        body: createRoleBodySchema,
        response: { 201: roleSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createRole({ ctx, actor: request.actor!, input: request.body })),
  );

  app.patch(
    '/roles/:code',
    {
      config: { permission: 'identity.role.manage' },
      schema: {
        tags,
        summary: '修改角色 Edit names, description or permissions (the complete new set)',
        params: roleParamsSchema,
        body: updateRoleBodySchema,
        response: { 200: roleSchema, ...problems },
      },
    },
    async (request) =>
      updateRole({ ctx, actor: request.actor!, code: request.params.code, input: request.body }),
  );

  app.delete(
    '/roles/:code',
    {
      config: { permission: 'identity.role.manage' },
      schema: {
        tags,
        summary: '删除角色 Delete a custom role no user holds',
        params: roleParamsSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await deleteRole({ ctx, actor: request.actor!, code: request.params.code });
      return reply.status(204).send(null);
    },
  );
};
