import { sql } from 'drizzle-orm';
import { queryOne } from '../../src/db/database.js';
import type { TestApp } from './app.js';
import { LEAK_MARK, type ScopeFixture } from './scope-fixtures.js';

/**
 * Licensing records of 历城区's supervision institute (department-owned, region-scoped): an
 * application in review that is part of a joint application, one uploaded material, a licence, a
 * verification task and a revalidation. Each carries LEAK_MARK in its own text fields.
 */
export async function licensingFixture(t: TestApp): Promise<ScopeFixture> {
  const db = t.database.db;
  const at = t.ctx.now().toISOString();
  const one = async (query: ReturnType<typeof sql>) =>
    String((await queryOne<{ id: number }>(db, query))!.id);
  const unit = await one(
    sql`SELECT id FROM unit WHERE department_code = 'supervision' AND region_code = '370112' ORDER BY id LIMIT 1`,
  );
  const est = await one(
    sql`INSERT INTO establishment (public_code, name, kind, category_code, region_code, address, status, created_at, updated_at)
        VALUES ('LEAKMARK0000L', ${`历城区${LEAK_MARK}许可医院`}, 'medical', 'A100', '370112', '历城区某路', 'operating', ${at}, ${at})
        RETURNING id`,
  );
  const joint = await one(
    sql`INSERT INTO licensing_joint_application (establishment_id, window_unit_id, window_region_code, window_department_code, note, created_at)
        VALUES (${est}, ${unit}, '370112', 'supervision', ${`联动${LEAK_MARK}`}, ${at}) RETURNING id`,
  );
  const application = await one(
    sql`INSERT INTO licensing_application (number, joint_id, establishment_id, establishment_name, establishment_region, permit_code,
          permit_version, mode, purpose, unit_id, unit_region_code, department_code, state, form, applicant_note, received_on,
          accepted_on, created_at, updated_at)
        VALUES (${`${LEAK_MARK}-1`}, ${joint}, ${est}, ${`历城区${LEAK_MARK}许可医院`}, '370112', 'radiation_diagnosis', 1, 'approval', 'new',
          ${unit}, '370112', 'supervision', 'under_review', '{}', ${`备注${LEAK_MARK}`}, '2026-03-02', '2026-03-03', ${at}, ${at})
        RETURNING id`,
  );
  const material = await one(
    sql`INSERT INTO licensing_material (application_id, material_code, file_name, content_type, size_bytes, sha256, uploaded_at)
        VALUES (${application}, 'application_form', ${`${LEAK_MARK}.pdf`}, 'application/pdf', 10, ${'a'.repeat(64)}, ${at}) RETURNING id`,
  );
  const license = await one(
    sql`INSERT INTO licensing_license (number, permit_code, permit_version, license_name_zh, establishment_id, establishment_name,
          establishment_region, unit_id, unit_name, unit_region_code, department_code, issued_on, valid_from, note, created_at, updated_at)
        VALUES (${`放诊字${LEAK_MARK}`}, 'radiation_diagnosis', 1, '《放射诊疗许可证》', ${est}, ${`历城区${LEAK_MARK}许可医院`}, '370112',
          ${unit}, '历城区卫生健康监督所', '370112', 'supervision', '2026-01-05', '2026-01-05', ${LEAK_MARK}, ${at}, ${at})
        RETURNING id`,
  );
  const task = await one(
    sql`INSERT INTO licensing_task (kind, application_id, license_id, establishment_id, establishment_name, unit_id, unit_region_code,
          department_code, state, due_on, findings, created_at, updated_at)
        VALUES ('post_filing_check', ${application}, ${license}, ${est}, ${`历城区${LEAK_MARK}许可医院`}, ${unit}, '370112', 'supervision',
          'open', '2026-04-01', ${LEAK_MARK}, ${at}, ${at}) RETURNING id`,
  );
  const revalidation = await one(
    sql`INSERT INTO licensing_revalidation (license_id, cycle_years, due_on, notice_on, state, reasons, unit_id, unit_region_code,
          department_code, created_at, updated_at)
        VALUES (${license}, 1, '2027-01-05', '2026-10-07', 'scheduled', ${LEAK_MARK}, ${unit}, '370112', 'supervision', ${at}, ${at})
        RETURNING id`,
  );
  const a = { id: application };
  const l = { id: license };
  return {
    entity: 'licensing',
    routes: {
      '/api/v1/licensing/applications/{id}': a,
      '/api/v1/licensing/applications/{id}/actions': a,
      '/api/v1/licensing/applications/{id}/materials': a,
      '/api/v1/licensing/applications/{id}/materials/{materialId}': { id: application, materialId: material },
      '/api/v1/licensing/joint-applications/{id}': { id: joint },
      '/api/v1/licensing/licenses/{id}': l,
      '/api/v1/licensing/licenses/{id}/certificate.pdf': l,
      '/api/v1/licensing/licenses/{id}/actions': l,
      '/api/v1/licensing/tasks/{id}': { id: task },
      '/api/v1/licensing/tasks/{id}/actions': { id: task },
      '/api/v1/licensing/revalidations/{id}': { id: revalidation },
      '/api/v1/licensing/revalidations/{id}/actions': { id: revalidation },
    },
  };
}
