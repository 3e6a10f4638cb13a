import { sql } from 'drizzle-orm';
import { queryOne } from '../../src/db/database.js';
import type { TestApp } from './app.js';
import { LEAK_MARK, type ScopeFixture } from './scope-fixtures.js';

/**
 * Oversight records of 历城区's supervision institute: a grid over 山大路街道 with a patrol, a
 * re-check and a special campaign (department-scoped); and the dashboard's establishment list,
 * which is region-shared like the registry it reads.
 */
export async function oversightFixtures(t: TestApp, registry: ScopeFixture): Promise<ScopeFixture[]> {
  const db = t.database.db;
  const at = t.ctx.now().toISOString();
  const id = async (q: ReturnType<typeof sql>) => String((await queryOne<{ id: number }>(db, q))!.id);
  const establishment = registry.routes['/api/v1/establishments/{id}']!.id!;
  const grid =
    await id(sql`INSERT INTO oversight_grid (code, name, region_code, department_code, duties, created_at, updated_at)
      VALUES ('LEAK-01', ${`网格${LEAK_MARK}`}, '370112', 'supervision', ${LEAK_MARK}, ${at}, ${at}) RETURNING id`);
  await db.execute(
    sql`INSERT INTO oversight_grid_area (grid_id, department_code, area_code) VALUES (${grid}, 'supervision', '370112001')`,
  );
  const campaign =
    await id(sql`INSERT INTO oversight_special_campaign (name, theme, region_code, department_code, departments,
      starts_on, ends_on, target, created_at)
      VALUES (${`专项${LEAK_MARK}`}, ${LEAK_MARK}, '370112', 'supervision', '{supervision}', '2026-01-01', '2026-12-31', 10, ${at}) RETURNING id`);
  const patrol =
    await id(sql`INSERT INTO oversight_patrol (grid_id, campaign_id, place, planned_on, status, created_at)
      VALUES (${grid}, ${campaign}, ${`地点${LEAK_MARK}`}, '2026-03-01', 'planned', ${at}) RETURNING id`);
  const recheck =
    await id(sql`INSERT INTO oversight_recheck_task (grid_id, establishment_id, source, source_ref, due_on, status, created_at)
      VALUES (${grid}, ${establishment}, 'manual', ${LEAK_MARK}, '2026-04-01', 'open', ${at}) RETURNING id`);
  // A patrol photo row (its bytes are not needed: outsiders must get 404 before the store is read).
  const sha = 'a'.repeat(64);
  await db.execute(sql`INSERT INTO oversight_patrol_photo (sha256, media_type, size_bytes, patrol_id, region_code,
      department_code, uploaded_by, uploaded_at)
    VALUES (${sha}, 'image/png', 1, ${patrol}, '370112', 'supervision', (SELECT id FROM app_user WHERE username = 'admin'), ${at})`);
  return [
    {
      entity: 'oversight_grid',
      routes: {
        '/api/v1/oversight/grids/{id}': { id: grid },
        '/api/v1/oversight/grids/{id}/patrols': { id: grid },
        '/api/v1/oversight/grids/{id}/rechecks': { id: grid },
        '/api/v1/oversight/patrols/{id}/record': { id: patrol },
        '/api/v1/oversight/rechecks/{id}/complete': { id: recheck },
        '/api/v1/oversight/grids/{id}/establishments': { id: grid },
        '/api/v1/oversight/grids/{id}/patrol-records': { id: grid },
        '/api/v1/oversight/patrols/{id}/photos/{sha256}': { id: patrol, sha256: sha },
      },
    },
    {
      entity: 'oversight_establishments',
      routes: {},
      regionShared: { lists: ['/api/v1/oversight/dashboard/establishments'] },
    },
  ];
}
