import type { Config } from '../config.js';
import { migrate } from '../db/migrate.js';
import { demoSeeded, seedDemo } from '../demo/seed-demo.js';
import { SecretBox } from '../modules/identity/secret-box.js';
import { demoPassword, openDatabase, prepareDatabase, secretKey } from '../platform.js';

export async function migrateCommand(config: Config): Promise<number> {
  const database = await openDatabase(config);
  try {
    const applied = await migrate(database);
    await prepareDatabase(database);
    process.stdout.write(
      applied.length ? `已应用 applied: ${applied.join(', ')}\n` : '数据库已是最新 Database is up to date\n',
    );
    return 0;
  } finally {
    await database.close();
  }
}

export async function seedCommand(config: Config, scaleArg: string | undefined): Promise<number> {
  const scale = scaleArg === undefined ? 1 : Number(scaleArg);
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000) {
    process.stderr.write(
      `--scale 应为 1–1000 的整数 / --scale must be an integer from 1 to 1000 (got ${scaleArg})\n`,
    );
    return 2;
  }
  const database = await openDatabase(config);
  try {
    await prepareDatabase(database);
    if (await demoSeeded(database)) {
      process.stderr.write('演示数据已存在，未重复载入 / Demo data is already loaded; nothing done\n');
      return 0;
    }
    const accounts = await seedDemo(database, {
      password: demoPassword(config),
      now: new Date(),
      scale,
      secrets: new SecretBox(secretKey(config)),
      dataDir: config.dataDir,
    });
    process.stdout.write(`已载入演示数据 Demo data loaded: ${accounts.length} accounts\n`);
    return 0;
  } finally {
    await database.close();
  }
}
