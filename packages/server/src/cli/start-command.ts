import type { Config } from '../config.js';
import { DEMO_INSTITUTION_ACCOUNT, DEMO_STAFF } from '../demo/organisation.js';
import { startJobRuntime } from '../events/job-runtime.js';
import { buildApp } from '../http/app.js';
import { openPlatform } from '../platform.js';

export async function startCommand(config: Config): Promise<number> {
  const started = Date.now();
  const { ctx, demoPassword } = await openPlatform(config);
  const app = await buildApp(ctx);
  let jobs: Awaited<ReturnType<typeof startJobRuntime>>;
  try {
    jobs = await startJobRuntime(ctx);
  } catch (e) {
    // Close what is open so the process exits with the error instead of hanging half-started.
    await app.close().catch(() => undefined);
    await ctx.readDatabase?.close().catch(() => undefined);
    await ctx.database.close().catch(() => undefined);
    throw e;
  }
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await jobs.stop();
    await ctx.readDatabase?.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    // Port taken, say: stop the jobs and the database so the process exits with the message.
    await app.close().catch(() => undefined);
    await jobs.stop().catch(() => undefined);
    await ctx.readDatabase?.close().catch(() => undefined);
    await ctx.database.close().catch(() => undefined);
    throw e;
  }
  const url = `http://localhost:${config.port}`;
  const db =
    ctx.database.kind === 'pglite'
      ? `PGlite (${config.dataDir})`
      : `PostgreSQL (DATABASE_URL${ctx.readDatabase ? ', reads: DATABASE_READ_URL' : ''})`;
  const lines = [
    '',
    `卫监 Weijian ${ctx.version} 已启动 / is running: ${url}  (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  公众门户 Public portal:   ${url}/`,
    `  工作人员 Staff console:   ${url}/console`,
    `  接口文档 API docs:        ${url}/api/docs`,
    `  数据库 Database:          ${db}`,
  ];
  if (demoPassword) {
    lines.push(
      '',
      `演示账号（密码均为 / demo accounts, all with the password）: ${demoPassword}`,
      ...DEMO_STAFF.map((s) => `  ${s.username.padEnd(16)} ${s.role}`),
      `  ${DEMO_INSTITUTION_ACCOUNT.username.padEnd(16)} ${DEMO_INSTITUTION_ACCOUNT.role}（机构门户 /my，绑定历城区一家诊所）`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
  return 0;
}
