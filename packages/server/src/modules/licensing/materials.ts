import { Readable } from 'node:stream';
import { DomainError, MATERIAL_TYPES, type MaterialType } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import { putFile, readFile, removeFile } from '../../files/file-store.js';
import { receiveUpload } from '../../files/receive-upload.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { iso, notFound, workflowRoles } from './access.js';
import { type ApplicationRow, loadApplication } from './application-record.js';
import { permitVersion } from './catalogue.js';

/**
 * Uploaded materials: PDF, JPEG or PNG only (recognised by their first bytes), at most
 * MATERIAL_LIMIT bytes, kept in the file store (src/files/file-store.ts) by SHA-256. An upload is
 * checked for type and size as it arrives (src/files/receive-upload.ts), then stored whole, so no
 * reader ever sees half of one; the database row is written only once the file is stored.
 */
export const MATERIAL_LIMIT = 10 * 1024 * 1024;
const EDITABLE = new Set(['draft', 'signed', 'correction_requested']);
const MATERIAL = { zh: '申请材料', en: 'Material' };

export interface MaterialDto {
  id: number;
  materialCode: string;
  fileName: string;
  contentType: MaterialType;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string | null;
}

export async function materialsOf(db: Executor, applicationId: number): Promise<MaterialDto[]> {
  const rows = await queryRows<{
    id: number;
    material_code: string;
    file_name: string;
    content_type: MaterialType;
    size_bytes: number;
    sha256: string;
    uploaded_at: Date | string;
    uploaded_by_name: string | null;
  }>(
    db,
    sql`SELECT id, material_code, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by_name
        FROM licensing_material WHERE application_id = ${applicationId} ORDER BY id`,
  );
  return rows.map((r) => ({
    id: r.id,
    materialCode: r.material_code,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    uploadedAt: iso(r.uploaded_at),
    uploadedBy: r.uploaded_by_name,
  }));
}

/** Checks that the actor may add or remove materials of this application now, and that the code exists. */
export async function assertMaterialsEditable(
  db: Executor,
  actor: Actor,
  app: ApplicationRow,
  materialCode: string | null,
): Promise<void> {
  if (!workflowRoles(actor, app.establishment_id).includes('applicant')) {
    throw new DomainError(
      'forbidden',
      '只有申请人可以上传或删除申请材料',
      'Only the applicant adds or removes materials',
    );
  }
  if (!EDITABLE.has(app.state)) {
    throw new DomainError(
      'materials_locked',
      '申请已提交，材料不能再更改（补正时可以补充材料）',
      'The application has been submitted; materials can change only while a correction is requested',
      { state: app.state },
    );
  }
  if (materialCode === null) return;
  const def = (await permitVersion(db, app.permit_code, app.permit_version)).definition;
  const known = def.materials.find((m) => m.code === materialCode);
  if (!known || known.removed) {
    throw new DomainError(
      'unknown_material',
      known ? `“${known.nameZh}”已取消，不再需要提交` : `该事项没有代码为 ${materialCode} 的申请材料`,
      known ? `"${known.nameEn}" is no longer asked for` : `This permit type has no material ${materialCode}`,
      {
        errors: [
          {
            path: 'materialCode',
            code: 'unknown_material',
            messageZh: '材料代码无效',
            messageEn: 'Unknown material code',
          },
        ],
        materialCodes: def.materials.filter((m) => !m.removed).map((m) => m.code),
      },
    );
  }
}

function unsupported(): DomainError {
  return new DomainError(
    'unsupported_media_type',
    '只接受 PDF、JPEG 或 PNG 文件（按文件内容识别，不看扩展名）',
    'Only PDF, JPEG or PNG files are accepted (recognised by their content, not their name)',
    { accepted: MATERIAL_TYPES },
  );
}

export function tooLarge(): DomainError {
  return new DomainError(
    'payload_too_large',
    `文件超过 ${MATERIAL_LIMIT / 1024 / 1024} MB 上限`,
    `The file exceeds the ${MATERIAL_LIMIT / 1024 / 1024} MB limit`,
    { limitBytes: MATERIAL_LIMIT },
  );
}

