import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config.js';
import { SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import type { Actor } from '../modules/identity/actor.js';
import { SecretBox } from '../modules/identity/secret-box.js';
import { writeEstablishmentWorkbook } from '../modules/registry/export/write-workbook.js';
import { importEstablishments } from '../modules/registry/import/import-establishments.js';
import { cliReport } from '../modules/registry/import/report.js';
import { establishmentsForExport } from '../modules/registry/queries.js';
import { openDatabase, prepareDatabase, secretKey } from '../platform.js';

/**
 * `weijian import establishments FILE` and `weijian export establishments FILE`: the operator on the
 * server acts for the whole installation (every region), recorded as cli:<os user> in the audit
 * trail and the history. Files of any size stream; progress goes to stderr, so with --json stdout
 * holds exactly the report.
 */
const cliActorName = () => `cli:${os.userInfo().username}`;

function usage(): number {
  process.stderr.write(
    '用法 Usage: weijian import establishments FILE [--dry-run] [--json] [--skip-invalid]\n',
  );
  return 2;
}

export async function importCommand(
  config: Config,
  args: string[],
  opts: { dryRun: boolean; json: boolean; skipInvalid: boolean },
): Promise<number> {
  const [what, file] = args;
  if (what !== 'establishments' || !file) return usage();
  if (!fs.existsSync(file)) {
    process.stderr.write(`文件不存在 File not found: ${file}\n`);
    return 2;
  }
  const database = await openDatabase(config);
  try {
    await prepareDatabase(database);
    const started = Date.now();
    const report = await importEstablishments({
      database,
      secrets: new SecretBox(secretKey(config)),
      now: () => new Date(),
      actor: { audit: { ...SYSTEM_ACTOR, name: cliActorName() }, regionPrefix: '' },
      path: file,
      fileName: path.basename(file),
      dryRun: opts.dryRun,
      skipInvalid: opts.skipInvalid,
      maxErrors: 10_000,
      onProgress: (p) => {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const phase = {
          reading: '读取并校验 reading',
          checking: '检查 checking',
          writing: '写入 writing',
          done: '完成 done',
        }[p.phase];
        process.stderr.write(`进度 progress: ${phase} ${p.rows} 行 rows (${seconds} s)\n`);
      },
    });
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(cliReport(report))}\n`);
    } else {
      for (const e of report.errors)
        process.stdout.write(`第 ${e.row} 行 row ${e.row}  ${e.column || '-'}  ${e.message}\n`);
      if (report.errorCount > report.errors.length)
        process.stdout.write(`……共 ${report.errorCount} 个问题 (${report.errorCount} problems in all)\n`);
      const summary = report.committed
        ? `已导入 committed: 新增 inserted ${report.inserted}，更新 updated ${report.updated}，未变 unchanged ${report.unchanged}（批次 batch ${report.batchId}）`
        : opts.dryRun
          ? `试导入 dry run: 共 ${report.rows} 行 rows，有效 valid ${report.valid}，未写入 nothing written`
          : `未导入 not committed: 有 ${report.errorCount} 个问题，未写入任何数据 nothing was written`;
      process.stdout.write(`${summary}\n`);
    }
    return report.errorCount > 0 && !report.committed ? 1 : 0;
  } finally {
    await database.close();
  }
}

/** The command acts for the whole installation: an actor whose region subtree is everything. */
const CLI_EXPORT_ACTOR = {
  userId: 0,
  username: cliActorName(),
  displayName: 'weijian',
  kind: 'staff',
  unit: null,
  regionPrefix: '',
  establishmentId: null,
  roles: [],
  permissions: new Set(),
  secondFactorEnabled: true,
  mustChangePassword: false,
  sessionId: null,
  ip: null,
  requestId: null,
} satisfies Actor;

export async function exportCommand(config: Config, args: string[]): Promise<number> {
  const [what, file] = args;
  if (what !== 'establishments' || !file) {
    process.stderr.write('用法 Usage: weijian export establishments FILE\n');
    return 2;
  }
  const database = await openDatabase(config);
  try {
    await prepareDatabase(database);
    const out = fs.createWriteStream(file);
    const done = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
    });
    const n = await writeEstablishmentWorkbook(
      out,
      establishmentsForExport(database.db, CLI_EXPORT_ACTOR, {}),
    );
    await done;
    process.stdout.write(`已导出 exported ${n} 个监管对象 establishments → ${file}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
