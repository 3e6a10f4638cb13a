import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { queryRows } from '../../db/database.js';
import { BUILTIN_ROLES } from './permissions.js';

/**
 * Creates the built-in roles that do not exist yet, with their default permissions. A role that
 * exists is left as the administrator adjusted it.
 */
export async function ensureBuiltinRoles(db: Executor): Promise<void> {
  for (const role of BUILTIN_ROLES) {
    const created = await queryRows<{ code: string }>(
      db,
      sql`
      INSERT INTO role (code, name_zh, name_en, builtin, for_kind)
      VALUES (${role.code}, ${role.nameZh}, ${role.nameEn}, true, ${role.forKind})
      ON CONFLICT (code) DO NOTHING RETURNING code`,
    );
    if (created.length === 0) continue;
    for (const p of role.permissions) {
      await db.execute(sql`INSERT INTO role_permission (role_code, permission) VALUES (${role.code}, ${p})`);
    }
  }
}
