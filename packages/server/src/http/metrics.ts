import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { queryRows } from '../db/database.js';
import { slowQueryListeners } from '../db/slow-query.js';
import type { AppContext } from './context.js';

/**
 * Prometheus metrics at GET /metrics (outside /api/v1: the reverse proxy does not expose it to the
 * public; docs/deployment.md). Request rate and latency by route pattern, the job queue by state,
 * the database pool, slow queries, and the deadlines each module has let pass. Database figures
 * are read at scrape time, so every process reports the same queue and deadline numbers.
 */
export const OVERDUE_QUERIES: Record<string, ReturnType<typeof sql>> = {
  // Applications whose acceptance or decision limit has passed without the step being taken.
  licensing: sql`SELECT count(*)::int AS n FROM licensing_application
    WHERE (state = 'submitted' AND accept_due < (now() AT TIME ZONE 'Asia/Shanghai')::date)
       OR (state IN ('under_review', 'correction_requested', 'public_notice') AND decide_due < (now() AT TIME ZONE 'Asia/Shanghai')::date)`,
  // Rectification orders past their deadline, not yet checked by a re-inspection.
  inspection: sql`SELECT count(*)::int AS n FROM rectification
    WHERE status = 'open' AND deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date`,
  // Cases past their decision limit (90 days plus approved extensions) and not yet decided.
  enforcement: sql`SELECT count(*)::int AS n FROM enforcement_case
    WHERE state NOT IN ('not_opened', 'decided', 'served', 'executed', 'closed', 'revoked')
      AND decide_due < (now() AT TIME ZONE 'Asia/Shanghai')::date`,
  // Warnings not handled by their due day.
  credit: sql`SELECT count(*)::int AS n FROM credit_alert
    WHERE status <> 'handled' AND due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date`,
};

export function registerMetrics(app: FastifyInstance, ctx: AppContext): void {
  const registry = new Registry();
  registry.setDefaultLabels({ pid: String(process.pid) });
  const requests = new Histogram({
    name: 'weijian_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, with their latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const slow = new Counter({
    name: 'weijian_db_slow_queries_total',
    help: 'Queries slower than WEIJIAN_SLOW_QUERY_MS',
    registers: [registry],
  });
  const onSlow = () => slow.inc();
  slowQueryListeners.push(onSlow);
  app.addHook('onClose', async () => {
    slowQueryListeners.splice(slowQueryListeners.indexOf(onSlow), 1);
  });
  const { database } = ctx;
  new Gauge({
    name: 'weijian_db_pool_connections',
    help: 'PostgreSQL pool connections of this process by state (total, idle, waiting clients)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = database.pool;
      if (!pool) return;
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  new Gauge({
    name: 'weijian_jobs',
    help: 'Jobs by queue and state (created and retry: waiting; active; failed: gave up after retries)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await queryRows<{ name: string; state: string; n: number }>(
        database.db,
        sql`SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job GROUP BY 1, 2`,
      ).catch(() => []); // the job schema exists once a job runtime has started
      for (const r of rows) this.set({ queue: r.name, state: r.state }, r.n);
    },
  });
  new Gauge({
    name: 'weijian_overdue_deadlines',
    help: 'Statutory or policy deadlines passed without the required step, by module',
    labelNames: ['module'],
    registers: [registry],
    async collect() {
      for (const [module, query] of Object.entries(OVERDUE_QUERIES)) {
        const rows = await queryRows<{ n: number }>(database.db, query).catch(() => undefined);
        if (rows) this.set({ module }, rows[0]?.n ?? 0);
      }
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
