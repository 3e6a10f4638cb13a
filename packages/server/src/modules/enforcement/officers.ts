import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { inspectorDetail } from '../inspection/roster-queries.js';
import { fieldRefusal } from './access.js';

/**
 * Case officers come from the inspector roster (执法人员名录库): certified, in the actor's unit
 * scope, available, and without a declared conflict of interest with the establishment (回避).
 */
export interface RosterOfficer {
  inspectorId: number;
  userId: number | null;
  name: string;
  certificateNo: string;
}

export async function rosterOfficer(
  tx: Executor,
  actor: Actor,
  inspectorId: number,
  establishmentId: number | null,
  path: string,
): Promise<RosterOfficer> {
  let o: Awaited<ReturnType<typeof inspectorDetail>>;
  try {
    o = await inspectorDetail(tx, actor, inspectorId);
  } catch {
    throw fieldRefusal(
      'unknown_officer',
      path,
      '不是本单位名录库中的执法人员',
      'Not an officer in the unit’s roster',
    );
  }
  if (!o.available) {
    throw fieldRefusal('officer_unavailable', path, `${o.name}当前不可办案`, `${o.name} is not available`, {
      reason: o.unavailableReason,
    });
  }
  if (
    establishmentId !== null &&
    o.conflicts.some((c) => c.establishmentId === establishmentId && c.endedAt === null)
  ) {
    throw fieldRefusal(
      'officer_conflict',
      path,
      `${o.name}与当事人存在回避情形`,
      `${o.name} has a conflict of interest with the party`,
    );
  }
  return { inspectorId: o.id, userId: o.userId, name: o.name, certificateNo: o.certificateNo };
}

export async function assignOfficer(
  tx: Executor,
  caseId: number,
  o: RosterOfficer,
  today: string,
): Promise<void> {
  await tx.execute(sql`INSERT INTO enforcement_case_officer (case_id, inspector_id, user_id, name, certificate_no, assigned_on)
    VALUES (${caseId}, ${o.inspectorId}, ${o.userId}, ${o.name}, ${o.certificateNo}, ${today})`);
}
