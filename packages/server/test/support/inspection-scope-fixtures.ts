import { sql } from 'drizzle-orm';
import { queryOne } from '../../src/db/database.js';
import type { TestApp } from './app.js';
import { LEAK_MARK, type ScopeFixture } from './scope-fixtures.js';

/**
 * Records of the inspection module owned by 历城区's supervision institute (the unit `unitId`): an
 * officer with a conflict link, a draft plan (never published, so the portal does not know it), and
 * a drawn campaign with an open inspection and a photo. Each carries LEAK_MARK where a list would
 * show it.
 */
export async function inspectionFixtures(t: TestApp, unitId: number): Promise<ScopeFixture[]> {
  const db = t.database.db;
  const at = t.ctx.now().toISOString();
  const est = await queryOne<{ id: number }>(
    db,
    sql`INSERT INTO establishment (public_code, name, kind, category_code, region_code, address, status, created_at, updated_at)
        VALUES ('INSPFIXTURE0A', '历城区抽查样本诊所', 'medical', 'D211', '370112', '山大路 9 号', 'operating', ${at}, ${at}) RETURNING id`,
  );
  const officer = await queryOne<{ id: number }>(
    db,
    sql`INSERT INTO inspector (certificate_no, name, unit_id, department_code, region_code, created_at, updated_at)
        VALUES (${`CERT-${LEAK_MARK}`}, ${`刘${LEAK_MARK}`}, ${unitId}, 'supervision', '370112', ${at}, ${at}) RETURNING id`,
  );
  const conflict = await queryOne<{ id: number }>(
    db,
    sql`INSERT INTO inspector_conflict (inspector_id, establishment_id, reason, note, source, created_at)
        VALUES (${officer!.id}, ${est!.id}, 'relative', ${LEAK_MARK}, 'recorded', ${at}) RETURNING id`,
  );
  const campaign = (no: string, status: string) =>
    queryOne<{ id: number }>(
      db,
      sql`INSERT INTO campaign (campaign_no, title, owner_unit_id, department_code, region_code, departments, kinds, region_codes,
            item_codes, item_list_version, period_start, period_end, sampling, team_size, year_target, randomness_date, sources,
            status, policy_version, created_at, updated_at, commitment)
          VALUES (${no}, ${`抽查${LEAK_MARK}`}, ${unitId}, 'supervision', '370112', '{supervision}', '{medical}', '{370112}',
            '{medical.supervision}', 1, '2026-04-01', '2026-04-30', ${JSON.stringify({ defaultRatio: 0.2, cells: [], sectors: [], qualifications: [] })}::jsonb,
            2, 0.2, '2026-03-20', ${JSON.stringify([{ id: 'sse', description: LEAK_MARK }])}::jsonb, ${status}, 1, ${at}, ${at},
            ${'0'.repeat(64)}) RETURNING id`,
    );
  const draft = await campaign('370112-2026-9001', 'draft');
  const drawn = await campaign('370112-2026-9002', 'drawn');
  const task = await queryOne<{ id: number }>(
    db,
    sql`INSERT INTO inspection (campaign_id, establishment_id, establishment_code, establishment_kind, region_code, departments, task_kind,
          status, due_on, notes, created_at)
        VALUES (${drawn!.id}, ${est!.id}, 'INSPFIXTURE0A', 'medical', '370112', '{supervision}', 'random', 'assigned', '2026-04-30',
          ${LEAK_MARK}, ${at}) RETURNING id`,
  );
  await db.execute(
    sql`INSERT INTO inspection_team (inspection_id, inspector_id, position) VALUES (${task!.id}, ${officer!.id}, 0)`,
  );
  const photo = await queryOne<{ id: number }>(
    db,
    sql`INSERT INTO inspection_photo (inspection_id, sha256, media_type, size_bytes, uploaded_at)
        VALUES (${task!.id}, ${'a'.repeat(64)}, 'image/jpeg', 10, ${at}) RETURNING id`,
  );
  const o = { id: String(officer!.id) };
  const d = { id: String(draft!.id) };
  const i = { id: String(task!.id) };
  return [
    {
      entity: 'inspector',
      routes: {
        '/api/v1/inspectors/{id}': o,
        '/api/v1/inspectors/{id}/conflicts': o,
        '/api/v1/inspectors/{id}/conflicts/{conflictId}/end': { ...o, conflictId: String(conflict!.id) },
      },
    },
    {
      entity: 'campaign',
      routes: Object.fromEntries([
        ...[
          '',
          '/forecast',
          '/approve',
          '/freeze',
          '/draw',
          '/cancel',
          '/publish-results',
          '/draw-record',
        ].map((p) => [`/api/v1/campaigns/{id}${p}`, d]),
        ['/api/v1/public/campaigns/{campaignNo}', { campaignNo: '370112-2026-9001' }],
        ['/api/v1/public/campaigns/{campaignNo}/draw-record', { campaignNo: '370112-2026-9002' }],
      ]),
    },
    {
      entity: 'inspection',
      routes: {
        ...Object.fromEntries(
          ['', '/photos', '/complete', '/replace', '/publish'].map((p) => [
            `/api/v1/inspections/{id}${p}`,
            i,
          ]),
        ),
        '/api/v1/inspections/{id}/photos/{photoId}': { ...i, photoId: String(photo!.id) },
      },
    },
  ];
}
