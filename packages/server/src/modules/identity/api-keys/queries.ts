import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../../db/database.js';
import type { Actor } from '../actor.js';
import { ownEstablishment } from '../scope.js';
import type { ApiKeyDto } from './schemas.js';

/** API keys of the actor's own establishment (staff users see none). */
interface ApiKeyRow {
  id: number;
  establishment_id: number;
  name: string;
  prefix: string;
  permissions: string[];
  created_by: number;
  created_by_username: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const select = sql`SELECT k.id, k.establishment_id, k.name, k.prefix, k.permissions, k.created_by,
  u.username AS created_by_username, k.created_at, k.last_used_at, k.revoked_at
  FROM api_key k JOIN app_user u ON u.id = k.created_by`;

const iso = (v: string | null) => (v === null ? null : new Date(v).toISOString());

function present(r: ApiKeyRow): ApiKeyDto {
  return {
    id: r.id,
    establishmentId: r.establishment_id,
    name: r.name,
    prefix: r.prefix,
    permissions: [...r.permissions].sort(),
    createdBy: { id: r.created_by, username: r.created_by_username },
    createdAt: iso(r.created_at)!,
    lastUsedAt: iso(r.last_used_at),
    revokedAt: iso(r.revoked_at),
  };
}

export async function listApiKeys(db: Executor, actor: Actor): Promise<ApiKeyDto[]> {
  const rows = await queryRows<ApiKeyRow>(
    db,
    sql`${select} WHERE ${ownEstablishment(actor, sql`k.establishment_id`)}
        ORDER BY k.revoked_at IS NOT NULL, k.created_at DESC, k.id DESC`,
  );
  return rows.map(present);
}

export async function getApiKey(db: Executor, actor: Actor, id: number): Promise<ApiKeyDto> {
  const row = await queryOne<ApiKeyRow>(
    db,
    sql`${select} WHERE k.id = ${id} AND ${ownEstablishment(actor, sql`k.establishment_id`)}`,
  );
  if (!row) throw new DomainError('not_found', `接口密钥 ${id} 不存在。`, `API key ${id} not found.`);
  return present(row);
}
