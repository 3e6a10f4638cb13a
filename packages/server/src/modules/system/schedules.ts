import { pruneRateLimitCounters } from '../../http/rate-limit-store.js';
import { CHINA_TZ, type Schedule } from '../../jobs/schedule.js';
import { nightlyBackup } from './nightly-backup.js';

/** Housekeeping of the platform itself. */
export const systemSchedules: Schedule[] = [
  {
    name: 'system.rate-limit-prune',
    cron: '17 * * * *',
    summary: '清理过期限流计数 Drop rate-limit windows that ended over a day ago',
    run: async (ctx) => ({ pruned: await pruneRateLimitCounters(ctx.database) }),
  },
  {
    name: 'system.nightly-backup',
    cron: '15 3 * * *',
    tz: CHINA_TZ,
    summary:
      '嵌入式数据库每日备份（保留 WEIJIAN_BACKUP_KEEP 份）Nightly backup of the embedded database into <data dir>/backups (PostgreSQL: skipped, use pg_dump)',
    expireInSeconds: 3600,
    run: nightlyBackup,
  },
];
