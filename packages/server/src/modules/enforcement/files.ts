import type { Readable } from 'node:stream';
import { DomainError, MATERIAL_TYPES, type MaterialType } from '@weijian/domain';
import { putFile } from '../../files/file-store.js';
import { receiveUpload } from '../../files/receive-upload.js';
import type { AppContext } from '../../http/context.js';

/**
 * Evidence files: PDF, JPEG or PNG only (by their first bytes), at most EVIDENCE_LIMIT bytes,
 * kept by SHA-256 in the file store shared with licensing materials and inspection photos
 * (src/files/file-store.ts: a file with the same content is stored once). Checked for type and size
 * as it arrives (src/files/receive-upload.ts), then stored whole.
 */
export const EVIDENCE_LIMIT = 20 * 1024 * 1024;

export function unsupportedFile(): DomainError {
  return new DomainError(
    'unsupported_media_type',
    '只接受 PDF、JPEG 或 PNG 文件（按文件内容识别，不看扩展名）',
    'Only PDF, JPEG or PNG files are accepted (recognised by their content, not their name)',
    { accepted: MATERIAL_TYPES },
  );
}

export function fileTooLarge(): DomainError {
  return new DomainError(
    'payload_too_large',
    `文件超过 ${EVIDENCE_LIMIT / 1024 / 1024} MB 上限`,
    `The file exceeds the ${EVIDENCE_LIMIT / 1024 / 1024} MB limit`,
    { limitBytes: EVIDENCE_LIMIT },
  );
}

export interface StoredFile {
  sha256: string;
  size: number;
  type: MaterialType;
  /** Whether this upload brought the file in (so a refused upload can remove it again). */
  added: boolean;
}

/** Receives an upload (type and size checked on the way in), then puts it into the file store. */
export async function storeFile(
  ctx: AppContext,
  stream: Readable,
  truncated: () => boolean,
): Promise<StoredFile> {
  const { bytes, type } = await receiveUpload(stream, {
    limitBytes: EVIDENCE_LIMIT,
    tooLarge: fileTooLarge,
    unsupported: unsupportedFile,
  });
  if (truncated()) throw fileTooLarge();
  const stored = await putFile(ctx, bytes);
  return { sha256: stored.sha256, size: bytes.length, type, added: stored.added };
}
