import { addDays, type IsoDate } from '@weijian/domain';
import { chinaDate } from '../identity/users/personal-data.js';

/** The calendar day of an instant in China (UTC+8): deadlines and day D count in these days. */
export const chinaDay: (at: Date) => IsoDate = chinaDate;

/** The full draw record, nonce included, becomes public the day after the inspection period. */
export function recordPublicFrom(periodEnd: IsoDate): IsoDate {
  return addDays(periodEnd, 1);
}

export const dateText = (v: string | Date | null): string | null =>
  v === null ? null : typeof v === 'string' ? v.slice(0, 10) : chinaDay(v);
