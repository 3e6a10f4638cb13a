import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database.js';
import { removeUnreferencedFiles } from '../../files/remove-unreferenced.js';
import type { AppContext } from '../../http/context.js';

/** How long an uploaded photo may wait for its patrol record before it is taken as abandoned. */
const ABANDONED_AFTER_HOURS = 48;

/**
 * Photos are uploaded as soon as they are taken, before the patrol record that claims them is
 * saved; a form closed without saving leaves them unclaimed. They hold personal images (people and
 * places on the street), so they are not kept: unclaimed photos older than two days are deleted,
 * and their bytes with them unless something else holds the same content.
 */
export async function pruneAbandonedPatrolPhotos(ctx: AppContext): Promise<Record<string, number>> {
  const before = new Date(ctx.now().getTime() - ABANDONED_AFTER_HOURS * 3_600_000).toISOString();
  const gone = await queryRows<{ sha256: string }>(
    ctx.database.db,
    sql`DELETE FROM oversight_patrol_photo WHERE patrol_id IS NULL AND uploaded_at < ${before} RETURNING sha256`,
  );
  const removed = await removeUnreferencedFiles(
    ctx,
    gone.map((g) => g.sha256),
  );
  return { photos: gone.length, files: removed };
}
