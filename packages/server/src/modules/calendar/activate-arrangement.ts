import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Database, queryOne } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';

/**
 * A second administrator activates a draft arrangement (four-eyes: not the one who entered it).
 * From then on the year is confirmed and deadlines in it are no longer provisional; modules that
 * keep deadlines recalculate them on `calendar.arrangement.activated`.
 */
export async function activateArrangement(
  database: Database,
  actor: Actor,
  year: number,
  at: Date,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const a = await queryOne<{ status: string; entered_by: number | null }>(
      tx,
      sql`SELECT status, entered_by FROM holiday_arrangement WHERE year = ${year} FOR UPDATE`,
    );
    if (!a)
      throw new DomainError(
        'not_found',
        `没有 ${year} 年的放假安排。`,
        `There is no arrangement for ${year}.`,
      );
    if (a.status === 'active') {
      throw new DomainError(
        'arrangement_active',
        `${year} 年的放假安排已生效。`,
        `The arrangement for ${year} is already active.`,
      );
    }
    if (a.entered_by === actor.userId) {
      throw new DomainError(
        'four_eyes_required',
        '放假安排须由录入人以外的另一名管理员审核生效。',
        'An arrangement must be activated by an administrator other than the one who entered it.',
      );
    }
    await tx.execute(
      sql`UPDATE holiday_arrangement SET status = 'active', approved_by = ${actor.userId} WHERE year = ${year}`,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'calendar.arrangement.activate',
        entityType: 'holiday_arrangement',
        entityId: year,
        diff: { status: ['draft', 'active'] },
      },
      at,
    );
    await emitEvent(
      tx,
      {
        type: 'calendar.arrangement.activated',
        aggregateType: 'holiday_arrangement',
        aggregateId: year,
        payload: { year },
      },
      at,
    );
  });
}
