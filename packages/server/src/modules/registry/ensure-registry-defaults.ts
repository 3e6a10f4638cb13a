import { DEFAULT_COMPLIANCE_GUIDES, DEFAULT_RESPONSIBILITY_MAP, ESTABLISHMENT_KINDS } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';

/**
 * Compliance guides (合规指引) and the responsibility map (职责分工) as versioned data: the shipped
 * defaults are version 1; each administrator edit adds a version, earlier ones stay readable.
 */
export async function ensureRegistryDefaults(db: Executor, at: Date = new Date(0)): Promise<void> {
  for (const kind of ESTABLISHMENT_KINDS) {
    await db.execute(sql`INSERT INTO compliance_guide (kind, version, content, note, created_at)
      VALUES (${kind}, 1, ${JSON.stringify(DEFAULT_COMPLIANCE_GUIDES[kind])}::jsonb, '默认指引 Default guide', ${at.toISOString()})
      ON CONFLICT DO NOTHING`);
  }
  await db.execute(sql`INSERT INTO responsibility_map (version, entries, note, created_at)
    VALUES (1, ${JSON.stringify(DEFAULT_RESPONSIBILITY_MAP)}::jsonb, '济历城卫健发〔2022〕20号 附件3', ${at.toISOString()})
    ON CONFLICT DO NOTHING`);
}
