import type { Calendar, CaseState, EnforcementSettings } from '@weijian/domain';
import type { Executor } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import type { Actor } from '../identity/actor.js';
import type { CaseRow } from './case-record.js';

/** What every step of a case sees, and what it returns: columns to set, the record's details, the next state. */
export interface CaseStep {
  tx: Executor;
  ctx: AppContext;
  actor: Actor;
  c: CaseRow;
  today: string;
  at: Date;
  calendar: Calendar;
  settings: EnforcementSettings;
}

export interface StepResult {
  set: Record<string, unknown>;
  details: Record<string, unknown>;
  /** Overrides the table's next state (a payment that completes execution). */
  next?: CaseState;
  fileHashes?: string[];
}

/** A legal day given by the user: not in the future. */
export function pastOrToday(day: string | undefined, today: string): string {
  return day && day <= today ? day : today;
}
