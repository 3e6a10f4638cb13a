import { createHash, randomBytes } from 'node:crypto';
import { SECURITY_POLICY } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';

/**
 * Sessions live in the database (any server process can serve any request). The cookie holds a
 * random token; only its SHA-256 is stored, so a copy of the table cannot be replayed.
 */
export const SESSION_COOKIE = 'wj_session';
export const CSRF_COOKIE = 'wj_csrf';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Executor,
  userId: number,
  at: Date,
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('hex');
  const expiresAt = new Date(at.getTime() + SECURITY_POLICY.sessionAbsoluteHours * 3600_000);
  await db.execute(sql`
    INSERT INTO user_session (id, user_id, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent)
    VALUES (${sha256(token)}, ${userId}, ${csrfToken}, ${at.toISOString()}, ${at.toISOString()}, ${expiresAt.toISOString()},
            ${client.ip}, ${client.userAgent?.slice(0, 300) ?? null})`);
  return { token, csrfToken, expiresAt };
}

export type SessionLookup =
  | { status: 'valid'; sessionId: string; userId: number; csrfToken: string }
  | { status: 'expired' | 'unknown' };

/** Resolves a cookie token; a live session's idle clock restarts. */
export async function resolveSession(db: Executor, token: string, at: Date): Promise<SessionLookup> {
  const id = sha256(token);
  const s = await queryOne<{
    user_id: number;
    csrf_token: string;
    last_seen_at: string | Date;
    expires_at: string | Date;
    revoked_at: unknown;
  }>(
    db,
    sql`SELECT user_id, csrf_token, last_seen_at, expires_at, revoked_at FROM user_session WHERE id = ${id}`,
  );
  if (!s) return { status: 'unknown' };
  const idleLimit = new Date(s.last_seen_at).getTime() + SECURITY_POLICY.sessionIdleMinutes * 60_000;
  if (s.revoked_at || at.getTime() >= new Date(s.expires_at).getTime() || at.getTime() >= idleLimit) {
    return { status: 'expired' };
  }
  // Touch at most once a minute: a page load makes several requests.
  if (at.getTime() - new Date(s.last_seen_at).getTime() > 60_000) {
    await db.execute(sql`UPDATE user_session SET last_seen_at = ${at.toISOString()} WHERE id = ${id}`);
  }
  return { status: 'valid', sessionId: id, userId: s.user_id, csrfToken: s.csrf_token };
}

export async function revokeSession(db: Executor, sessionId: string, at: Date): Promise<void> {
  await db.execute(
    sql`UPDATE user_session SET revoked_at = ${at.toISOString()} WHERE id = ${sessionId} AND revoked_at IS NULL`,
  );
}

export async function revokeAllSessions(db: Executor, userId: number, at: Date): Promise<number> {
  const r = (await db.execute(
    sql`UPDATE user_session SET revoked_at = ${at.toISOString()} WHERE user_id = ${userId} AND revoked_at IS NULL`,
  )) as unknown as { rowCount?: number; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}
