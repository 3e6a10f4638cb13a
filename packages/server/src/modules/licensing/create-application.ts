import {
  assertMayApply,
  assertRenewalInTime,
  assertUnitHoldsLevel,
  competentRegionCode,
  DomainError,
  type PermitTypeDefinition,
  WORKFLOWS,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { unitAt } from '../identity/units/queries.js';
import { loadEstablishment } from '../registry/establishment-record.js';
import { legalToday, workflowRoles } from './access.js';
import { type ApplicationForm, type Purpose, recordApplicationEvent } from './application-record.js';
import { permitInForce } from './catalogue.js';
import { licenseById } from './license-record.js';

export interface NewApplication {
  establishmentId: number;
  permitCode: string;
  purpose: Purpose;
  licenseId?: number | undefined;
  form?: ApplicationForm | undefined;
  note?: string | undefined;
}

export const forbiddenToApply = () =>
  new DomainError(
    'forbidden',
    '您无权为该机构申请许可（机构用户只能为本机构申请）',
    'You may not apply for this establishment (institution users apply for their own only)',
  );

/**
 * Creates a draft application under the catalogue version in force today, for the competent unit
 * (the permit's department at its approving level over the establishment). Refused: an abolished
 * type (naming what to apply for instead), a type the establishment's kind cannot hold, a level or
 * department the window's unit does not hold, a change or renewal of a licence that does not fit.
 */
export async function createApplicationIn(
  tx: Executor,
  ctx: AppContext,
  actor: Actor,
  input: NewApplication,
  opts: { jointId?: number; window?: boolean } = {},
): Promise<number> {
  const at = ctx.now();
  const today = legalToday(ctx);
  const establishment = await loadEstablishment(tx, actor, input.establishmentId);
  if (!workflowRoles(actor, establishment.id).includes('applicant')) throw forbiddenToApply();
  const version = await permitInForce(tx, input.permitCode, today);
  const def: PermitTypeDefinition = version.definition;
  const applicant = {
    kind: establishment.kind,
    categoryCode: establishment.category_code,
    level: establishment.level,
    beds: establishment.beds,
  };
  if (def.mode === 'abolished') {
    const replacement = def.replacedBy
      ? await permitInForce(tx, def.replacedBy, today).catch(() => undefined)
      : undefined;
    assertMayApply(def, applicant, replacement?.definition.nameZh);
  }
  assertMayApply(def, applicant);
  const regionCode = competentRegionCode(establishment.region_code, def.level);
  const unit = await unitAt(tx, def.departmentCode, regionCode);
  if (!unit) {
    throw new DomainError(
      'no_competent_unit',
      `本地区没有承办“${def.nameZh}”的单位（部门 ${def.departmentCode}，区划 ${regionCode}）`,
      `No unit of department ${def.departmentCode} at ${regionCode} handles "${def.nameEn}"`,
      { departmentCode: def.departmentCode, regionCode },
    );
  }
  if (actor.kind === 'staff' && !opts.window) {
    assertUnitHoldsLevel(actor.unit!.regionLevel, def);
    if (actor.unit!.departmentCode !== def.departmentCode) {
      throw new DomainError(
        'department_not_competent',
        `“${def.nameZh}”由${def.departmentCode}部门审批，不属于本单位的审批事项；跨部门事项请通过联动申请受理`,
        `"${def.nameEn}" is approved by department ${def.departmentCode}, not yours; use a joint application`,
        { departmentCode: def.departmentCode },
      );
    }
  }
  await checkPurpose(tx, input, def, establishment.id, today);
  const row = await queryOne<{ id: number }>(
    tx,
    sql`INSERT INTO licensing_application (joint_id, establishment_id, establishment_name, establishment_region, permit_code,
          permit_version, mode, purpose, license_id, unit_id, unit_region_code, department_code, state, form, applicant_note,
          created_at, created_by, updated_at, updated_by)
        VALUES (${opts.jointId ?? null}, ${establishment.id}, ${establishment.name}, ${establishment.region_code}, ${version.code},
          ${version.version}, ${def.mode}, ${input.purpose}, ${input.licenseId ?? null}, ${unit.id}, ${unit.regionCode},
          ${unit.departmentCode}, ${WORKFLOWS[def.mode].initial}, ${JSON.stringify(input.form ?? {})}::jsonb, ${input.note ?? null},
          ${at.toISOString()}, ${actor.userId}, ${at.toISOString()}, ${actor.userId})
        RETURNING id`,
  );
  const id = row!.id;
  await recordApplicationEvent(tx, {
    applicationId: id,
    action: 'create',
    fromState: null,
    toState: 'draft',
    onDate: today,
    at,
    actor,
    details: { permitCode: version.code, permitVersion: version.version, purpose: input.purpose },
  });
  await recordAudit(
    tx,
    auditActorOf(actor),
    {
      action: 'licensing.application.create',
      entityType: 'licensing_application',
      entityId: id,
      diff: {
        permitCode: [null, version.code],
        permitVersion: [null, version.version],
        establishmentId: [null, establishment.id],
        purpose: [null, input.purpose],
        unitId: [null, unit.id],
      },
    },
    at,
  );
  return id;
}

async function checkPurpose(
  tx: Executor,
  input: NewApplication,
  def: PermitTypeDefinition,
  establishmentId: number,
  today: string,
) {
  if (input.purpose === 'new') {
    const held = await queryOne<{ number: string }>(
      tx,
      sql`SELECT number FROM licensing_license WHERE establishment_id = ${establishmentId} AND permit_code = ${def.code}
          AND status = 'valid' AND (valid_to IS NULL OR valid_to >= ${today}) LIMIT 1`,
    );
    if (held) {
      throw new DomainError(
        'license_already_held',
        `该机构已持有有效的${def.licenseNameZh}（${held.number}），请申请变更或延续`,
        `The establishment already holds a valid licence of this type (${held.number}); apply for a change or renewal`,
        { number: held.number },
      );
    }
    if (input.licenseId !== undefined) {
      throw new DomainError(
        'license_not_applicable',
        '新申请不指定许可证',
        'A new application names no licence',
        {
          errors: [
            {
              path: 'licenseId',
              code: 'not_applicable',
              messageZh: '新申请不填写许可证',
              messageEn: 'Leave out for a new application',
            },
          ],
        },
      );
    }
    return;
  }
  const wrong = (zh: string, en: string) =>
    new DomainError('license_not_applicable', zh, en, {
      errors: [{ path: 'licenseId', code: 'license_not_applicable', messageZh: zh, messageEn: en }],
    });
  if (input.licenseId === undefined)
    throw wrong('变更、延续和注销须指定许可证', 'A change, renewal or deregistration names the licence');
  const license = await licenseById(tx, input.licenseId).catch(() => undefined);
  if (!license || license.establishment_id !== establishmentId || license.permit_code !== def.code)
    throw wrong(
      '许可证不属于该机构或不是该事项的许可证',
      'The licence is not this establishment’s licence of this type',
    );
  if (license.status !== 'valid')
    throw wrong('许可证已失效，不能变更、延续或注销', 'The licence is no longer valid');
  if (input.purpose === 'renewal') {
    if (license.valid_to === null || def.validityYears === null)
      throw wrong(
        '该许可证没有有效期，无需延续（按期校验）',
        'This licence has no fixed term (it is revalidated instead)',
      );
    assertRenewalInTime(today, license.valid_to);
  }
}

export async function createApplication(opts: {
  ctx: AppContext;
  actor: Actor;
  input: NewApplication;
}): Promise<number> {
  return opts.ctx.database.db.transaction((tx) => createApplicationIn(tx, opts.ctx, opts.actor, opts.input));
}
