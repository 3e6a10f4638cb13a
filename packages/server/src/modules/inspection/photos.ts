import { createHash } from 'node:crypto';
import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import { putFile } from '../../files/file-store.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { loadInspection } from './inspection-queries.js';

/** Largest photo accepted (bytes): phone photos are 2–6 MB. */
export const PHOTO_LIMIT = 10 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'application/octet-stream'];

/** The type from the first bytes (never from the declared content type or a file name). */
export function imageTypeOf(bytes: Buffer): 'image/jpeg' | 'image/png' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'image/png';
  }
  return null;
}

/** Stores a photo of an open inspection (JPEG or PNG by its magic bytes, at most PHOTO_LIMIT). */
export async function uploadPhoto(opts: {
  ctx: AppContext;
  actor: Actor;
  inspectionId: number;
  bytes: Buffer;
}) {
  const { ctx, actor, inspectionId, bytes } = opts;
  const type = imageTypeOf(bytes);
  if (!type) {
    throw new DomainError(
      'unsupported_media_type',
      '照片须为 JPEG 或 PNG 图片',
      'A photo must be a JPEG or PNG image',
    );
  }
  if (bytes.length > PHOTO_LIMIT) {
    throw new DomainError(
      'payload_too_large',
      `照片不得超过 ${PHOTO_LIMIT / 1024 / 1024} MB`,
      `A photo may not exceed ${PHOTO_LIMIT / 1024 / 1024} MB`,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const task = await loadInspection(tx, actor, inspectionId, true);
    if (task.status !== 'assigned') {
      throw new DomainError(
        'invalid_transition',
        '检查已完成，不能再添加照片',
        'The inspection is completed; photos can no longer be added',
      );
    }
    // In the same transaction on PostgreSQL, so a refused photo leaves no bytes behind.
    await putFile(ctx, bytes, tx);
    const row = await queryOne<{ id: number; uploaded_at: Date | string }>(
      tx,
      sql`INSERT INTO inspection_photo (inspection_id, sha256, media_type, size_bytes, uploaded_at, uploaded_by)
          VALUES (${inspectionId}, ${sha256}, ${type}, ${bytes.length}, ${at.toISOString()}, ${actor.userId}) RETURNING id, uploaded_at`,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'inspection.photo.upload',
        entityType: 'inspection',
        entityId: inspectionId,
        diff: { photo: [null, { id: Number(row!.id), sha256, type, size: bytes.length }] },
      },
      at,
    );
    return {
      id: Number(row!.id),
      sha256,
      mediaType: type,
      sizeBytes: bytes.length,
      uploadedAt: new Date(row!.uploaded_at).toISOString(),
    };
  });
}
