import type { Readable } from 'node:stream';
import { type DomainError, type MaterialType, sniffMaterialType } from '@weijian/domain';

/**
 * Reads an uploaded file into memory, checking its type from its first bytes and its size on the
 * way in, so a wrong or oversized file is refused before it is read whole. The bytes then go to the
 * file store (which on PostgreSQL keeps them in a row: nothing touches the data directory).
 */
export async function receiveUpload(
  stream: Readable,
  rules: { limitBytes: number; tooLarge: () => DomainError; unsupported: () => DomainError },
): Promise<{ bytes: Buffer; type: MaterialType }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let type: MaterialType | null = null;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size > rules.limitBytes) throw rules.tooLarge();
      if (type === null && size >= 8) {
        type = sniffMaterialType(Buffer.concat(chunks));
        if (!type) throw rules.unsupported();
      }
    }
  } catch (e) {
    stream.resume();
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw rules.tooLarge();
    throw e;
  }
  const bytes = Buffer.concat(chunks);
  type ??= sniffMaterialType(bytes);
  if (!type || size === 0) throw rules.unsupported();
  return { bytes, type };
}
