import { DomainError } from '@weijian/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, loadActor } from './actor.js';
import { authenticateApiKey } from './api-keys/authenticate-api-key.js';
import type { Permission } from './permissions.js';
import { resolveSession, SESSION_COOKIE } from './sessions.js';

/**
 * Authentication and authorization, declared per route and checked before validation and before
 * the use case runs:
 *   config: { access: 'public' }                  anyone
 *   config: { access: 'signed-in' }               any signed-in user (the default)
 *   config: { permission: 'identity.user.manage' } users whose roles grant it
 * State-changing requests on a session must carry the session's CSRF token in x-csrf-token.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    access?: 'public' | 'signed-in';
    permission?: Permission;
    /**
     * Reachable while the user still has to change the password or (administrators) enrol the
     * required second factor: sign-out, /auth/me and those two steps.
     */
    onboarding?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Administrators must use a second factor (identity issue; 等保 2.0 8.1.4.1 d 双因素). */
export function secondFactorRequired(actor: Actor): boolean {
  return (
    actor.roles.some((r) => r.code === 'admin') ||
    actor.permissions.has('identity.user.manage') ||
    actor.permissions.has('identity.role.manage')
  );
}

export const unauthenticated = () =>
  new DomainError('unauthenticated', '请先登录。', 'Please sign in first.');

/** How the request was authenticated: a session cookie, an API key (no cookie, so no CSRF), or not at all. */
async function authenticate(
  app: FastifyInstance,
  request: FastifyRequest,
): Promise<'session' | 'api-key' | undefined> {
  const { database, now } = app.ctx;
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const actor = await authenticateApiKey(
      database.db,
      authorization.slice('Bearer '.length).trim(),
      { ip: request.ip, requestId: request.id },
      now(),
    );
    if (!actor) {
      if (request.routeOptions.config.access === 'public') return undefined;
      throw new DomainError(
        'invalid_api_key',
        '接口密钥无效或已吊销。',
        'The API key is not valid or has been revoked.',
      );
    }
    request.actor = actor;
    return 'api-key';
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return undefined;
  const session = await resolveSession(database.db, token, now());
  if (session.status !== 'valid') {
    if (request.routeOptions.config.access === 'public') return;
    throw new DomainError(
      'session_expired',
      '登录已过期，请重新登录。',
      'Your session has expired; please sign in again.',
    );
  }
  const actor = await loadActor(database.db, session.userId, {
    sessionId: session.sessionId,
    ip: request.ip,
    requestId: request.id,
  });
  if (!actor) return undefined;
  request.actor = actor;
  request.csrfToken = session.csrfToken;
  return 'session';
}

export function registerAuthHook(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    const via = await authenticate(app, request);
    const config = request.routeOptions.config;
    if (config.access === 'public') return;
    const actor = request.actor;
    if (!actor) throw unauthenticated();
    if (via === 'api-key' && !config.permission) {
      // Keys are for the machine endpoints a permission guards, never for a person's own account.
      throw new DomainError(
        'api_key_not_allowed',
        '此接口不接受接口密钥，请登录后操作。',
        'This endpoint does not accept API keys; sign in instead.',
      );
    }
    if (
      UNSAFE.has(request.method) &&
      request.csrfToken !== null &&
      request.headers['x-csrf-token'] !== request.csrfToken
    ) {
      throw new DomainError(
        'csrf_failed',
        '请求缺少有效的防伪令牌（CSRF），请刷新页面后重试。',
        'The request lacks a valid CSRF token; reload the page and try again.',
      );
    }
    if (!config.onboarding && actor.mustChangePassword) {
      throw new DomainError(
        'password_change_required',
        '密码已被管理员重置，请先修改密码。',
        'Your password was reset by an administrator; change it before continuing.',
      );
    }
    if (!config.onboarding && !actor.secondFactorEnabled && secondFactorRequired(actor)) {
      throw new DomainError(
        'second_factor_setup_required',
        '管理员须先绑定动态口令（双因素认证）才能继续操作。',
        'Administrators must set up a second factor (authenticator app) before continuing.',
      );
    }
    if (config.permission && !actor.permissions.has(config.permission)) {
      throw new DomainError(
        'forbidden',
        '您没有执行此操作的权限。',
        'You do not have permission to do this.',
        {
          permission: config.permission,
        },
      );
    }
  });
}
