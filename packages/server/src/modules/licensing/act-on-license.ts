import { guardTransition, LICENSE_WORKFLOW, type LicenseAction } from '@weijian/domain';
import type { AppContext } from '../../http/context.js';
import type { Actor } from '../identity/actor.js';
import { assertVersion, LICENSE, legalToday, workflowRoles } from './access.js';
import { endLicense } from './license-effects.js';
import { loadLicense } from './license-record.js';

/**
 * Staff decisions on a licence: 撤销 (行政许可法 §69), 吊销 (a penalty) and 注销 on the authority's own
 * motion (§70). Change, renewal and deregistration on request go through applications.
 */
export interface LicenseActionInput {
  action: LicenseAction;
  expectedVersion: number;
  reasons: string;
  decisionNo?: string | undefined;
}

const STATUS = { withdraw: 'withdrawn', revoke: 'revoked', deregister: 'deregistered' } as const;

export async function actOnLicense(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: LicenseActionInput;
}) {
  const { ctx, actor, id, input } = opts;
  const at = ctx.now();
  const today = legalToday(ctx);
  await ctx.database.db.transaction(async (tx) => {
    const license = await loadLicense(tx, actor, id, { forUpdate: true });
    assertVersion(input.expectedVersion, license.version, LICENSE);
    guardTransition(
      LICENSE_WORKFLOW,
      license.status,
      input.action,
      workflowRoles(actor, license.establishment_id),
    );
    await endLicense({
      tx,
      actor,
      today,
      at,
      license,
      status: STATUS[input.action],
      reason: input.reasons,
      decisionNo: input.decisionNo ?? null,
    });
  });
}
