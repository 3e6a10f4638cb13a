import {
  ACCEPT_LIMIT_CITATION,
  type Calendar,
  type Citation,
  type ClockReading,
  type ClockStop,
  DECISION_LIMIT_CITATION,
  EXCLUDED_PERIOD_CITATION,
  type PermitTypeDefinition,
  readClock,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import type { ApplicationRow } from './application-record.js';

/**
 * The two clocks of an application, computed from its event dates by the legal calendar: the
 * acceptance clock (5 working days from receipt; corrections stop it) and the decision clock (the
 * committed limit from acceptance — from receipt for a commitment, decided the same day; site
 * inspections and expert reviews stop it). A finished step is read on the day it finished.
 */
export interface Clock extends ClockReading {
  /** The step is done (accepted or decided); `due` is then the due date it had. */
  done: boolean;
  citation: Citation[];
}

export interface ApplicationClocks {
  accept: Clock | null;
  decide: Clock | null;
}

/** The later of two dates (ISO dates sort as text). */
const latest = (a: string, b: string): string => [a, b].sort()[1]!;

export function decisionLimit(def: PermitTypeDefinition): number {
  return def.committedLimitDays ?? def.statutoryLimitDays ?? 20;
}

export function applicationClocks(
  calendar: Calendar,
  a: Pick<ApplicationRow, 'mode' | 'received_on' | 'accepted_on' | 'decided_on' | 'state'>,
  def: PermitTypeDefinition,
  stops: readonly ClockStop[],
  today: string,
): ApplicationClocks {
  const ended = a.state === 'withdrawn' ? today : null;
  let accept: Clock | null = null;
  let decide: Clock | null = null;
  if (a.mode === 'approval' && a.received_on) {
    const doneOn = a.accepted_on ?? (a.state === 'rejected' ? a.decided_on : null);
    const asOf = doneOn ?? ended ?? today;
    accept = {
      ...readClock(calendar, {
        start: a.received_on,
        limit: def.acceptLimitDays,
        stops: stops.filter((s) => s.kind === 'correction'),
        asOf: latest(asOf, a.received_on),
      }),
      done: doneOn !== null,
      citation: [ACCEPT_LIMIT_CITATION],
    };
  }
  const start = a.mode === 'approval' ? a.accepted_on : a.mode === 'commitment' ? a.received_on : null;
  if (start) {
    const asOf = a.decided_on ?? ended ?? today;
    decide = {
      ...readClock(calendar, {
        start,
        limit: decisionLimit(def),
        stops: stops.filter((s) => s.kind !== 'correction'),
        asOf: latest(asOf, start),
      }),
      done: a.decided_on !== null,
      citation: [DECISION_LIMIT_CITATION, EXCLUDED_PERIOD_CITATION],
    };
  }
  return { accept, decide };
}

/** Stores the due dates (for sorting the inbox and the on-time figures). */
export async function storeDueDates(tx: Executor, id: number, clocks: ApplicationClocks): Promise<void> {
  await tx.execute(sql`UPDATE licensing_application SET accept_due = ${clocks.accept?.due ?? null},
    decide_due = ${clocks.decide?.due ?? null} WHERE id = ${id}`);
}
