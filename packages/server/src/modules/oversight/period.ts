import { DomainError } from '@weijian/domain';
import type { Period } from './deadlines.js';

/** China's legal day of an instant (UTC+8, no daylight saving). */
export const chinaDay = (now: Date): string =>
  new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The period asked for: default the year to date; overdue is judged on its end or today, whichever is earlier. */
export function resolvePeriod(q: { from?: string; to?: string }, now: Date): Period {
  const today = chinaDay(now);
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) {
    throw new DomainError(
      'validation_failed',
      `起始日期 ${from} 晚于截止日期 ${to}`,
      `The period starts (${from}) after it ends (${to})`,
    );
  }
  return { from, to, asOf: to < today ? to : today };
}
