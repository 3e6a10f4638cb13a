import type { Schedule } from '../../jobs/schedule.js';
import { escalateOverdue } from './alerts.js';
import { expireListings } from './blacklist.js';
import { recomputeAll, scanWarnings } from './sweeps.js';

/**
 * The credit module's sweeps, run nightly with no actor (the same functions as the console's
 * buttons, which are idempotent): listings first (an ended listing changes the level), then the
 * recompute (decay moves scores with time), then the warning rules and their escalation.
 */
export const creditSchedules: Schedule[] = [
  {
    name: 'credit.blacklist-expire',
    cron: '10 1 * * *',
    summary: '黑名单期满移出 End blacklist listings past their maximum period',
    run: async (ctx) => ({ exited: await expireListings({ ctx, actor: null }) }),
  },
  {
    name: 'credit.recompute',
    cron: '20 1 * * *',
    // ~17 min per million establishments measured (docs/benchmarks.md): allow four hours.
    expireInSeconds: 4 * 3600,
    summary: '信用与风险重新计算 Recompute credit levels, risk scores and modes',
    run: async (ctx) => {
      const r = await recomputeAll({ ctx, actor: null });
      return { computed: r.computed, levelChanges: r.levelChanges, riskChanges: r.riskChanges };
    },
  },
  {
    name: 'credit.warnings-scan',
    cron: '40 1 * * *',
    summary: '预警扫描 Time-driven warning rules (missing uploads, overdue revalidations)',
    run: async (ctx) => ({ raised: await scanWarnings({ ctx, actor: null }) }),
  },
  {
    name: 'credit.alerts-escalate',
    cron: '50 1 * * *',
    summary: '预警逾期升级 Escalate warnings past their deadline',
    run: async (ctx) => ({ escalated: await escalateOverdue({ ctx, actor: null }) }),
  },
];
