import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '@weijian/domain';

/** Uploads and downloads of spreadsheets: a raw request body spooled to a temporary file, with a size limit. */
export function attachment(name: string): string {
  return `attachment; filename="${encodeURIComponent(name).replace(/%/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function tooLarge(limit: number): DomainError {
  const mb = Math.round(limit / 1024 / 1024);
  return new DomainError(
    'payload_too_large',
    `文件超过上传上限 ${mb} MB；请拆分后分批导入，或由管理员用 weijian import 命令在服务器上导入（不限大小）`,
    `The file exceeds the upload limit of ${mb} MB; split it, or have an administrator run weijian import on the server`,
    { limitBytes: limit },
  );
}

/** Spools an upload to a temporary file, counting bytes: past the limit it stops and answers 413. */
export async function spool(body: Readable, limit: number): Promise<string> {
  const file = path.join(os.tmpdir(), `weijian-upload-${randomBytes(8).toString('hex')}`);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > limit) done(tooLarge(limit));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body, counter, fs.createWriteStream(file));
  } catch (e) {
    fs.rmSync(file, { force: true });
    if (e instanceof DomainError) body.resume();
    throw e;
  }
  return file;
}
