import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { getUnit } from '../identity/units/queries.js';
import { findUser } from '../identity/users/queries.js';

const fieldError = (path: string, code: string, zh: string, en: string) =>
  new DomainError(code, zh, en, { errors: [{ path, code, messageZh: zh, messageEn: en }] });

/** The unit (in the actor's scope) and the linked account (a staff user of that unit) of an officer. */
export async function checkInspectorRefs(
  tx: Executor,
  actor: Actor,
  input: { unitId: number; userId: number | null; certificateNo: string },
  selfId: number | null,
) {
  const unit = await getUnit(tx, actor, input.unitId, 'unitId');
  if (input.userId !== null) {
    const user = await findUser(tx, actor, input.userId);
    if (user?.kind !== 'staff' || Number(user.unit_id) !== unit.id) {
      throw fieldError(
        'userId',
        'invalid_user',
        '关联账号须为该单位的工作人员账号',
        'The linked account must be a staff account of the same unit',
      );
    }
  }
  const taken = await queryOne<{ id: number }>(
    tx,
    sql`SELECT id FROM inspector WHERE (certificate_no = ${input.certificateNo}
        ${input.userId !== null ? sql`OR user_id = ${input.userId}` : sql``}) ${selfId === null ? sql`` : sql`AND id <> ${selfId}`}`,
  );
  if (taken) {
    throw fieldError(
      'certificateNo',
      'conflict',
      '执法证号或关联账号已登记在另一名执法人员名下',
      'The certificate number or the linked account already belongs to another officer',
    );
  }
  return unit;
}
