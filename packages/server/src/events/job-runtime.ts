import PgBoss from 'pg-boss';
import type { AppContext } from '../http/context.js';
import type { Schedule } from '../jobs/schedule.js';
import { CHINA_TZ } from '../jobs/schedule.js';
import { SCHEDULES } from '../jobs/schedules.js';
import { type DeliveryJob, dispatchPendingEvents } from './dispatch.js';
import { allSubscriptions, deliverEvent } from './events.js';

/**
 * The job runtime: pg-boss on the same database (through a small adapter on PGlite, whose one
 * connection is owned by this process), a dispatcher that turns outbox rows into delivery jobs, one
 * worker per subscriber, and the modules' scheduled sweeps (src/jobs/schedules.ts). pg-boss retries
 * failed jobs and re-runs jobs whose process died once they expire; `event_delivery` keeps effects
 * exactly-once, and pg-boss's cron sends each schedule once however many processes run.
 */
export const DELIVERY_QUEUE = 'domain-event-delivery';

export interface JobRuntime {
  boss: PgBoss;
  stop(): Promise<void>;
}

export interface JobRuntimeOptions {
  dispatchIntervalMs?: number;
  /** The scheduled jobs to register (default: every module's). */
  schedules?: readonly Schedule[];
  /** A job still active after this long is taken as lost (its process died) and retried elsewhere. */
  expireInSeconds?: number;
  /** How often pg-boss looks for expired jobs (and archives old ones). */
  maintenanceIntervalSeconds?: number;
  /** How often each process checks whether a schedule is due (one process wins each check). */
  cronMonitorIntervalSeconds?: number;
}

function pgliteAdapter(ctx: AppContext): PgBoss.Db {
  const lite = ctx.database.pglite!;
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (!values?.length) {
        // Multi-statement scripts (pg-boss sends each transaction as one BEGIN…COMMIT string).
        const results = await lite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return lite.query(text, values as never[]);
    },
  };
}

function poolAdapter(ctx: AppContext): PgBoss.Db {
  const pool = ctx.database.pool!;
  return {
    async executeSql(text: string, values?: unknown[]) {
      return pool.query(text, values as unknown[]);
    },
  };
}

export async function startJobRuntime(ctx: AppContext, opts: JobRuntimeOptions = {}): Promise<JobRuntime> {
  const { database, config } = ctx;
  const expireInSeconds = opts.expireInSeconds ?? config.jobExpireSeconds;
  const boss = new PgBoss({
    db: database.kind === 'pglite' ? pgliteAdapter(ctx) : poolAdapter(ctx),
    schema: 'pgboss',
    maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? config.jobMaintenanceSeconds,
    cronMonitorIntervalSeconds: opts.cronMonitorIntervalSeconds ?? 30,
  });
  boss.on('error', (e) => console.error('job runtime error', e));
  // pg-boss installs its schema on start (CREATE SCHEMA IF NOT EXISTS races between processes that
  // start together on an empty database: duplicate key in pg_namespace): one process at a time.
  await database.withAdvisoryLock(JOB_SETUP_LOCK, () => boss.start());
  const deliveryOptions: PgBoss.Queue = {
    name: DELIVERY_QUEUE,
    retryLimit: 5,
    retryBackoff: true,
    expireInSeconds,
  };
  const schedules = opts.schedules ?? SCHEDULES;
  try {
    // pg-boss's create_queue deadlocks when processes that start together create the same queues
    // (seen on an empty database): one process sets the queues and schedules up, the others wait.
    await database.withAdvisoryLock(JOB_SETUP_LOCK, async () => {
      await ensureQueue(boss, deliveryOptions);
      for (const schedule of schedules) {
        await ensureQueue(boss, scheduleQueue(schedule, expireInSeconds));
        await boss.schedule(schedule.name, schedule.cron, {}, { tz: schedule.tz ?? CHINA_TZ });
      }
    });
    await boss.work<DeliveryJob>(
      DELIVERY_QUEUE,
      { batchSize: 20, pollingIntervalSeconds: 0.5 },
      async (jobs) => {
        for (const job of jobs) await deliverEvent(ctx, job.data.subscriber, job.data.eventId);
      },
    );
    for (const schedule of schedules) await workSchedule(ctx, boss, schedule);
  } catch (e) {
    // A start that fails must not leave pg-boss's timers keeping a half-started process alive.
    await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
    throw e;
  }

  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped || allSubscriptions().length === 0) return;
    await dispatchPendingEvents(ctx, async (job) => {
      await boss.send(DELIVERY_QUEUE, job, {
        retryLimit: 5,
        retryBackoff: true,
        expireInSeconds,
        singletonKey: `${job.eventId}:${job.subscriber}`,
      });
    });
  };
  const timer = setInterval(() => {
    running = running.then(tick).catch((e) => console.error('event dispatch failed', e));
  }, opts.dispatchIntervalMs ?? 1000);
  return {
    boss,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await boss.stop({ graceful: true, wait: true });
    },
  };
}

const JOB_SETUP_LOCK = 72_007;

async function ensureQueue(boss: PgBoss, options: PgBoss.Queue): Promise<void> {
  if (await boss.getQueue(options.name)) await boss.updateQueue(options.name, options);
  else await boss.createQueue(options.name, options);
}

/**
 * A 'stately' queue holds at most one waiting and one running job, so a long recompute never runs
 * twice at once.
 */
function scheduleQueue(schedule: Schedule, expireInSeconds: number): PgBoss.Queue {
  return {
    name: schedule.name,
    policy: 'stately',
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: schedule.expireInSeconds ?? expireInSeconds,
  };
}

async function workSchedule(ctx: AppContext, boss: PgBoss, schedule: Schedule): Promise<void> {
  await boss.work(schedule.name, { pollingIntervalSeconds: 2 }, async () => {
    const started = Date.now();
    const counts = await schedule.run(ctx);
    console.info(
      JSON.stringify({ msg: 'scheduled job done', job: schedule.name, ms: Date.now() - started, ...counts }),
    );
  });
}
