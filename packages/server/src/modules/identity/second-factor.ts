import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { type Database, queryOne } from '../../db/database.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from './actor.js';
import type { SecretBox } from './secret-box.js';
import { checkTotp, newTotpSecret, totpUri } from './totp.js';

/**
 * Enrolment of the second factor: a new secret is stored (encrypted) but not yet required; the
 * user scans it and proves it with a code, and only then is it switched on.
 */
export async function beginSecondFactorSetup(
  database: Database,
  secrets: SecretBox,
  actor: Actor,
  at: Date,
): Promise<{ secret: string; otpauthUri: string; qrSvg: string }> {
  if (actor.secondFactorEnabled) {
    throw new DomainError(
      'second_factor_already_enabled',
      '已绑定动态口令；如需更换，请联系管理员重置。',
      'A second factor is already set up; ask an administrator to reset it to change it.',
    );
  }
  const secret = newTotpSecret();
  await database.db.transaction(async (tx) => {
    await tx.execute(
      sql`UPDATE app_user SET totp_secret_enc = ${secrets.encrypt(secret)}, totp_enabled = false WHERE id = ${actor.userId}`,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      { action: 'identity.second-factor.begin-setup', entityType: 'user', entityId: actor.userId },
      at,
    );
  });
  const otpauthUri = totpUri(secret, actor.username);
  return { secret, otpauthUri, qrSvg: await QRCode.toString(otpauthUri, { type: 'svg', margin: 1 }) };
}

export async function confirmSecondFactor(
  database: Database,
  secrets: SecretBox,
  actor: Actor,
  code: string,
  at: Date,
): Promise<void> {
  const row = await queryOne<{ totp_secret_enc: string | null; totp_enabled: boolean }>(
    database.db,
    sql`SELECT totp_secret_enc, totp_enabled FROM app_user WHERE id = ${actor.userId}`,
  );
  if (!row?.totp_secret_enc || row.totp_enabled) {
    throw new DomainError(
      'no_pending_second_factor',
      '没有待确认的动态口令，请重新开始绑定。',
      'There is no second factor awaiting confirmation; start the setup again.',
    );
  }
  const step = await checkTotp(secrets.decrypt(row.totp_secret_enc), code, at, null);
  if (step === null) {
    throw new DomainError(
      'wrong_confirmation_code',
      '动态口令错误，请核对手机时间后重试。',
      'The code is wrong; check the phone clock and try again.',
      {
        errors: [
          {
            path: 'code',
            code: 'wrong_confirmation_code',
            messageZh: '动态口令错误',
            messageEn: 'Wrong code',
          },
        ],
      },
    );
  }
  await database.db.transaction(async (tx) => {
    await tx.execute(
      sql`UPDATE app_user SET totp_enabled = true, totp_last_step = ${step} WHERE id = ${actor.userId}`,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'identity.second-factor.enable',
        entityType: 'user',
        entityId: actor.userId,
        diff: { secondFactorEnabled: [false, true] },
      },
      at,
    );
  });
}
