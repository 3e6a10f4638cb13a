import type { Schedule } from '../../jobs/schedule.js';
import { legalToday } from '../licensing/access.js';
import { ensureOpenData, OPEN_DATA_JOB, pruneOpenData } from './generate-open-data.js';

/**
 * The disclosure module's job: each day, after the credit sweeps (01:10–01:50) have settled the
 * day's grades, points and listings, write the day's open data files — every data set, per county
 * and for the whole deployment, CSV and JSON — and remove files older than KEEP_DAYS. A request
 * that finds a data set's files missing (a fresh install) or out of date (a withdrawal) writes them
 * itself; the daily snapshots (directory, supervision modes) it serves from the day before until
 * this job has written them (ensureOpenData).
 */
export const disclosureSchedules: Schedule[] = [
  {
    name: 'disclosure.open-data',
    cron: `${OPEN_DATA_JOB.minute} ${OPEN_DATA_JOB.hour} * * *`,
    // The establishment directory of a province is a million rows: allow an hour.
    expireInSeconds: OPEN_DATA_JOB.expireInSeconds,
    summary:
      '开放数据每日文件 Write the day’s open data files (CSV, JSON; per county and whole) and prune old ones',
    run: async (ctx) => {
      const today = legalToday(ctx);
      const written = await ensureOpenData(ctx, today);
      const removed = await pruneOpenData(ctx, today);
      return { datasets: written.datasets, files: written.files, removed };
    },
  },
];
