import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { inRegionScope } from '../identity/scope.js';
import { regionInScope } from '../registry/scope.js';

export interface SpecialCampaignInput {
  name: string;
  theme: string;
  regionCode: string;
  departments: string[];
  startsOn: string;
  endsOn: string;
  target: number;
}

/** 专项整治: a campaign across departments with a target; led by the creating user's department. */
export async function createSpecialCampaign(opts: {
  ctx: AppContext;
  actor: Actor;
  input: SpecialCampaignInput;
}) {
  const { ctx, actor, input } = opts;
  if (!actor.unit)
    throw new DomainError('forbidden', '专项整治由工作人员创建', 'Campaigns are created by staff');
  if (!regionInScope(actor, input.regionCode)) {
    throw new DomainError(
      'forbidden',
      `地区 ${input.regionCode} 不在您的管辖范围内`,
      `Region ${input.regionCode} is outside your scope`,
    );
  }
  if (input.endsOn < input.startsOn) {
    throw new DomainError('validation_failed', '结束日期早于开始日期', 'The campaign ends before it starts');
  }
  const departments = [...new Set([actor.unit.departmentCode, ...input.departments])];
  return ctx.database.db.transaction(async (tx) => {
    const r = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO oversight_special_campaign (name, theme, region_code, department_code, departments, starts_on, ends_on, target, created_at)
          VALUES (${input.name}, ${input.theme}, ${input.regionCode}, ${actor.unit!.departmentCode},
            ${sql`ARRAY[${sql.join(
              departments.map((d) => sql`${d}`),
              sql`, `,
            )}]::text[]`}, ${input.startsOn}, ${input.endsOn}, ${input.target}, ${ctx.now().toISOString()}) RETURNING id`,
    );
    const id = Number(r!.id);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'oversight.special-campaign.create',
        entityType: 'oversight_special_campaign',
        entityId: String(id),
        diff: { name: [null, input.name], departments: [null, departments], target: [null, input.target] },
      },
      ctx.now(),
    );
    return id;
  });
}

/** Campaigns of the actor's region that one of its departments takes part in, with progress from the patrols. */
export async function listSpecialCampaigns(db: Executor, actor: Actor) {
  const all = actor.permissions.has('identity.scope.all-departments');
  const rows = await queryRows<{
    id: number;
    name: string;
    theme: string;
    region_code: string;
    department_code: string;
    departments: string[];
    starts_on: string | Date;
    ends_on: string | Date;
    target: number;
    done: number;
    problems: number;
  }>(
    db,
    sql`SELECT c.id, c.name, c.theme, c.region_code, c.department_code, c.departments, c.starts_on, c.ends_on, c.target,
          (SELECT count(*)::int FROM oversight_patrol p WHERE p.campaign_id = c.id AND p.status = 'done') AS done,
          (SELECT count(*)::int FROM oversight_patrol p WHERE p.campaign_id = c.id AND p.problem_found) AS problems
        FROM oversight_special_campaign c
        WHERE ${inRegionScope(actor, sql`c.region_code`)}
          AND ${all ? sql`true` : sql`${actor.unit?.departmentCode ?? ''} = ANY(c.departments)`}
        ORDER BY c.starts_on DESC, c.id DESC`,
  );
  const day = (v: string | Date) => (typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    theme: r.theme,
    regionCode: r.region_code,
    departmentCode: r.department_code,
    departments: r.departments,
    startsOn: day(r.starts_on),
    endsOn: day(r.ends_on),
    target: r.target,
    done: r.done,
    problems: r.problems,
  }));
}
