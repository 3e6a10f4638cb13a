import type { Config } from '../config.js';
import { backupDataDir, restoreDataDir } from '../ops/backup.js';
import { BackupError } from '../ops/backup-format.js';
import { VERSION } from '../platform.js';

const POSTGRES_NOTE =
  '使用 PostgreSQL（DATABASE_URL）时请用 pg_dump / pg_restore 备份与恢复，并另行复制文件存储；见 docs/deployment.md。\n' +
  'With PostgreSQL (DATABASE_URL), back up with pg_dump / pg_restore and copy the file store; see docs/deployment.md.\n';

/** `weijian backup FILE`: the embedded database, uploaded files and key files in one checked file. */
export async function backupCommand(config: Config, args: string[]): Promise<number> {
  const file = args[0];
  if (!file) {
    process.stderr.write(
      '用法 Usage: weijian backup FILE   (WEIJIAN_DATA_DIR: the data directory; stop the server first)\n',
    );
    return 2;
  }
  if (config.databaseUrl) {
    process.stderr.write(POSTGRES_NOTE);
    return 2;
  }
  try {
    const h = await backupDataDir({ dataDir: config.dataDir, file, version: VERSION });
    const rows = Object.values(h.rowCounts).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `已备份 Backed up ${config.dataDir} → ${file}: ${Object.keys(h.rowCounts).length} tables, ${rows} rows, ${h.entries.length - 1} files\n` +
        '备份含加密密钥（secret.key），请妥善保管 / The backup holds the encryption key (secret.key): keep it safe.\n',
    );
    return 0;
  } catch (e) {
    if (e instanceof BackupError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** `weijian restore FILE [--force]`: into WEIJIAN_DATA_DIR, refused if it is not empty unless forced. */
export async function restoreCommand(config: Config, args: string[], force: boolean): Promise<number> {
  const file = args[0];
  if (!file) {
    process.stderr.write('用法 Usage: weijian restore FILE [--force]   (into WEIJIAN_DATA_DIR)\n');
    return 2;
  }
  if (config.databaseUrl) {
    process.stderr.write(POSTGRES_NOTE);
    return 2;
  }
  try {
    const { header, counts } = await restoreDataDir({
      file,
      dataDir: config.dataDir,
      force,
      version: VERSION,
    });
    const differ = Object.keys({ ...header.rowCounts, ...counts }).filter(
      (t) => header.rowCounts[t] !== counts[t],
    );
    if (differ.length) {
      process.stderr.write(`恢复后行数不一致 Row counts differ after the restore: ${differ.join(', ')}\n`);
      return 1;
    }
    process.stdout.write(
      `已恢复 Restored ${file} (卫监 ${header.version}, ${header.createdAt}) → ${config.dataDir}; row counts match (${Object.keys(counts).length} tables). Run: weijian audit verify\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof BackupError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
