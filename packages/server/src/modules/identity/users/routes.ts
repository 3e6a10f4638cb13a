import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../http/problem.js';
import { createUser } from './create-user.js';
import { disableUser } from './disable-user.js';
import { enableUser } from './enable-user.js';
import { getUser, listUsers, presentUser } from './queries.js';
import { readUserSensitive } from './read-sensitive.js';
import { resetPassword } from './reset-password.js';
import { resetSecondFactor } from './reset-second-factor.js';
import {
  createUserBodySchema,
  updateUserBodySchema,
  userIdParamsSchema,
  userListQuerySchema,
  userListSchema,
  userSchema,
  userSensitiveSchema,
  userWithPasswordSchema,
} from './schemas.js';
import { unlockUser } from './unlock-user.js';
import { updateUser } from './update-user.js';

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

/** User administration: thin routes over one use case each. Scope is enforced in every query. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['identity: users'];

  app.get(
    '/users',
    {
      config: { permission: 'identity.user.read' },
      schema: {
        tags,
        summary: '用户列表 Users in your scope (phone and ID number masked)',
        querystring: userListQuerySchema,
        response: { 200: userListSchema, ...problems },
      },
    },
    async (request) => {
      const { rows, total } = await listUsers(ctx.database.db, request.actor!, request.query);
      const at = ctx.now();
      return { items: rows.map((r) => presentUser(r, ctx.secrets, at)), total };
    },
  );

  app.get(
    '/users/:id',
    {
      config: { permission: 'identity.user.read' },
      schema: {
        tags,
        summary: '用户详情 One user (phone and ID number masked)',
        params: userIdParamsSchema,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) =>
      presentUser(await getUser(ctx.database.db, request.actor!, request.params.id), ctx.secrets, ctx.now()),
  );

  app.get(
    '/users/:id/sensitive',
    {
      // Audited, and limited: full personal data is looked up one person at a time, not harvested.
      config: {
        permission: 'identity.person.read-sensitive',
        rateLimit: { max: 30, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: '查看完整个人信息 Full phone and ID number (the read is recorded in the audit trail)',
        params: userIdParamsSchema,
        response: { 200: userSensitiveSchema, ...problems },
      },
    },
    async (request) => readUserSensitive({ ctx, actor: request.actor!, userId: request.params.id }),
  );

  app.post(
    '/users',
    {
      config: { permission: 'identity.user.manage' },
      schema: {
        tags,
        summary: '新建用户 Create a staff user; the one-time password is in the response, once',
        body: createUserBodySchema,
        response: { 201: userWithPasswordSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { user, oneTimePassword } = await createUser({ ctx, actor: request.actor!, input: request.body });
      return reply.status(201).send({ user, oneTimePassword });
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { permission: 'identity.user.manage' },
      schema: {
        tags,
        summary: '修改用户 Edit name, unit (move), roles, phone or ID number',
        params: userIdParamsSchema,
        body: updateUserBodySchema,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) =>
      updateUser({ ctx, actor: request.actor!, userId: request.params.id, input: request.body }),
  );

  const action = (path: string, summary: string, run: typeof disableUser) =>
    app.post(
      `/users/:id/${path}`,
      {
        config: { permission: 'identity.user.manage' },
        schema: { tags, summary, params: userIdParamsSchema, response: { 200: userSchema, ...problems } },
      },
      async (request) => run({ ctx, actor: request.actor!, userId: request.params.id }),
    );
  action('disable', '停用用户 Disable an account (ends its sessions)', disableUser);
  action('enable', '启用用户 Enable a disabled account', enableUser);
  action(
    'reset-second-factor',
    '重置动态口令 Clear the second factor; the user enrols again',
    resetSecondFactor,
  );
  action('unlock', '解除锁定 Lift a lock-out after failed sign-ins', unlockUser);

  app.post(
    '/users/:id/reset-password',
    {
      config: { permission: 'identity.user.manage' },
      schema: {
        tags,
        summary: '重置密码 New one-time password (shown once); sessions end; must be changed at sign-in',
        params: userIdParamsSchema,
        response: { 200: userWithPasswordSchema, ...problems },
      },
    },
    async (request) => resetPassword({ ctx, actor: request.actor!, userId: request.params.id }),
  );
};