/** The uploader's file name without path separators or control characters, at most 200 characters. */
function safeFileName(name: string): string {
  const clean = Array.from(name, (ch) => (ch < ' ' || ch === '/' || ch === '\\' ? '_' : ch)).join('');
  return clean.slice(0, 200) || 'file';
}

export async function storeMaterial(opts: {
  ctx: AppContext;
  actor: Actor;
  applicationId: number;
  materialCode: string;
  fileName: string;
  stream: Readable;
  truncated: () => boolean;
}): Promise<MaterialDto> {
  const { ctx, actor, applicationId, materialCode } = opts;
  const received = await receiveUpload(opts.stream, {
    limitBytes: MATERIAL_LIMIT,
    tooLarge,
    unsupported,
  });
  if (opts.truncated()) throw tooLarge();
  const stored = await putFile(ctx, received.bytes);
  const at = ctx.now();
  try {
    return await ctx.database.db.transaction(async (tx) => {
      const app = await loadApplication(tx, actor, applicationId, { forUpdate: true });
      await assertMaterialsEditable(tx, actor, app, materialCode);
      const fileName = safeFileName(opts.fileName);
      const row = await queryOne<{ id: number }>(
        tx,
        sql`INSERT INTO licensing_material (application_id, material_code, file_name, content_type, size_bytes, sha256,
              uploaded_at, uploaded_by, uploaded_by_name)
            VALUES (${applicationId}, ${materialCode}, ${fileName}, ${received.type}, ${received.bytes.length}, ${stored.sha256},
              ${at.toISOString()}, ${actor.userId}, ${actor.username}) RETURNING id`,
      );
      await recordAudit(
        tx,
        auditActorOf(actor),
        {
          action: 'licensing.material.upload',
          entityType: 'licensing_application',
          entityId: applicationId,
          diff: {
            materialCode: [null, materialCode],
            sha256: [null, stored.sha256],
            sizeBytes: [null, received.bytes.length],
          },
        },
        at,
      );
      return (await materialsOf(tx, applicationId)).find((m) => m.id === row!.id)!;
    });
  } catch (e) {
    // Nothing refers to a file this upload brought in; remove it so a refused upload leaves nothing.
    if (stored.added) await removeFile(ctx, stored.sha256);
    throw e;
  }
}

export async function deleteMaterial(opts: {
  ctx: AppContext;
  actor: Actor;
  applicationId: number;
  materialId: number;
}) {
  const { ctx, actor, applicationId, materialId } = opts;
  const at = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const app = await loadApplication(tx, actor, applicationId, { forUpdate: true });
    const m = await queryOne<{ material_code: string; sha256: string }>(
      tx,
      sql`SELECT material_code, sha256 FROM licensing_material WHERE id = ${materialId} AND application_id = ${applicationId}`,
    );
    if (!m) throw notFound(MATERIAL, materialId);
    await assertMaterialsEditable(tx, actor, app, null);
    await tx.execute(sql`DELETE FROM licensing_material WHERE id = ${materialId}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'licensing.material.delete',
        entityType: 'licensing_application',
        entityId: applicationId,
        diff: { materialCode: [m.material_code, null], sha256: [m.sha256, null] },
      },
      at,
    );
  });
}

/** The stored file of a material the actor may see. */
export async function openMaterial(opts: {
  ctx: AppContext;
  actor: Actor;
  applicationId: number;
  materialId: number;
}) {
  const { ctx, actor, applicationId, materialId } = opts;
  await loadApplication(ctx.database.db, actor, applicationId);
  const m = (await materialsOf(ctx.database.db, applicationId)).find((x) => x.id === materialId);
  if (!m) throw notFound(MATERIAL, materialId);
  const bytes = await readFile(ctx, m.sha256);
  if (!bytes) throw notFound(MATERIAL, materialId);
  return { material: m, stream: Readable.from(bytes) };
}
