import type { AppContext } from '../http/context.js';

/**
 * A job that time drives: a module declares it (name, cron, what it runs) and the job runtime
 * registers it with pg-boss, whose cron monitor sends it once per schedule however many processes
 * run (one process wins `trySetCronTime`, and the send is a singleton per name and minute).
 */
export interface Schedule {
  /** The pg-boss queue, `<module>.<what>` (letters, digits, '.', '-', '_'). */
  name: string;
  /** Five-field cron, in `tz`. */
  cron: string;
  /** Time zone of the cron expression; the regulators' days are China's days. */
  tz?: string;
  /** One line, Chinese and English, for the logs and docs/deployment.md. */
  summary: string;
  /** How long a run may take before it is taken as lost (default WEIJIAN_JOB_EXPIRE_SECONDS). */
  expireInSeconds?: number;
  /** Runs the sweep with no actor (the whole country the database holds); returns counts to log. */
  run(ctx: AppContext): Promise<Record<string, number>>;
}

export const CHINA_TZ = 'Asia/Shanghai';
