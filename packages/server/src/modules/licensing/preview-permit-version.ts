import type { AppContext } from '../../http/context.js';
import type { Actor } from '../identity/actor.js';
import { legalToday } from './access.js';
import { permitDefinitionProblems } from './catalogue.js';
import { permitChanges } from './permit-diff.js';
import { checkNewPermitVersion, type NewPermitVersion } from './publish-permit-version.js';

/**
 * 修订预览: what a drafted version would change against the version in force, and what is wrong
 * with it, without writing anything (the editor shows this before the administrator publishes).
 * Scope and date are checked as on publishing, so a preview that passes publishes.
 */
export async function previewPermitVersion(opts: {
  ctx: AppContext;
  actor: Actor;
  code: string;
  input: NewPermitVersion;
}) {
  const { ctx, actor, code, input } = opts;
  const db = ctx.database.db;
  const definition = { ...input.definition, code };
  const { versions, current } = await checkNewPermitVersion(db, actor, code, input, legalToday(ctx));
  const errors = await permitDefinitionProblems(db, definition);
  return {
    code,
    nextVersion: (versions.at(-1)?.version ?? 0) + 1,
    current: current ? { version: current.version, effectiveFrom: current.effectiveFrom } : null,
    valid: errors.length === 0,
    errors,
    changes: permitChanges(current?.definition ?? null, definition),
  };
}
