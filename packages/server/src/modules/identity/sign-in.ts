import { hash, verify as verifyPassword } from '@node-rs/argon2';
import { DomainError, SECURITY_POLICY } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Database, queryOne } from '../../db/database.js';
import { recordAudit } from '../audit/record-audit.js';
import type { SecretBox } from './secret-box.js';
import { createSession, type NewSession } from './sessions.js';
import { checkTotp } from './totp.js';

export interface SignInInput {
  username: string;
  password: string;
  totpCode?: string | undefined;
  ip: string;
  userAgent: string | null;
  requestId: string;
}

// Verified against when the user does not exist, so the answer takes the same time either way.
const dummyHash = hash('weijian-timing-equaliser');

const fmt = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16);

function lockedError(until: Date): DomainError {
  return new DomainError(
    'account_locked',
    `登录失败次数过多，账户已锁定，请于 ${fmt(until)}（UTC）后重试，或联系管理员解锁。`,
    `Too many failed sign-ins: the account is locked until ${fmt(until)} UTC; try again then or ask an administrator.`,
    { retryAt: until.toISOString() },
  );
}

const invalidCredentials = () =>
  new DomainError('invalid_credentials', '用户名或密码错误。', 'Wrong username or password.');

/**
 * Sign-in with lock-out per account and per address (等保 2.0 8.1.4.1 b), second factor for those
 * who enrolled one. Failures are counted in their own transaction and then refused, so a refused
 * sign-in still leaves its trace.
 */
export async function signIn(
  database: Database,
  secrets: SecretBox,
  input: SignInInput,
  at: Date,
): Promise<{ userId: number; session: NewSession }> {
  const { db } = database;
  const windowStart = new Date(at.getTime() - SECURITY_POLICY.addressWindowMinutes * 60_000);
  const fromAddress = await queryOne<{ n: number; last: string | Date | null }>(
    db,
    sql`SELECT count(*)::int AS n, max(at) AS last FROM sign_in_attempt
        WHERE ip = ${input.ip} AND NOT succeeded AND at > ${windowStart.toISOString()}`,
  );
  if ((fromAddress?.n ?? 0) >= SECURITY_POLICY.addressMaxFailures) {
    const retryAt = new Date(
      new Date(fromAddress!.last!).getTime() + SECURITY_POLICY.addressWindowMinutes * 60_000,
    );
    throw new DomainError(
      'rate_limited',
      `该地址登录失败次数过多，请于 ${fmt(retryAt)}（UTC）后重试。`,
      `Too many failed sign-ins from this address; try again after ${fmt(retryAt)} UTC.`,
      { retryAt: retryAt.toISOString() },
    );
  }

  const user = await queryOne<{
    id: number;
    password_hash: string;
    status: string;
    failed_sign_ins: number;
    locked_until: string | Date | null;
    totp_enabled: boolean;
    totp_secret_enc: string | null;
    totp_last_step: number | null;
  }>(
    db,
    sql`SELECT id, password_hash, status, failed_sign_ins, locked_until, totp_enabled, totp_secret_enc, totp_last_step
        FROM app_user WHERE lower(username) = lower(${input.username})`,
  );
  const attempt = (succeeded: boolean) =>
    db.execute(sql`INSERT INTO sign_in_attempt (username, ip, at, succeeded)
                   VALUES (${input.username.slice(0, 100)}, ${input.ip}, ${at.toISOString()}, ${succeeded})`);

  if (user?.status !== 'active') {
    await verifyPassword(await dummyHash, input.password);
    await attempt(false);
    throw invalidCredentials();
  }
  if (user.locked_until && new Date(user.locked_until) > at) {
    await attempt(false);
    throw lockedError(new Date(user.locked_until));
  }

  let ok = await verifyPassword(user.password_hash, input.password);
  let acceptedStep: number | null = null;
  if (ok && user.totp_enabled) {
    if (!input.totpCode) {
      // Right password, second factor still to come: not a failure.
      throw new DomainError(
        'second_factor_required',
        '请输入动态口令（6 位数字）。',
        'Enter the 6-digit code from your authenticator app.',
      );
    }
    acceptedStep = await checkTotp(
      secrets.decrypt(user.totp_secret_enc!),
      input.totpCode,
      at,
      user.totp_last_step,
    );
    ok = acceptedStep !== null;
  }

  if (!ok) {
    const failures = user.failed_sign_ins + 1;
    const lock = failures >= SECURITY_POLICY.accountMaxFailures;
    const until = new Date(at.getTime() + SECURITY_POLICY.accountLockMinutes * 60_000);
    await db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE app_user SET failed_sign_ins = ${lock ? 0 : failures},
                           locked_until = ${lock ? until.toISOString() : null} WHERE id = ${user.id}`);
      await tx.execute(sql`INSERT INTO sign_in_attempt (username, ip, at, succeeded)
                           VALUES (${input.username.slice(0, 100)}, ${input.ip}, ${at.toISOString()}, false)`);
      if (lock) {
        await recordAudit(
          tx,
          { userId: null, name: 'system', roles: [], unitId: null, ip: input.ip, requestId: input.requestId },
          {
            action: 'identity.user.lock',
            entityType: 'user',
            entityId: user.id,
            diff: { lockedUntil: [null, until.toISOString()] },
          },
          at,
        );
      }
    });
    if (lock) throw lockedError(until);
    if (user.totp_enabled && input.totpCode) {
      throw new DomainError(
        'invalid_second_factor',
        '动态口令错误或已使用。',
        'The code is wrong or was already used.',
      );
    }
    throw invalidCredentials();
  }

  return db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL,
                         totp_last_step = coalesce(${acceptedStep}, totp_last_step) WHERE id = ${user.id}`);
    await tx.execute(sql`INSERT INTO sign_in_attempt (username, ip, at, succeeded)
                         VALUES (${input.username.slice(0, 100)}, ${input.ip}, ${at.toISOString()}, true)`);
    const session = await createSession(tx, user.id, at, { ip: input.ip, userAgent: input.userAgent });
    await recordAudit(
      tx,
      {
        userId: user.id,
        name: input.username,
        roles: [],
        unitId: null,
        ip: input.ip,
        requestId: input.requestId,
      },
      { action: 'identity.session.sign-in', entityType: 'user', entityId: user.id, diff: {} },
      at,
    );
    return { userId: user.id, session };
  });
}
