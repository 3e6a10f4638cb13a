import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { permitVersions } from './catalogue.js';
import { assertPermitInAdminScope } from './catalogue-scope.js';

/**
 * 草稿 of the next version of a permit type (issue 5, catalogue editor): one per type, on the
 * server, so every administrator whose level and department cover the type sees and continues the
 * work in progress. The values are the editor's own (checked only on preview and publishing);
 * drafts are never public and are removed when a version is published or the draft discarded.
 */
export interface PermitDraft {
  code: string;
  baseVersion: number;
  values: Record<string, unknown>;
  savedBy: string;
  savedAt: string;
}

/** The latest version of a type the actor may revise (the scope of the catalogue editor). */
async function latestInScope(db: Executor, actor: Actor, code: string) {
  const latest = (await permitVersions(db, code)).at(-1);
  if (!latest) {
    throw new DomainError('not_found', `许可事项 ${code} 不存在`, `Permit type ${code} does not exist`);
  }
  assertPermitInAdminScope(actor, latest.definition);
  return latest;
}

/** The type's draft, or null when it has none. */
export async function permitDraft(db: Executor, actor: Actor, code: string): Promise<PermitDraft | null> {
  await latestInScope(db, actor, code);
  const row = await queryOne<{
    base_version: number;
    draft: unknown;
    saved_by: string;
    saved_at: string | Date;
  }>(
    db,
    sql`SELECT d.base_version, d.draft, u.display_name AS saved_by, d.saved_at
        FROM permit_type_draft d JOIN app_user u ON u.id = d.saved_by WHERE d.code = ${code}`,
  );
  if (!row) return null;
  return {
    code,
    baseVersion: row.base_version,
    values: (typeof row.draft === 'string' ? JSON.parse(row.draft) : row.draft) as Record<string, unknown>,
    savedBy: row.saved_by,
    savedAt: new Date(row.saved_at).toISOString(),
  };
}

export async function savePermitDraft(opts: {
  ctx: AppContext;
  actor: Actor;
  code: string;
  input: { baseVersion: number; values: Record<string, unknown> };
}): Promise<PermitDraft> {
  const { ctx, actor, code, input } = opts;
  const at = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const latest = await latestInScope(tx, actor, code);
    if (input.baseVersion > latest.version) {
      throw new DomainError(
        'validation_failed',
        `草稿所依据的第 ${input.baseVersion} 版不存在（最新为第 ${latest.version} 版）`,
        `The draft is based on version ${input.baseVersion}, which does not exist (the latest is ${latest.version})`,
      );
    }
    await tx.execute(sql`INSERT INTO permit_type_draft (code, base_version, draft, saved_by, saved_at)
        VALUES (${code}, ${input.baseVersion}, ${JSON.stringify(input.values)}::jsonb, ${actor.userId}, ${at.toISOString()})
        ON CONFLICT (code) DO UPDATE SET base_version = EXCLUDED.base_version, draft = EXCLUDED.draft,
          saved_by = EXCLUDED.saved_by, saved_at = EXCLUDED.saved_at`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'licensing.catalogue.draft.save',
        entityType: 'permit_type_draft',
        entityId: code,
        diff: { baseVersion: [null, input.baseVersion] },
      },
      at,
    );
  });
  return (await permitDraft(ctx.database.db, actor, code))!;
}

export async function discardPermitDraft(opts: {
  ctx: AppContext;
  actor: Actor;
  code: string;
}): Promise<void> {
  const { ctx, actor, code } = opts;
  await ctx.database.db.transaction(async (tx) => {
    await latestInScope(tx, actor, code);
    const gone = await queryOne<{ code: string }>(
      tx,
      sql`DELETE FROM permit_type_draft WHERE code = ${code} RETURNING code`,
    );
    if (!gone) throw new DomainError('not_found', `${code} 没有草稿`, `${code} has no draft`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'licensing.catalogue.draft.discard',
        entityType: 'permit_type_draft',
        entityId: code,
        diff: {},
      },
      ctx.now(),
    );
  });
}
