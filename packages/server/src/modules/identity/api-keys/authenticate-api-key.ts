import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../../db/database.js';
import type { Actor } from '../actor.js';
import type { Permission } from '../permissions.js';
import { permissionsOfUser } from '../users/queries.js';
import { apiKeyHash, looksLikeApiKey } from './api-key-token.js';

/**
 * Resolves `Authorization: Bearer wjk_…` to an actor of kind 'institution' for the key's
 * establishment. The key acts with its own permissions, narrowed to those its creator still holds
 * (an institution user who loses a permission, or is disabled, takes it from their keys too).
 * Its last use is recorded at most once a minute.
 */
export async function authenticateApiKey(
  db: Executor,
  token: string,
  request: { ip: string | null; requestId: string | null },
  at: Date,
): Promise<Actor | undefined> {
  if (!looksLikeApiKey(token)) return undefined;
  const key = await queryOne<{
    id: number;
    name: string;
    prefix: string;
    establishment_id: number;
    permissions: string[];
    created_by: number;
    last_used_at: string | null;
  }>(
    db,
    sql`SELECT k.id, k.name, k.prefix, k.establishment_id, k.permissions, k.created_by, k.last_used_at
        FROM api_key k JOIN app_user u ON u.id = k.created_by
        WHERE k.key_hash = ${apiKeyHash(token)} AND k.revoked_at IS NULL
          AND u.status = 'active' AND u.kind = 'institution' AND u.establishment_id = k.establishment_id`,
  );
  if (!key) return undefined;
  if (!key.last_used_at || at.getTime() - new Date(key.last_used_at).getTime() >= 60_000) {
    await db.execute(sql`UPDATE api_key SET last_used_at = ${at.toISOString()} WHERE id = ${key.id}`);
  }
  const creatorHolds = await permissionsOfUser(db, key.created_by);
  const permissions = key.permissions.filter(
    (p) => creatorHolds.has(p) && p !== 'identity.api-key.manage',
  ) as Permission[];
  return {
    userId: key.created_by,
    username: `api-key:${key.prefix}#${key.id}`,
    displayName: key.name,
    kind: 'institution',
    unit: null,
    regionPrefix: null,
    establishmentId: key.establishment_id,
    roles: [],
    permissions: new Set(permissions),
    secondFactorEnabled: false,
    mustChangePassword: false,
    sessionId: null,
    ...request,
  };
}
