import type { Config } from '../config.js';
import { verifyAuditChain } from '../modules/audit/verify-chain.js';
import { openDatabase } from '../platform.js';

export async function auditCommand(config: Config, args: string[]): Promise<number> {
  if (args[0] !== 'verify') {
    process.stderr.write('用法 Usage: weijian audit verify\n');
    return 2;
  }
  const database = await openDatabase(config);
  try {
    const verdict = await verifyAuditChain(database.db);
    if (verdict.ok) {
      process.stdout.write(
        `审计日志完整 Audit trail intact: ${verdict.rows} rows, last hash ${verdict.lastHash}\n`,
      );
      return 0;
    }
    process.stdout.write(
      `审计日志被篡改 Audit trail broken at row id ${verdict.brokenAt} (${verdict.reason}); rows checked: ${verdict.rows}\n`,
    );
    return 1;
  } finally {
    await database.close();
  }
}
