import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';

const USAGE = `weijian <command>

  start                          启动平台 Start the platform (PORT, DATABASE_URL, WEIJIAN_DATA_DIR…)
  migrate                        应用数据库迁移 Apply database migrations
  seed [--scale N]               载入演示数据 Load the demo data
  calendar add-working-days DATE N    N 个工作日后的日期 Due date N working days after DATE
  calendar add-calendar-days DATE N   N 个自然日（末日顺延）Due date N calendar days after DATE
  calendar day DATE              某日是否工作日 Whether DATE is a working day
  audit verify                   校验审计日志哈希链 Verify the audit trail's hash chain
  case verify CASE_ID            校验案件执法全过程记录 Verify a case's enforcement record and files
  import establishments FILE [--dry-run] [--json] [--skip-invalid]
                                 导入监管对象（.xlsx / CSV，全部或全不）Import establishments, all or nothing
  export establishments FILE     导出监管对象名录 Export every establishment to .xlsx
  backup FILE                    备份嵌入式数据库与上传文件 Back up the embedded database and uploaded files
  restore FILE [--force]         从备份恢复到 WEIJIAN_DATA_DIR Restore a backup into WEIJIAN_DATA_DIR
  draw verify RECORD.json        校验抽取记录（无需数据库）Verify a draw record (no database needed)
`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      scale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      'skip-invalid': { type: 'boolean' },
      force: { type: 'boolean' },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  // A draw record is verified by anyone, anywhere: no configuration, no database, domain code only.
  if (command === 'draw') return (await import('./draw-command.js')).drawCommand(rest);
  // Configuration is checked first; then each command loads only what it needs (`calendar`
  // answers without loading the HTTP server).
  const config = loadConfig();
  switch (command) {
    case 'calendar':
      return (await import('./calendar-command.js')).calendarCommand(config, rest);
    case 'start':
      return (await import('./start-command.js')).startCommand(config);
    case 'migrate':
      return (await import('./database-commands.js')).migrateCommand(config);
    case 'seed':
      return (await import('./database-commands.js')).seedCommand(config, values.scale);
    case 'audit':
      return (await import('./audit-command.js')).auditCommand(config, rest);
    case 'case':
      return (await import('./case-command.js')).caseCommand(config, rest);
    case 'import':
      return (await import('./registry-commands.js')).importCommand(config, rest, {
        dryRun: values['dry-run'] === true,
        json: values.json === true,
        skipInvalid: values['skip-invalid'] === true,
      });
    case 'backup':
      return (await import('./backup-command.js')).backupCommand(config, rest);
    case 'restore':
      return (await import('./backup-command.js')).restoreCommand(config, rest, values.force === true);
    case 'export':
      return (await import('./registry-commands.js')).exportCommand(config, rest);
    default:
      process.stderr.write(`未知命令 Unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof ConfigError || e instanceof DataDirLockedError) {
      process.stderr.write(`${e.message}\n`);
    } else {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    }
    process.exitCode = 1;
  },
);
