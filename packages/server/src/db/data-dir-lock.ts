import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite has no lock of its own: two processes writing one directory corrupt it (stack notes §2).
 * This lock file makes the embedded database single-owner. A lock left by a dead process is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly ownerPid: number,
  ) {
    super(
      `数据目录 ${dir} 已被另一个进程（PID ${ownerPid}）使用；嵌入式数据库只能由一个进程打开。请先停止该进程，或用 WEIJIAN_DATA_DIR 指定其他目录，或用 DATABASE_URL 连接 PostgreSQL 以运行多个进程。\n` +
        `The data directory ${dir} is in use by another process (PID ${ownerPid}); the embedded database can only be opened by one process. Stop that process, choose another directory with WEIJIAN_DATA_DIR, or use DATABASE_URL to run several processes on PostgreSQL.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dir: string): DataDirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'weijian.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(
        fd,
        JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }),
      );
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number };
          if (owner.pid === process.pid) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner: { pid: number; host?: string } | undefined;
      try {
        owner = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number; host?: string };
      } catch {
        owner = undefined; // half-written or corrupt: treat as stale
      }
      const sameHost = !owner?.host || owner.host === os.hostname();
      if (owner && owner.pid !== process.pid && (!sameHost || processAlive(owner.pid))) {
        throw new DataDirLockedError(dir, owner.pid);
      }
      fs.rmSync(file, { force: true }); // stale lock of a process that died
    }
  }
  throw new Error(`could not lock ${dir}`);
}
