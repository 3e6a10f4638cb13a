import { DomainError } from '@weijian/domain';
import type { Executor } from '../../../db/database.js';

/**
 * A user who still has open work in a region (inspections, cases, applications under review…)
 * cannot be moved to a unit outside it until the work is handed over (issue 3, "Bad input"). The
 * identity module does not know those modules: each registers a check here at start-up, and the
 * move use case asks them all inside its transaction. None is registered yet.
 */
export interface UserMove {
  userId: number;
  from: { unitId: number; regionCode: string; departmentCode: string };
  to: {
    unitId: number;
    regionCode: string;
    departmentCode: string;
    /** The region subtree of the new unit (a code prefix): tasks outside it block the move. */
    regionPrefix: string;
  };
}

export interface OpenTasks {
  /** Module and kind of task, e.g. "inspection.inspection". */
  kind: string;
  count: number;
  labelZh: string;
  labelEn: string;
}

/** Returns the user's open tasks the move would strand, or null when there are none. */
export type OpenTaskCheck = (tx: Executor, move: UserMove) => Promise<OpenTasks | null>;

const checks = new Set<OpenTaskCheck>();

/** Registers a check; returns a function that removes it again (tests use it). */
export function registerOpenTaskCheck(check: OpenTaskCheck): () => void {
  checks.add(check);
  return () => {
    checks.delete(check);
  };
}

export async function assertNoOpenTasksOutside(tx: Executor, move: UserMove): Promise<void> {
  const found: OpenTasks[] = [];
  for (const check of checks) {
    const r = await check(tx, move);
    if (r && r.count > 0) found.push(r);
  }
  if (found.length === 0) return;
  throw new DomainError(
    'user_has_open_tasks',
    `该用户在原单位的区划内仍有未办结的任务（${found.map((f) => `${f.labelZh} ${f.count} 件`).join('、')}），请先移交后再调动。`,
    `The user still has open tasks in the region of their current unit (${found.map((f) => `${f.count} ${f.labelEn}`).join(', ')}); hand them over before moving the user.`,
    { openTasks: found },
  );
}
