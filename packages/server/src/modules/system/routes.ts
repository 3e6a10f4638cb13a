import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { currentMigration } from '../../db/migrate.js';

const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    database: z.object({
      kind: z.enum(['pglite', 'postgres']),
      ok: z.boolean(),
      migration: z.string().nullable(),
    }),
    demo: z.boolean(),
  })
  .meta({ id: 'Health' });

const readySchema = z
  .object({
    status: z.enum(['ready', 'unavailable']),
    database: z.object({ ok: z.boolean(), migration: z.string().nullable(), ms: z.number() }),
    readReplica: z
      .object({ ok: z.boolean(), migration: z.string().nullable(), ms: z.number() })
      .optional()
      .meta({ description: 'Only when DATABASE_READ_URL is configured' }),
  })
  .meta({ id: 'Readiness' });

/** Whether a database answers, and its newest migration (a replica that lags shows an older one). */
async function probe(database: Database) {
  const started = performance.now();
  let migration: string | null = null;
  try {
    migration = await currentMigration(database);
  } catch {
    migration = null;
  }
  return { ok: migration !== null, migration, ms: Math.round(performance.now() - started) };
}

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: '健康检查 Health: database, applied migration, version',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const { database, version, config } = app.ctx;
      let migration: string | null = null;
      let ok = true;
      try {
        migration = await currentMigration(database);
      } catch {
        ok = false;
      }
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        version,
        database: { kind: database.kind, ok, migration },
        demo: config.demo,
      });
    },
  );

  app.get(
    '/health/live',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: '存活检查 Liveness: the process answers (no database call; restart it if this fails)',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: '就绪检查 Readiness: the database answers and is migrated (send no traffic here while 503)',
        response: { 200: readySchema, 503: readySchema },
      },
    },
    async (_request, reply) => {
      const database = await probe(app.ctx.database);
      const readReplica = app.ctx.readDatabase ? await probe(app.ctx.readDatabase) : undefined;
      const ok = database.ok && (readReplica?.ok ?? true);
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ready' : 'unavailable',
        database,
        ...(readReplica ? { readReplica } : {}),
      });
    },
  );
};
