import { createHash } from 'node:crypto';
import fs from 'node:fs';

/**
 * The backup file of the embedded database (`weijian backup`): one file, written in one pass.
 *
 *   WEIJIAN-BACKUP\n
 *   {"format":1,"version":"0.1.0","migrations":[…],"createdAt":"…","entries":[{"name","size","sha256"}…]}\n
 *   <the entries' bytes, one after another>
 *   \nWEIJIAN-END <sha256 of everything above>\n
 *
 * The trailer makes a truncated copy detectable before anything is written; each entry has its own
 * hash as well, so a damaged file names the entry.
 */
export const MAGIC = 'WEIJIAN-BACKUP\n';
export const FORMAT = 1;
const TRAILER_PREFIX = '\nWEIJIAN-END ';
export const TRAILER_LENGTH = TRAILER_PREFIX.length + 64 + 1;

export interface BackupEntry {
  /** 'pgdata.tar.gz' (the database), 'files/<path>' (uploaded files) or a key file of the data dir. */
  name: string;
  size: number;
  sha256: string;
}

export interface BackupHeader {
  format: number;
  version: string;
  /** Names of the migrations applied to the database in the backup. */
  migrations: string[];
  createdAt: string;
  entries: BackupEntry[];
  /** Rows per table when the backup was made (the restore compares them). */
  rowCounts: Record<string, number>;
}

export class BackupError extends Error {
  constructor(
    readonly code: 'not_a_backup' | 'truncated' | 'damaged' | 'newer_version' | 'target_not_empty' | 'in_use',
    zh: string,
    en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'BackupError';
  }
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Writes a backup: the header, then each entry's bytes (read lazily, one at a time), then the trailer. */
export function writeBackupFile(
  file: string,
  header: Omit<BackupHeader, 'entries' | 'format'>,
  entries: { name: string; read: () => Buffer }[],
): BackupHeader {
  // Hash every entry first (the header, written first, lists them).
  const listed = entries.map((e) => {
    const data = e.read();
    return { name: e.name, size: data.length, sha256: sha256(data) };
  });
  const full: BackupHeader = { format: FORMAT, ...header, entries: listed };
  const tmp = `${file}.partial`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  const whole = createHash('sha256');
  const put = (b: Buffer) => {
    fs.writeSync(fd, b);
    whole.update(b);
  };
  try {
    put(Buffer.from(MAGIC));
    put(Buffer.from(`${JSON.stringify(full)}\n`));
    for (const e of entries) {
      const data = e.read();
      const expected = listed.find((l) => l.name === e.name)!;
      if (sha256(data) !== expected.sha256) {
        throw new Error(`文件在备份过程中被修改 / ${e.name} changed while the backup was being written`);
      }
      put(data);
    }
    fs.writeSync(fd, Buffer.from(`${TRAILER_PREFIX}${whole.digest('hex')}\n`));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file); // a crash mid-way never leaves a file that looks complete
  return full;
}

export interface OpenedBackup {
  header: BackupHeader;
  /** Reads one entry's bytes, checking its hash. */
  read(entry: BackupEntry): Buffer;
  close(): void;
}

const truncated = () =>
  new BackupError(
    'truncated',
    '备份文件不完整（被截断），无法恢复。请使用完整的备份文件。',
    'The backup file is incomplete (truncated) and cannot be restored. Use a complete copy.',
  );

/** Opens and checks a backup file completely (size, trailer hash) before anything is restored. */
export function openBackupFile(file: string, knownMigrations: string[], appVersion: string): OpenedBackup {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, 4 * 1024 * 1024));
    fs.readSync(fd, head, 0, head.length, 0);
    if (!head.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC))) {
      throw new BackupError(
        'not_a_backup',
        `${file} 不是卫监备份文件（由 weijian backup 生成）。`,
        `${file} is not a Weijian backup file (made by weijian backup).`,
      );
    }
    const end = head.indexOf(0x0a, MAGIC.length);
    if (end < 0) throw truncated();
    let header: BackupHeader;
    try {
      header = JSON.parse(head.subarray(MAGIC.length, end).toString('utf8')) as BackupHeader;
    } catch {
      throw truncated();
    }
    const unknown = header.migrations.filter((m) => !knownMigrations.includes(m));
    if (header.format > FORMAT || unknown.length > 0) {
      throw new BackupError(
        'newer_version',
        `备份文件来自更新的卫监版本（${header.version}${unknown.length ? `，含本版本不认识的迁移 ${unknown.join('、')}` : ''}），本程序版本 ${appVersion} 无法恢复；请先升级卫监。`,
        `The backup was made by a newer Weijian (${header.version}${unknown.length ? `, with migrations this version does not know: ${unknown.join(', ')}` : ''}); this version (${appVersion}) cannot restore it. Upgrade Weijian first.`,
      );
    }
    const bodyStart = end + 1;
    const expected = bodyStart + header.entries.reduce((n, e) => n + e.size, 0) + TRAILER_LENGTH;
    if (size < expected) throw truncated();
    // The whole-file hash, streamed in 1 MiB pieces.
    const whole = createHash('sha256');
    const chunk = Buffer.alloc(1024 * 1024);
    const hashed = expected - TRAILER_LENGTH;
    for (let pos = 0; pos < hashed; ) {
      const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, hashed - pos), pos);
      whole.update(chunk.subarray(0, n));
      pos += n;
    }
    const trailer = Buffer.alloc(TRAILER_LENGTH);
    fs.readSync(fd, trailer, 0, TRAILER_LENGTH, hashed);
    const text = trailer.toString('utf8');
    if (!text.startsWith(TRAILER_PREFIX)) throw truncated();
    if (text.slice(TRAILER_PREFIX.length, TRAILER_PREFIX.length + 64) !== whole.digest('hex')) {
      throw new BackupError(
        'damaged',
        '备份文件已损坏（校验值不符），无法恢复。',
        'The backup file is damaged (its checksum does not match) and cannot be restored.',
      );
    }
    const offsets = new Map<string, number>();
    let at = bodyStart;
    for (const e of header.entries) {
      offsets.set(e.name, at);
      at += e.size;
    }
    return {
      header,
      read(entry) {
        const data = Buffer.alloc(entry.size);
        fs.readSync(fd, data, 0, entry.size, offsets.get(entry.name)!);
        if (sha256(data) !== entry.sha256) {
          throw new BackupError(
            'damaged',
            `备份文件中的 ${entry.name} 已损坏。`,
            `${entry.name} in the backup is damaged.`,
          );
        }
        return data;
      },
      close: () => fs.closeSync(fd),
    };
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}
