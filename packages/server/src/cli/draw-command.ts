import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
// Only the domain package: verifying a record needs no database, no configuration, no server.
import { verifyDrawRecord } from '@weijian/domain/inspection/index';

const USAGE =
  'weijian draw verify RECORD.json   校验抽取记录 Re-run a draw from its record and compare every field\n';

/**
 * `weijian draw verify FILE`: exit 0 when the record re-computes exactly, 1 naming the first field
 * that does not (docs/draw-algorithm.md §9), 2 when the file cannot be read as JSON.
 */
export async function drawCommand(args: string[]): Promise<number> {
  const [sub, file] = args;
  if (sub !== 'verify' || !file) {
    process.stderr.write(USAGE);
    return 2;
  }
  let record: unknown;
  try {
    let bytes = fs.readFileSync(file);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    record = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    process.stderr.write(`无法读取记录文件 Cannot read the record file ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const started = performance.now();
  const result = verifyDrawRecord(record);
  const ms = Math.round(performance.now() - started);
  if (result.ok) {
    const s = result.summary;
    process.stdout.write(
      `抽取记录一致 Draw record verified: ${s.campaign} (${s.algorithm})\n` +
        `  seed ${s.seed}\n` +
        `  pool ${s.pool}, roster ${s.roster}, strata ${s.strata}, targets ${s.targets}, replacements ${s.replacements} (${ms} ms)\n`,
    );
    return 0;
  }
  process.stderr.write(
    `抽取记录不一致 Draw record does NOT verify.\n第一个不一致的字段 First mismatching field: ${result.field}\n  ${result.messageZh}\n  ${result.messageEn}\n` +
      (result.expected !== undefined
        ? `  recomputed: ${JSON.stringify(result.expected)}\n  recorded:   ${JSON.stringify(result.actual)}\n`
        : ''),
  );
  return 1;
}
