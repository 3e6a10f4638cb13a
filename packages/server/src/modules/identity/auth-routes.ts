import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { loadActor } from './actor.js';
import { unauthenticated } from './auth-hook.js';
import { changePassword } from './change-password.js';
import { presentCurrentUser } from './present.js';
import { currentUserSchema, signInBodySchema } from './schemas.js';
import { beginSecondFactorSetup, confirmSecondFactor } from './second-factor.js';
import { CSRF_COOKIE, SESSION_COOKIE } from './sessions.js';
import { signIn } from './sign-in.js';
import { signOut } from './sign-out.js';

function secureCookies(request: FastifyRequest, mode: 'auto' | 'true' | 'false'): boolean {
  return mode === 'true' || (mode === 'auto' && request.protocol === 'https');
}

/**
 * Browser-session cookies (no Expires): they end when the browser closes, and the server enforces
 * the idle and absolute expiry itself, so a client's wrong clock cannot shorten or extend a session.
 */
function setSessionCookies(reply: FastifyReply, secure: boolean, token: string, csrf: string) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  // Readable by the page, which echoes it in x-csrf-token (double submit, checked against the session).
  reply.setCookie(CSRF_COOKIE, csrf, { path: '/', httpOnly: false, sameSite: 'strict', secure });
}

function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const errors = {
    400: problemSchema,
    401: problemSchema,
    403: problemSchema,
    423: problemSchema,
    429: problemSchema,
  };

  app.post(
    '/auth/sign-in',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: '登录 Sign in with username, password and (if enrolled) a TOTP code',
        body: signInBodySchema,
        response: { 200: z.object({ user: currentUserSchema }), ...errors },
      },
    },
    async (request, reply) => {
      const now = ctx.now();
      const { userId, session } = await signIn(
        ctx.database,
        ctx.secrets,
        {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
        },
        now,
      );
      const actor = await loadActor(ctx.database.db, userId, {
        sessionId: null,
        ip: request.ip,
        requestId: request.id,
      });
      if (!actor) throw unauthenticated();
      setSessionCookies(
        reply,
        secureCookies(request, ctx.config.cookieSecure),
        session.token,
        session.csrfToken,
      );
      return { user: presentCurrentUser(actor) };
    },
  );

  app.get(
    '/auth/me',
    {
      config: { onboarding: true },
      schema: {
        tags: ['identity'],
        summary: '当前用户 The signed-in user',
        response: { 200: z.object({ user: currentUserSchema }), ...errors },
      },
    },
    async (request) => ({ user: presentCurrentUser(request.actor!) }),
  );

  app.post(
    '/auth/sign-out',
    {
      config: { onboarding: true },
      schema: {
        tags: ['identity'],
        summary: '退出登录 Sign out of this session',
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await signOut(ctx.database, request.actor!, 'this', ctx.now());
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/sign-out-everywhere',
    {
      config: { onboarding: true },
      schema: {
        tags: ['identity'],
        summary: '退出所有设备 Sign out of every session',
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await signOut(ctx.database, request.actor!, 'everywhere', ctx.now());
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password',
    {
      config: { onboarding: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: '修改密码 Change your own password (ends your other sessions)',
        body: z.object({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(1).max(200),
        }),
        response: { 204: z.null(), 422: problemSchema, ...errors },
      },
    },
    async (request, reply) => {
      await changePassword(ctx.database, request.actor!, request.body, ctx.now());
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/second-factor/setup',
    {
      config: { onboarding: true },
      schema: {
        tags: ['identity'],
        summary: '开始绑定动态口令 Start setting up the TOTP second factor (RFC 6238)',
        response: {
          200: z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() }),
          422: problemSchema,
          ...errors,
        },
      },
    },
    async (request) => beginSecondFactorSetup(ctx.database, ctx.secrets, request.actor!, ctx.now()),
  );

  app.post(
    '/auth/second-factor/confirm',
    {
      config: { onboarding: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: '确认动态口令 Confirm the second factor with a code; from then on it is required at sign-in',
        body: z.object({ code: z.string().regex(/^\d{6}$/) }),
        response: { 204: z.null(), 422: problemSchema, ...errors },
      },
    },
    async (request, reply) => {
      await confirmSecondFactor(ctx.database, ctx.secrets, request.actor!, request.body.code, ctx.now());
      return reply.status(204).send(null);
    },
  );
};
