import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../db/database.js';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import { DEMO_COUNTIES } from './organisation.js';

const LICHENG = DEMO_COUNTIES.licheng;

/**
 * Grid management of the demo (seed 001 定格、定员、定责): two grids of 历城区's supervision institute
 * over its streets, each with a lead and a member, a special campaign against illegal medical
 * practice with patrols counting towards it, and a re-check after the demo's penalty.
 */
export async function seedOversightDemo(tx: Executor, opts: { now: Date }): Promise<void> {
  const at = opts.now.toISOString();
  const today = new Date(opts.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const audit = (
    action: string,
    entityType: string,
    entityId: string | number,
    diff: Record<string, unknown>,
  ) => recordAudit(tx, SYSTEM_ACTOR, { action, entityType, entityId: String(entityId), diff }, opts.now);
  const staff = await queryRows<{ id: number; username: string }>(
    tx,
    sql`SELECT id, username FROM app_user WHERE username IN ('lc.inspector1', 'lc.inspector2') ORDER BY username`,
  );
  const grids = [
    {
      code: 'WG370112-01',
      name: '城区网格（山大路—华山）',
      areas: ['001', '002', '003', '004', '005', '006'],
      duties: '日常巡查医疗机构和公共场所；投诉举报现场核查；处罚后回头看',
    },
    {
      code: 'WG370112-02',
      name: '东部网格（王舍人—临港）',
      areas: ['007', '008', '009', '010', '011', '012', '013', '014'],
      duties: '日常巡查；打击非法行医专项整治；学校卫生和生活饮用水巡查',
    },
  ];
  const gridIds: number[] = [];
  for (const [i, g] of grids.entries()) {
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO oversight_grid (code, name, region_code, department_code, duties, created_at, updated_at)
          VALUES (${g.code}, ${g.name}, ${LICHENG}, 'supervision', ${g.duties}, ${at}, ${at}) RETURNING id`,
    );
    const id = Number(row!.id);
    gridIds.push(id);
    for (const a of g.areas) {
      await tx.execute(
        sql`INSERT INTO oversight_grid_area (grid_id, department_code, area_code) VALUES (${id}, 'supervision', ${`${LICHENG}${a}`})`,
      );
    }
    const lead = staff[i % Math.max(1, staff.length)];
    if (lead) {
      await tx.execute(
        sql`INSERT INTO oversight_grid_staff (grid_id, user_id, role, duties) VALUES (${id}, ${lead.id}, 'lead', '网格长：计划巡查、分派回头看')`,
      );
    }
    await audit('oversight.grid.create', 'oversight_grid', id, {
      name: [null, g.name],
      areas: [null, g.areas],
    });
  }
  const campaign = await queryOne<{ id: number }>(
    tx,
    sql`INSERT INTO oversight_special_campaign (name, theme, region_code, department_code, departments, starts_on, ends_on, target, created_at)
        VALUES ('打击非法行医专项整治', '无证行医、超范围执业、非医师行医', ${LICHENG}, 'supervision', '{supervision,health,market,police}',
          ${`${today.slice(0, 4)}-01-01`}, ${`${today.slice(0, 4)}-06-30`}, 40, ${at}) RETURNING id`,
  );
  await audit('oversight.special-campaign.create', 'oversight_special_campaign', campaign!.id, {
    target: [null, 40],
  });
  const patrols = [
    {
      grid: 0,
      place: '山大路电子市场周边',
      days: -20,
      done: true,
      problem: false,
      findings: '门诊部均持证，公示规范',
    },
    {
      grid: 1,
      place: '王舍人街道城中村',
      days: -12,
      done: true,
      problem: true,
      findings: '发现一处无证诊所，已移交立案',
    },
    {
      grid: 1,
      place: '郭店街道农贸市场周边',
      days: -5,
      done: true,
      problem: false,
      findings: '未发现非法行医',
    },
    { grid: 0, place: '洪家楼商圈美容场所', days: 3, done: false, problem: false, findings: '' },
  ];
  for (const p of patrols) {
    const on = new Date(Date.parse(`${today}T00:00:00Z`) + p.days * 86_400_000).toISOString().slice(0, 10);
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO oversight_patrol (grid_id, campaign_id, place, planned_on, officer_user_id, status, patrolled_at, findings, problem_found, created_at)
          VALUES (${gridIds[p.grid]}, ${campaign!.id}, ${p.place}, ${on}, ${staff[p.grid]?.id ?? null}, ${p.done ? 'done' : 'planned'},
            ${p.done ? at : null}, ${p.done ? p.findings : null}, ${p.done ? p.problem : null}, ${at}) RETURNING id`,
    );
    await audit(p.done ? 'oversight.patrol.record' : 'oversight.patrol.plan', 'oversight_patrol', row!.id, {
      place: [null, p.place],
    });
  }
  // A re-check after each penalty of the demo whose establishment lies in a grid's streets.
  const penalties = await queryRows<{ number: string; establishment_id: number; region_code: string }>(
    tx,
    sql`SELECT number, establishment_id, region_code FROM enforcement_case
        WHERE outcome = 'penalty' AND establishment_id IS NOT NULL AND region_code LIKE ${`${LICHENG}%`}`,
  );
  for (const c of penalties) {
    const g = grids.findIndex((x) => x.areas.some((a) => c.region_code.startsWith(`${LICHENG}${a}`)));
    if (g < 0) continue;
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO oversight_recheck_task (grid_id, establishment_id, source, source_ref, due_on, status, created_at)
          VALUES (${gridIds[g]}, ${c.establishment_id}, 'penalty', ${c.number}, ${today}, 'open', ${at}) RETURNING id`,
    );
    await audit('oversight.recheck.create', 'oversight_recheck_task', row!.id, {
      sourceRef: [null, c.number],
    });
  }
}
