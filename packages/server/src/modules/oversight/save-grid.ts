import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { regionFilterPrefix } from '../registry/establishment-record.js';
import { regionInScope } from '../registry/scope.js';
import { loadGrid } from './grid-scope.js';

export interface GridInput {
  code: string;
  name: string;
  regionCode: string;
  duties: string;
  areaCodes: string[];
  staff: { userId: number; role: 'lead' | 'member'; duties: string }[];
}

/**
 * 定格: the areas of a department's grids never overlap. Two codes overlap when they are equal or one
 * lies inside the other (a town and one of its villages); the refusal names each overlap.
 */
async function refuseOverlaps(tx: Executor, department: string, areas: string[], gridId: number | null) {
  const clash = await queryRows<{ area_code: string; code: string; name: string; asked: string }>(
    tx,
    sql`SELECT a.area_code, g.code, g.name, asked.code AS asked
        FROM oversight_grid_area a JOIN oversight_grid g ON g.id = a.grid_id
        JOIN unnest(${sql`ARRAY[${sql.join(
          areas.map((x) => sql`${x}`),
          sql`, `,
        )}]::text[]`}) AS asked(code)
          ON a.area_code = asked.code OR a.area_code LIKE asked.code || '%' OR asked.code LIKE a.area_code || '%'
        WHERE a.department_code = ${department} ${gridId === null ? sql`` : sql`AND a.grid_id <> ${gridId}`}
        ORDER BY asked.code, a.area_code`,
  );
  if (clash.length === 0) return;
  const zh = clash.map((c) => `${c.asked} 与网格「${c.name}」（${c.code}）的 ${c.area_code} 重叠`).join('；');
  const en = clash.map((c) => `${c.asked} overlaps ${c.area_code} of grid ${c.code} (${c.name})`).join('; ');
  throw new DomainError('conflict', `网格区域重叠：${zh}`, `The grid's areas overlap: ${en}`);
}

async function checkInput(tx: Executor, actor: Actor, input: GridInput) {
  if (!regionInScope(actor, input.regionCode)) {
    throw new DomainError(
      'forbidden',
      `地区 ${input.regionCode} 不在您的管辖范围内`,
      `Region ${input.regionCode} is outside your scope`,
    );
  }
  const prefix = regionFilterPrefix(input.regionCode);
  const bad = input.areaCodes.filter((a) => !/^\d{9}(\d{3})?$/.test(a) || !a.startsWith(prefix));
  if (bad.length) {
    throw new DomainError(
      'validation_failed',
      `网格区域须为 ${input.regionCode} 下的街道（乡镇）或村（社区）代码：${bad.join('、')}`,
      `A grid's areas are street/town or village codes inside ${input.regionCode}: ${bad.join(', ')}`,
    );
  }
  const known = await queryRows<{ code: string }>(
    tx,
    sql`SELECT code FROM region WHERE code IN (${sql.join(
      input.areaCodes.map((a) => sql`${a}`),
      sql`, `,
    )})`,
  );
  const unknown = input.areaCodes.filter((a) => !known.some((k) => k.code === a));
  if (unknown.length) {
    throw new DomainError(
      'validation_failed',
      `区划代码不存在：${unknown.join('、')}`,
      `Unknown region codes: ${unknown.join(', ')}`,
    );
  }
  const staffIds = input.staff.map((s) => s.userId);
  const twice = staffIds.filter((id, i) => staffIds.indexOf(id) !== i);
  if (twice.length) {
    throw new DomainError(
      'validation_failed',
      `同一人员在网格中只能出现一次：${[...new Set(twice)].join('、')}`,
      `A person appears in a grid only once: ${[...new Set(twice)].join(', ')}`,
    );
  }
  if (staffIds.length) {
    const ok = await queryRows<{ id: number }>(
      tx,
      sql`SELECT u.id FROM app_user u JOIN unit un ON un.id = u.unit_id
          WHERE u.kind = 'staff' AND u.id IN (${sql.join(
            staffIds.map((i) => sql`${i}`),
            sql`, `,
          )}) AND un.department_code = ${actor.unit!.departmentCode} AND un.region_code LIKE ${`${actor.regionPrefix}%`}`,
    );
    const missing = staffIds.filter((i) => !ok.some((o) => Number(o.id) === i));
    if (missing.length) {
      throw new DomainError(
        'validation_failed',
        `网格人员须为本部门、本辖区的工作人员：${missing.join('、')}`,
        `Grid staff must be staff of your department and region: ${missing.join(', ')}`,
      );
    }
  }
}

