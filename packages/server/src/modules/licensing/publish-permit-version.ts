import { DomainError, type PermitTypeDefinition, versionInForce } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import type { Actor } from '../identity/actor.js';
import { legalToday } from './access.js';
import { permitVersions, type StoredPermitVersion, savePermitVersionIn } from './catalogue.js';
import { assertPermitInAdminScope } from './catalogue-scope.js';

/**
 * 发布事项新版本: an administrator publishes a new version of a permit type with its effective
 * date. Published versions are never changed (a correction is another version); the effective
 * date may not lie in the past nor before the latest version's, so the catalogue that was in
 * force on any past day stays as it was. Scoped to the administrator's level and department;
 * audited by the save.
 */
export interface NewPermitVersion {
  effectiveFrom: string;
  note: string;
  definition: PermitTypeDefinition;
}

/** The scope and date checks shared by publishing and the preview; returns the versions so far. */
export async function checkNewPermitVersion(
  tx: Executor,
  actor: Actor,
  code: string,
  input: NewPermitVersion,
  today: string,
): Promise<{ versions: StoredPermitVersion[]; current: StoredPermitVersion | null }> {
  const versions = await permitVersions(tx, code);
  const latest = versions.at(-1) ?? null;
  const current = versionInForce(versions, today) ?? latest;
  for (const v of [current, latest]) if (v) assertPermitInAdminScope(actor, v.definition);
  assertPermitInAdminScope(actor, input.definition);
  if (input.effectiveFrom < today) {
    throw dateProblem(
      'effective_date_past',
      `施行日期 ${input.effectiveFrom} 早于今天（${today}）：已施行的版本不可更改，请选择今天或以后的日期`,
      `The effective date ${input.effectiveFrom} is before today (${today}): versions in force cannot be changed; choose today or later`,
    );
  }
  if (latest && input.effectiveFrom < latest.effectiveFrom) {
    throw dateProblem(
      'effective_date_before_latest',
      `施行日期 ${input.effectiveFrom} 早于第 ${latest.version} 版的施行日期 ${latest.effectiveFrom}`,
      `The effective date ${input.effectiveFrom} is before that of version ${latest.version} (${latest.effectiveFrom})`,
    );
  }
  return { versions, current };
}

const dateProblem = (code: string, messageZh: string, messageEn: string) =>
  new DomainError(code, messageZh, messageEn, {
    errors: [{ path: 'effectiveFrom', code, messageZh, messageEn }],
  });

export async function publishPermitVersion(opts: {
  ctx: AppContext;
  actor: Actor;
  code: string;
  input: NewPermitVersion;
}): Promise<StoredPermitVersion> {
  const { ctx, actor, code, input } = opts;
  const today = legalToday(ctx);
  return ctx.database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(72006)`);
    await checkNewPermitVersion(tx, actor, code, input, today);
    // The draft it came from is done with (permit-drafts.ts).
    await tx.execute(sql`DELETE FROM permit_type_draft WHERE code = ${code}`);
    return savePermitVersionIn(tx, ctx.now(), actor, code, input);
  });
}
