import type { Readable } from 'node:stream';
import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import { putFile, readFile } from '../../files/file-store.js';
import { receiveUpload } from '../../files/receive-upload.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { gridInScope } from './grid-scope.js';

/** Largest patrol photo accepted (bytes): a phone photo is 2–6 MB. */
export const PATROL_PHOTO_LIMIT = 10 * 1024 * 1024;
/** At most this many photos on one patrol record. */
export const PATROL_PHOTO_MAX = 20;

export const photoNotImage = () =>
  new DomainError(
    'unsupported_media_type',
    '巡查照片须为 JPEG 或 PNG 图片（按文件内容识别，不看扩展名）',
    'A patrol photo must be a JPEG or PNG image (recognised by its content, not its name)',
    { accepted: ['image/jpeg', 'image/png'] },
  );

export const photoTooLarge = () =>
  new DomainError(
    'payload_too_large',
    `巡查照片不得超过 ${PATROL_PHOTO_LIMIT / 1024 / 1024} MB`,
    `A patrol photo may not exceed ${PATROL_PHOTO_LIMIT / 1024 / 1024} MB`,
    { limitBytes: PATROL_PHOTO_LIMIT },
  );

/**
 * Receives one photo through the shared upload receiver (type from the first bytes, size checked on
 * the way in), refuses anything but JPEG or PNG, stores it and records it as the uploader's, not yet
 * on a patrol record. Audited.
 */
export async function uploadPatrolPhoto(opts: {
  ctx: AppContext;
  actor: Actor;
  stream: Readable;
  truncated: () => boolean;
}) {
  const { ctx, actor } = opts;
  if (!actor.unit)
    throw new DomainError('forbidden', '巡查照片由工作人员上传', 'Patrol photos are taken by staff');
  const { bytes, type } = await receiveUpload(opts.stream, {
    limitBytes: PATROL_PHOTO_LIMIT,
    tooLarge: photoTooLarge,
    unsupported: photoNotImage,
  });
  if (opts.truncated()) throw photoTooLarge();
  if (type !== 'image/jpeg' && type !== 'image/png') throw photoNotImage();
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    // In the same transaction on PostgreSQL, so a failed write leaves no bytes behind.
    const stored = await putFile(ctx, bytes, tx);
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO oversight_patrol_photo (sha256, media_type, size_bytes, region_code, department_code, uploaded_by, uploaded_at)
          VALUES (${stored.sha256}, ${type}, ${bytes.length}, ${actor.unit!.regionCode}, ${actor.unit!.departmentCode},
            ${actor.userId}, ${at.toISOString()}) RETURNING id`,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'oversight.patrol.photo.upload',
        entityType: 'oversight_patrol_photo',
        entityId: String(row!.id),
        diff: { photo: [null, { sha256: stored.sha256, type, size: bytes.length }] },
      },
      at,
    );
    return { sha256: stored.sha256, mediaType: type, sizeBytes: bytes.length };
  });
}

/**
 * Attaches photos the actor uploaded (and no record has claimed yet) to a patrol record. A hash the
 * actor did not upload, or one already on another record, is refused by name.
 */
export async function claimPatrolPhotos(tx: Executor, actor: Actor, patrolId: number, hashes: string[]) {
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return;
  if (unique.length > PATROL_PHOTO_MAX) {
    throw new DomainError(
      'validation_failed',
      `一条巡查记录最多 ${PATROL_PHOTO_MAX} 张照片`,
      `A patrol record has at most ${PATROL_PHOTO_MAX} photos`,
    );
  }
  const rows = await queryRows<{ id: number; sha256: string }>(
    tx,
    sql`SELECT id, sha256 FROM oversight_patrol_photo
        WHERE uploaded_by = ${actor.userId} AND patrol_id IS NULL AND sha256 IN (${sql.join(
          unique.map((h) => sql`${h}`),
          sql`, `,
        )}) ORDER BY id FOR UPDATE`,
  );
  // The same picture uploaded twice is one photo: the first free upload is the one claimed.
  const free = unique.flatMap((h) => rows.filter((r) => r.sha256.trim() === h).slice(0, 1));
  const missing = unique.filter((h) => !free.some((f) => f.sha256.trim() === h));
  if (missing.length) {
    throw new DomainError(
      'validation_failed',
      `照片未上传或已用于其他巡查记录：${missing.map((h) => h.slice(0, 12)).join('、')}`,
      `Photos not uploaded by you or already on another record: ${missing.map((h) => h.slice(0, 12)).join(', ')}`,
    );
  }
  await tx.execute(
    sql`UPDATE oversight_patrol_photo SET patrol_id = ${patrolId} WHERE id IN (${sql.join(
      free.map((f) => sql`${f.id}`),
      sql`, `,
    )})`,
  );
}

/** A photo of a patrol record the actor may see: its bytes and type; "not found" otherwise. */
export async function openPatrolPhoto(opts: {
  ctx: AppContext;
  actor: Actor;
  patrolId: number;
  sha256: string;
}) {
  const { ctx, actor } = opts;
  const db = ctx.database.db;
  const p = await queryOne<{ media_type: string }>(
    db,
    sql`SELECT ph.media_type FROM oversight_patrol_photo ph
        JOIN oversight_patrol p ON p.id = ph.patrol_id JOIN oversight_grid g ON g.id = p.grid_id
        WHERE ph.patrol_id = ${opts.patrolId} AND ph.sha256 = ${opts.sha256} AND ${gridInScope(actor)} LIMIT 1`,
  );
  const bytes = p ? await readFile(ctx, opts.sha256) : null;
  if (!p || !bytes) {
    throw new DomainError('not_found', '照片不存在', 'No such photo');
  }
  return { bytes, mediaType: p.media_type };
}
