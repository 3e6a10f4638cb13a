import {
  addDays,
  commitmentOf,
  DEFAULT_INSPECTION_POLICY,
  defaultSamplingMatrix,
  expectedCounts,
  type ItemResult,
  outcomeOf,
  publicationDue,
  rectificationTerms,
  runDraw,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../db/database.js';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import { loadCalendar } from '../modules/calendar/load-calendar.js';
import { unitAt } from '../modules/identity/units/queries.js';
import { freezeCampaignChecklists, type MergedItem } from '../modules/inspection/campaign-checklists.js';
import type { CampaignRow } from '../modules/inspection/campaign-queries.js';
import { chinaDay } from '../modules/inspection/dates.js';
import type { InspectionRow } from '../modules/inspection/inspection-queries.js';
import { publicationOf } from '../modules/inspection/publish-results.js';
import { encodeRecord, gzipJson } from '../modules/inspection/record-store.js';
import { buildSnapshot } from '../modules/inspection/snapshot.js';
import { insertTasks } from '../modules/inspection/tasks.js';
import { DEMO_CITY, DEMO_COUNTIES } from './organisation.js';
import { type DemoRandom, syntheticPersonName } from './random.js';

/**
 * The random-inspection demo (issue 6): a roster of 80 officers across the departments and
 * regions, some linked to the demo staff accounts; a past joint campaign of 历城区 (卫生健康 leading,
 * with 市场监管 and the supervision institute) drawn by the real algorithm, with results,
 * rectifications, a lead, a replacement and publication; and a draft plan for the coming months.
 * Written directly into the inspection tables (the demo has no signed-in actor); it emits no
 * events, so other modules' demos stay their own.
 */
const DAY = 86_400_000;

/** [department, region, count, specialties] of the roster. */
const ROSTER: [string, string, number, string[]][] = [
  ['supervision', DEMO_COUNTIES.licheng, 20, ['medical', 'public_place']],
  ['supervision', DEMO_COUNTIES.lixia, 10, ['medical', 'public_place']],
  ['supervision', DEMO_COUNTIES.zhangqiu, 10, ['medical', 'public_place']],
  ['supervision', DEMO_CITY, 6, ['medical', 'radiation']],
  ['health', DEMO_COUNTIES.licheng, 6, ['medical']],
  ['market', DEMO_COUNTIES.licheng, 8, ['medical', 'pharma']],
  ['market', DEMO_COUNTIES.lixia, 4, ['medical', 'pharma']],
  ['market', DEMO_COUNTIES.zhangqiu, 4, ['medical', 'pharma']],
  ['environment', DEMO_COUNTIES.licheng, 4, ['radiation', 'waste']],
  ['environment', DEMO_CITY, 2, ['radiation', 'waste']],
  ['insurance', DEMO_COUNTIES.licheng, 3, ['insurance']],
  ['police', DEMO_COUNTIES.licheng, 3, ['order']],
];

/** Demo accounts that are officers: the first officer of their unit gets the account. */
const LINKED: Record<string, string[]> = {
  [`supervision:${DEMO_COUNTIES.licheng}`]: ['lc.inspector1', 'lc.inspector2'],
  [`supervision:${DEMO_COUNTIES.lixia}`]: ['lx.inspector'],
  [`supervision:${DEMO_COUNTIES.zhangqiu}`]: ['zq.inspector'],
  [`market:${DEMO_COUNTIES.licheng}`]: ['lc.market'],
  [`insurance:${DEMO_COUNTIES.licheng}`]: ['lc.insurance'],
  [`police:${DEMO_COUNTIES.licheng}`]: ['lc.police'],
};

const DEPT_DIGIT: Record<string, string> = {
  health: '1',
  supervision: '2',
  police: '3',
  approval: '4',
  market: '5',
  environment: '6',
  insurance: '7',
};

async function seedRoster(tx: Executor, rnd: DemoRandom, at: string): Promise<number> {
  let n = 0;
  for (const [department, region, count, specialties] of ROSTER) {
    const unit = await unitAt(tx, department, region);
    if (!unit) continue;
    const accounts = LINKED[`${department}:${region}`] ?? [];
    for (let i = 0; i < count; i++) {
      const user = accounts[i]
        ? await queryOne<{ id: number; display_name: string }>(
            tx,
            sql`SELECT id, display_name FROM app_user WHERE username = ${accounts[i]}`,
          )
        : undefined;
      const certificateNo = `${region}${DEPT_DIGIT[department]}${String(2019 + (i % 6))}${String(i + 1).padStart(3, '0')}`;
      const available = i % 17 !== 16;
      await tx.execute(sql`INSERT INTO inspector (certificate_no, name, unit_id, department_code, region_code, specialties, available,
          unavailable_reason, user_id, created_at, updated_at)
        VALUES (${certificateNo}, ${user?.display_name ?? syntheticPersonName(rnd)}, ${unit.id}, ${department}, ${region},
          ${sql.param(specialties)}::text[], ${available}, ${available ? null : '脱产培训'}, ${user?.id ?? null}, ${at}, ${at})`);
      n++;
    }
  }
  await recordAudit(
    tx,
    SYSTEM_ACTOR,
    {
      action: 'inspection.inspector.create',
      entityType: 'inspector',
      entityId: null,
      diff: { demoRoster: [null, n] },
    },
    new Date(at),
  );
  return n;
}

async function campaignRow(tx: Executor, id: number): Promise<CampaignRow> {
  const r = await queryOne<CampaignRow>(
    tx,
    sql`SELECT c.*, un.name AS owner_unit_name FROM campaign c JOIN unit un ON un.id = c.owner_unit_id WHERE c.id = ${id}`,
  );
  return r!;
}

async function insertCampaign(
  tx: Executor,
  v: {
    no: string;
    title: string;
    unitId: number;
    regionCodes: string[];
    start: string;
    end: string;
    day: string;
    status: string;
    at: string;
  },
): Promise<number> {
  const sampling = defaultSamplingMatrix(DEFAULT_INSPECTION_POLICY);
  const r = await queryOne<{ id: number }>(
    tx,
    sql`INSERT INTO campaign (campaign_no, title, description, owner_unit_id, department_code, region_code, departments, kinds, region_codes,
          item_codes, item_list_version, period_start, period_end, sampling, team_size, year_target, randomness_date, sources, status,
          policy_version, created_at, created_by_name, updated_at)
        VALUES (${v.no}, ${v.title}, '卫生健康局牵头，市场监管局、卫生健康监督所参加的部门联合“双随机”抽查（进一次门、查多件事）。',
          ${v.unitId}, 'health', ${DEMO_COUNTIES.licheng}, '{health,market,supervision}', '{medical}', ${sql.param(v.regionCodes)}::text[],
          '{medical.health,medical.market,medical.supervision}', 1, ${v.start}, ${v.end}, ${JSON.stringify(sampling)}::jsonb, 3, 0.2, ${v.day},
          ${JSON.stringify([
            { id: 'sse-000001-close', description: `上证综指（000001）${v.day} 收盘点位` },
            { id: 'szse-399001-close', description: `深证成指（399001）${v.day} 收盘点位` },
            { id: 'cwl-3d', description: `福彩3D ${v.day} 开奖号码` },
          ])}::jsonb, ${v.status}, 1, ${v.at}, 'lc.leader', ${v.at}) RETURNING id`,
  );
  return Number(r!.id);
}

export async function seedInspectionDemo(tx: Executor, opts: { rnd: DemoRandom; now: Date }): Promise<void> {
  const { rnd, now } = opts;
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const iso = (d: Date) => d.toISOString();
  const day = (d: Date) => chinaDay(d);
  await seedRoster(tx, rnd, iso(at(-400)));
  const health = await unitAt(tx, 'health', DEMO_COUNTIES.licheng);
  if (!health) return;

  // The past campaign: planned 150 days ago, drawn on day D, inspected during its period.
  const towns = ['001', '002', '003', '004', '005', '006'].map((s) => `${DEMO_COUNTIES.licheng}${s}`);
  const id = await insertCampaign(tx, {
    no: `${DEMO_COUNTIES.licheng}-${day(at(-120)).slice(0, 4)}-0001`,
    title: '医疗机构部门联合双随机抽查（演示）',
    unitId: Number(health.id),
    regionCodes: towns,
    start: day(at(-120)),
    end: day(at(-60)),
    day: day(at(-125)),
    status: 'drawn',
    at: iso(at(-150)),
  });
  const c = await campaignRow(tx, id);
  const stored = await buildSnapshot(tx, c, { at: at(-126), recentInspectionDays: 365 });
  if (stored.snapshot.pool.length === 0) return;
  let nonce = '';
  for (let i = 0; i < 64; i++) nonce += rnd.int(0, 15).toString(16);
  const record = runDraw({
    campaign: c.campaign_no,
    commitment: commitmentOf(nonce),
    nonce,
    sources: [
      {
        id: 'sse-000001-close',
        description: `上证综指（000001）${day(at(-125))} 收盘点位`,
        value: '3245.87',
      },
      {
        id: 'szse-399001-close',
        description: `深证成指（399001）${day(at(-125))} 收盘点位`,
        value: '10326.51',
      },
      { id: 'cwl-3d', description: `福彩3D ${day(at(-125))} 开奖号码`, value: '3 8 1' },
    ],
    snapshot: stored.snapshot,
  });
  const counts = expectedCounts(stored.snapshot);
  const byId = new Map(stored.snapshot.params.strata.map((h) => [h.id, h]));
  await tx.execute(sql`INSERT INTO campaign_draw (campaign_id, snapshot_gz, pool_hash, roster_hash, exclusions_hash, params_hash, strata,
      frozen_at, sources_hash, seed, draw_hash, drawn_at)
    VALUES (${id}, ${gzipJson(stored)}, ${record.hashes.pool}, ${record.hashes.roster}, ${record.hashes.exclusions}, ${record.hashes.params},
      ${JSON.stringify(counts.map((h) => ({ ...h, ratio: byId.get(h.id)!.ratio, qualification: byId.get(h.id)!.qualification })))}::jsonb,
      ${iso(at(-126))}, ${record.hashes.sources}, ${record.seed}, ${record.drawHash}, ${iso(at(-124))})`);
  await tx.execute(sql`UPDATE campaign SET commitment = ${record.commitment}, approved_at = ${iso(at(-140))}, approved_by_name = 'city.leader',
      published_at = ${iso(at(-140))}, frozen_at = ${iso(at(-126))}, drawn_at = ${iso(at(-124))} WHERE id = ${id}`);
  await freezeCampaignChecklists(tx, c);
  const index = new Map(stored.snapshot.pool.map((e, i) => [e.code, i]));
  const rosterId = new Map(stored.snapshot.roster.map((r, i) => [r.certificateNo, stored.rosterIds[i]!]));
  const taskIds = await insertTasks(
    tx,
    record.targets.map((t) => {
      const i = index.get(t.code)!;
      return {
        campaignId: id,
        establishmentId: stored.poolIds[i]!,
        code: t.code,
        kind: stored.poolKinds[i]!,
        region: stored.snapshot.pool[i]!.region,
        departments: c.departments,
        taskKind: 'random' as const,
        parentId: null,
        stratum: t.stratum,
        key: t.key,
        replacementSeq: null,
        understaffed: t.understaffed,
        dueOn: day(at(-60)),
        team: t.team.map((x) => rosterId.get(x)!),
      };
    }),
    at(-124),
  );

  // Results: most visits compliant, some with findings (rectified on re-inspection), one lead, two
  // visits never made (overdue), and the results published within 20 working days.
  const calendar = await loadCalendar(tx);
  const items = (await queryOne<{ items: MergedItem[] }>(
    tx,
    sql`SELECT items FROM campaign_checklist WHERE campaign_id = ${id} AND kind = 'medical'`,
  ))!.items;
  const findable = items.filter((i) => i.code !== 'MED-05');
  for (const [n, taskId] of taskIds.entries()) {
    if (n >= taskIds.length - 2) break;
    const target = record.targets[n]!;
    const visit = at(-118 + Math.floor((n * 50) / taskIds.length));
    const inspectedOn = day(visit);
    const findings = rnd.chance(0.22) ? [findable[rnd.int(0, findable.length - 1)]!] : [];
    const results = items.map((i) => ({
      code: i.code,
      result: (findings.includes(i)
        ? 'non_compliant'
        : i.code === 'MED-05' && rnd.chance(0.6)
          ? 'not_applicable'
          : 'compliant') as ItemResult,
    }));
    const officers = target.team.map((x) => rosterId.get(x)!);
    const due = publicationDue(calendar, inspectedOn, DEFAULT_INSPECTION_POLICY).date;
    const outcome = outcomeOf(results.map((r) => r.result));
    const publishedOn = addDays(inspectedOn, rnd.int(3, 12));
    await tx.execute(sql`UPDATE inspection SET status = 'completed', inspected_at = ${iso(visit)}, inspected_on = ${inspectedOn}, outcome = ${outcome},
        recorded_at = ${iso(visit)}, recorded_by_name = 'lc.inspector1', publication_due = ${due}, published_at = ${`${publishedOn}T02:00:00Z`}
      WHERE id = ${taskId}`);
    await tx.execute(
      sql`INSERT INTO inspection_officer (inspection_id, inspector_id) SELECT ${taskId}, x FROM unnest(${sql.param(officers)}::bigint[]) AS x`,
    );
    for (const [position, r] of results.entries()) {
      const lead = r.result === 'non_compliant' && n % 9 === 0;
      await tx.execute(sql`INSERT INTO inspection_item_result (inspection_id, item_code, position, result, note, disposition)
        VALUES (${taskId}, ${r.code}, ${position}, ${r.result}, ${r.result === 'non_compliant' ? '现场检查发现问题，已责令改正' : ''},
          ${r.result === 'non_compliant' ? (lead ? 'rectification_and_lead' : 'rectification') : null})`);
    }
    if (findings.length) {
      const terms = rectificationTerms({
        calendar,
        inspectedOn,
        severities: findings.map((f) => f.severity),
        policy: DEFAULT_INSPECTION_POLICY,
      });
      const [re] = await insertTasks(
        tx,
        [
          {
            campaignId: id,
            establishmentId: stored.poolIds[index.get(target.code)!]!,
            code: target.code,
            kind: 'medical',
            region: stored.snapshot.pool[index.get(target.code)!]!.region,
            departments: c.departments,
            taskKind: 'reinspection',
            parentId: taskId,
            stratum: target.stratum,
            key: null,
            replacementSeq: null,
            understaffed: false,
            dueOn: terms.reinspectionDue.date,
            team: officers,
          },
        ],
        visit,
      );
      const reVisit = `${terms.deadline.date}T03:00:00Z`;
      const rectified = rnd.chance(0.85);
      await tx.execute(sql`INSERT INTO rectification (inspection_id, establishment_id, item_codes, ordered_on, working_days, deadline, reinspection_id,
          status, closed_at)
        VALUES (${taskId}, ${stored.poolIds[index.get(target.code)!]!}, ${sql.param(findings.map((f) => f.code))}::text[], ${inspectedOn},
          ${terms.workingDays}, ${terms.deadline.date}, ${re!}, ${rectified ? 'rectified' : 'not_rectified'}, ${reVisit})`);
      await tx.execute(sql`UPDATE inspection SET status = 'completed', inspected_at = ${reVisit}, inspected_on = ${terms.deadline.date},
          outcome = ${rectified ? 'compliant' : 'non_compliant'}, recorded_at = ${reVisit}, recorded_by_name = 'lc.inspector1',
          publication_due = ${publicationDue(calendar, terms.deadline.date, DEFAULT_INSPECTION_POLICY).date}
        WHERE id = ${re!}`);
      await tx.execute(
        sql`INSERT INTO inspection_officer (inspection_id, inspector_id) SELECT ${re!}, x FROM unnest(${sql.param(officers)}::bigint[]) AS x`,
      );
      for (const [position, f] of findings.entries()) {
        await tx.execute(sql`INSERT INTO inspection_item_result (inspection_id, item_code, position, result, note, disposition)
          VALUES (${re!}, ${f.code}, ${position}, ${rectified ? 'compliant' : 'non_compliant'}, ${rectified ? '已整改到位' : '仍未整改'},
            ${rectified ? null : 'lead'})`);
      }
      if (n % 9 === 0 || !rectified) {
        await tx.execute(sql`INSERT INTO inspection_lead (inspection_id, establishment_id, region_code, departments, item_codes, summary, created_at)
          VALUES (${rectified ? taskId : re!}, ${stored.poolIds[index.get(target.code)!]!}, ${stored.snapshot.pool[index.get(target.code)!]!.region},
            ${sql.param(c.departments)}::text[], ${sql.param(findings.map((f) => f.code))}::text[],
            ${`${findings[0]!.what}：检查发现问题，移交立案审查`}, ${iso(visit)})`);
      }
    }
  }
  await tx.execute(sql`UPDATE campaign_draw SET record_gz = ${encodeRecord(record).gz}, record_sha256 = ${encodeRecord(record).sha256}
    WHERE campaign_id = ${id}`);
  // Publications are written the way the platform writes them, for the portal's result pages.
  const published = await queryRows<InspectionRow>(
    tx,
    sql`SELECT i.*, c.campaign_no, c.title AS campaign_title, true AS in_scope FROM inspection i JOIN campaign c ON c.id = i.campaign_id
        WHERE i.campaign_id = ${id} AND i.published_at IS NOT NULL`,
  );
  for (const task of published) {
    const publication = await publicationOf(tx, task, chinaDay(new Date(task.published_at!)));
    await tx.execute(
      sql`UPDATE inspection SET publication = ${JSON.stringify(publication)}::jsonb WHERE id = ${task.id}`,
    );
  }
  await recordAudit(
    tx,
    SYSTEM_ACTOR,
    {
      action: 'inspection.campaign.draw',
      entityType: 'campaign',
      entityId: id,
      diff: { demo: [null, { targets: record.targets.length, drawHash: record.drawHash }] },
    },
    now,
  );

  // A draft for the coming months, for the planner to edit, approve and draw.
  const next = await insertCampaign(tx, {
    no: `${DEMO_COUNTIES.licheng}-${day(at(40)).slice(0, 4)}-0002`,
    title: '口腔、医疗美容机构全覆盖与诊所抽查（计划草案）',
    unitId: Number(health.id),
    regionCodes: [DEMO_COUNTIES.licheng],
    start: day(at(40)),
    end: day(at(130)),
    day: day(at(30)),
    status: 'draft',
    at: iso(now),
  });
  await recordAudit(
    tx,
    SYSTEM_ACTOR,
    {
      action: 'inspection.campaign.create',
      entityType: 'campaign',
      entityId: next,
      diff: { demo: [null, true] },
    },
    now,
  );
}
