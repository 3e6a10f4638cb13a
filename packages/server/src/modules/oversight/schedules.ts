import { CHINA_TZ, type Schedule } from '../../jobs/schedule.js';
import { refreshDeadlineSummary } from './deadline-summary.js';
import { refreshEstablishmentSummary } from './establishment-summary.js';
import { pruneAbandonedPatrolPhotos } from './prune-patrol-photos.js';

/**
 * The oversight module's jobs. Dashboard panels slower than 300 ms read a summary (issue 10: a
 * panel slower than 300 ms gets a summary table refreshed by a job); every 15 minutes keeps their
 * figures at most a quarter of an hour behind the modules' records, for one pass over the
 * establishments (~2 s at a million) and one over the deadline records (docs/benchmarks.md). Each
 * refresh is one transaction that locks its tables, so a second run (another process, a manual
 * run) waits for the first; pg-boss sends each schedule once per minute however many processes run.
 */
export const oversightSchedules: Schedule[] = [
  {
    name: 'oversight.establishment-summary',
    cron: '*/15 * * * *',
    summary:
      '驾驶舱机构统计刷新 Refresh the dashboard’s establishment, credit, map and coverage-population counts',
    run: async (ctx) => refreshEstablishmentSummary(ctx.database.db, ctx.now()),
  },
  {
    name: 'oversight.deadline-summary',
    cron: '*/15 * * * *',
    summary:
      '驾驶舱时效统计刷新 Refresh the dashboard’s timeliness figures (approvals, complaints, warnings, cases …)',
    run: async (ctx) => refreshDeadlineSummary(ctx.database.db, ctx.now()),
  },
  {
    name: 'oversight.patrol-photo-prune',
    cron: '40 4 * * *',
    tz: CHINA_TZ,
    summary: '清理未随巡查记录保存的照片 Delete patrol photos no record claimed within two days',
    run: pruneAbandonedPatrolPhotos,
  },
];