/** Creates a grid (id null) or replaces an existing one's areas, staff and duties; audited. */
export async function saveGrid(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number | null;
  version?: number | undefined;
  input: GridInput;
}): Promise<number> {
  const { ctx, actor, input } = opts;
  if (!actor.unit) throw new DomainError('forbidden', '网格由工作人员维护', 'Grids are kept by staff');
  const at = ctx.now().toISOString();
  const department = actor.unit.departmentCode;
  const areas = [...new Set(input.areaCodes)].sort();
  return ctx.database.db.transaction(async (tx) => {
    // One writer at a time per department: two grids saved together must not both pass the overlap check.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`oversight_grid:${department}`}))`);
    await checkInput(tx, actor, { ...input, areaCodes: areas });
    let id = opts.id;
    let before: { name?: string; duties?: string } = {};
    if (id === null) {
      const taken = await queryRows(tx, sql`SELECT 1 FROM oversight_grid WHERE code = ${input.code}`);
      if (taken.length)
        throw new DomainError(
          'conflict',
          `网格编号 ${input.code} 已被使用`,
          `Grid code ${input.code} is taken`,
        );
      await refuseOverlaps(tx, department, areas, null);
      const r = await queryRows<{ id: number }>(
        tx,
        sql`INSERT INTO oversight_grid (code, name, region_code, department_code, duties, created_at, updated_at)
            VALUES (${input.code}, ${input.name}, ${input.regionCode}, ${department}, ${input.duties}, ${at}, ${at}) RETURNING id`,
      );
      id = Number(r[0]!.id);
    } else {
      const g = await loadGrid(tx, actor, id, true);
      if (opts.version !== undefined && g.version !== opts.version) {
        throw new DomainError(
          'version_conflict',
          '网格已被他人修改，请刷新后重试',
          'The grid was changed by someone else; reload and retry',
        );
      }
      await refuseOverlaps(tx, department, areas, id);
      before = { name: g.name, duties: g.duties };
      await tx.execute(
        sql`UPDATE oversight_grid SET name = ${input.name}, duties = ${input.duties}, version = version + 1, updated_at = ${at} WHERE id = ${id}`,
      );
      await tx.execute(sql`DELETE FROM oversight_grid_area WHERE grid_id = ${id}`);
      await tx.execute(sql`DELETE FROM oversight_grid_staff WHERE grid_id = ${id}`);
    }
    for (const a of areas) {
      await tx.execute(
        sql`INSERT INTO oversight_grid_area (grid_id, department_code, area_code) VALUES (${id}, ${department}, ${a})`,
      );
    }
    for (const s of input.staff) {
      await tx.execute(
        sql`INSERT INTO oversight_grid_staff (grid_id, user_id, role, duties) VALUES (${id}, ${s.userId}, ${s.role}, ${s.duties})`,
      );
    }
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: opts.id === null ? 'oversight.grid.create' : 'oversight.grid.update',
        entityType: 'oversight_grid',
        entityId: String(id),
        diff: {
          name: [before.name ?? null, input.name],
          duties: [before.duties ?? null, input.duties],
          areas: [null, areas],
          staff: [null, input.staff],
        },
      },
      ctx.now(),
    );
    return id;
  });
}
