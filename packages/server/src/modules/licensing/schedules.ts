import type { Schedule } from '../../jobs/schedule.js';
import { sendDueNotices } from './revalidations.js';

/**
 * Licensing's scheduled job: the revalidation notices due by today, sent every morning (China time)
 * for every unit (the same function as the console's button, which sends its unit's only; a notice
 * already sent is not sent again).
 */
export const licensingSchedules: Schedule[] = [
  {
    name: 'licensing.revalidation-notices',
    cron: '0 7 * * *',
    summary: '校验到期提醒 Send the revalidation notices due by today',
    run: async (ctx) => ({ sent: await sendDueNotices({ ctx, actor: null }) }),
  },
];
