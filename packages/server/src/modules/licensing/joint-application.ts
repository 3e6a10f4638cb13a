import { competentRegionCode, DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { unitAt } from '../identity/units/queries.js';
import { loadEstablishment } from '../registry/establishment-record.js';
import { legalToday, workflowRoles } from './access.js';
import type { ApplicationForm } from './application-record.js';
import { permitInForce } from './catalogue.js';
import { createApplicationIn, forbiddenToApply } from './create-application.js';

/**
 * 跨部门联动审批 (seed 003 二(三)): one establishment applies at once for permits of several
 * departments. The first accepting window — the staff member's unit, or for an institution the
 * competent unit of the first part — takes the whole case, sees every department's part and the one
 * combined deadline; each department decides its own part.
 */
export interface NewJointApplication {
  establishmentId: number;
  parts: { permitCode: string; form?: ApplicationForm | undefined }[];
  note?: string | undefined;
}

export async function createJointApplication(opts: {
  ctx: AppContext;
  actor: Actor;
  input: NewJointApplication;
}): Promise<{ id: number; applicationIds: number[] }> {
  return opts.ctx.database.db.transaction((tx) =>
    createJointApplicationIn(tx, opts.ctx, opts.actor, opts.input),
  );
}

export async function createJointApplicationIn(
  tx: Executor,
  ctx: AppContext,
  actor: Actor,
  input: NewJointApplication,
): Promise<{ id: number; applicationIds: number[] }> {
  const at = ctx.now();
  const today = legalToday(ctx);
  {
    const establishment = await loadEstablishment(tx, actor, input.establishmentId);
    if (!workflowRoles(actor, establishment.id).includes('applicant')) throw forbiddenToApply();
    const codes = input.parts.map((p) => p.permitCode);
    if (new Set(codes).size !== codes.length) {
      throw new DomainError(
        'duplicate_permit',
        '联动申请中同一事项只能出现一次',
        'Each permit type appears once in a joint application',
        {
          errors: [
            {
              path: 'parts',
              code: 'duplicate_permit',
              messageZh: '事项重复',
              messageEn: 'Duplicate permit type',
            },
          ],
        },
      );
    }
    const defs = await Promise.all(codes.map((c) => permitInForce(tx, c, today)));
    const departments = new Set(defs.map((d) => d.definition.departmentCode));
    if (departments.size < 2) {
      throw new DomainError(
        'joint_single_department',
        '联动申请用于需要多个部门审批的事项；同一部门的事项请分别申请',
        'A joint application is for permits of several departments; apply separately within one department',
        {
          errors: [
            {
              path: 'parts',
              code: 'joint_single_department',
              messageZh: '至少涉及两个部门',
              messageEn: 'Needs two departments or more',
            },
          ],
        },
      );
    }
    const window = await windowUnit(tx, actor, establishment.region_code, defs[0]!.definition);
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO licensing_joint_application (establishment_id, window_unit_id, window_region_code, window_department_code,
            note, created_at, created_by)
          VALUES (${establishment.id}, ${window.id}, ${window.regionCode}, ${window.departmentCode}, ${input.note ?? null},
            ${at.toISOString()}, ${actor.userId}) RETURNING id`,
    );
    const id = row!.id;
    const applicationIds: number[] = [];
    for (const part of input.parts) {
      applicationIds.push(
        await createApplicationIn(
          tx,
          ctx,
          actor,
          {
            establishmentId: establishment.id,
            permitCode: part.permitCode,
            purpose: 'new',
            form: part.form,
            note: input.note,
          },
          { jointId: id, window: true },
        ),
      );
    }
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'licensing.joint-application.create',
        entityType: 'licensing_joint_application',
        entityId: id,
        diff: {
          windowUnitId: [null, window.id],
          applicationIds: [null, applicationIds],
          permitCodes: [null, codes],
        },
      },
      at,
    );
    return { id, applicationIds };
  }
}

async function windowUnit(
  tx: Executor,
  actor: Actor,
  establishmentRegion: string,
  first: { departmentCode: string; level: 'province' | 'city' | 'county' },
) {
  if (actor.kind === 'staff' && actor.unit) {
    return {
      id: actor.unit.id,
      regionCode: actor.unit.regionCode,
      departmentCode: actor.unit.departmentCode,
    };
  }
  const unit = await unitAt(tx, first.departmentCode, competentRegionCode(establishmentRegion, first.level));
  if (!unit) {
    throw new DomainError(
      'no_competent_unit',
      '本地区没有可受理该联动申请的窗口单位',
      'No unit in this region can take the joint application',
    );
  }
  return unit;
}
