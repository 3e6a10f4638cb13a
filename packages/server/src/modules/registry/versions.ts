import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import type { AuditActor } from '../audit/record-audit.js';
import { iso } from './establishment-record.js';

/**
 * History: every change to an establishment or a practitioner is one version row (who, when, what
 * changed), written in the transaction of the change. The diff is {field: [before, after]}.
 */
export type VersionedEntity = 'establishment' | 'practitioner';

const TABLES = {
  establishment: { table: sql.raw('establishment_version'), key: sql.raw('establishment_id') },
  practitioner: { table: sql.raw('practitioner_version'), key: sql.raw('practitioner_id') },
} as const;

export async function writeVersion(
  tx: Executor,
  entity: VersionedEntity,
  v: {
    id: number;
    version: number;
    action: string;
    diff: Record<string, unknown>;
    actor: AuditActor;
    at: Date;
    importBatchId?: number | null;
  },
): Promise<void> {
  const { table, key } = TABLES[entity];
  await tx.execute(sql`INSERT INTO ${table} (${key}, version, changed_at, actor_user_id, actor_name, action, import_batch_id, diff)
    VALUES (${v.id}, ${v.version}, ${v.at.toISOString()}, ${v.actor.userId}, ${v.actor.name}, ${v.action},
      ${v.importBatchId ?? null}, ${JSON.stringify(v.diff)}::jsonb)`);
}

/** The creation diff: every field from null. */
export function creationDiff(snapshot: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(snapshot))
    if (v !== null && !(Array.isArray(v) && v.length === 0)) out[k] = [null, v];
  return out;
}

/** Field order of the timeline (the order of the form), whatever order the stored diff has. */
const FIELD_ORDER = [
  'name',
  'uscc',
  'usccCheckFailed',
  'idNumber',
  'profession',
  'kind',
  'categoryCode',
  'regionCode',
  'address',
  'legalRepresentative',
  'contactPhone',
  'ownership',
  'forProfit',
  'level',
  'beds',
  'clinicalSubjects',
  'qualificationCertNo',
  'practisingCertNo',
  'practiceCategory',
  'practiceScopes',
  'titleGrade',
  'primaryEstablishmentId',
  'status',
  'flags',
  'multiSiteFiling',
];
const rank = (f: string) => {
  const i = FIELD_ORDER.indexOf(f);
  return i < 0 ? FIELD_ORDER.length : i;
};

interface VersionRow {
  version: number;
  changed_at: Date | string;
  actor_user_id: number | null;
  actor_name: string | null;
  action: string;
  import_batch_id: number | null;
  diff: Record<string, [unknown, unknown]>;
}

/** The timeline, newest first. The caller has checked that the record is in scope. */
export async function history(db: Executor, entity: VersionedEntity, id: number) {
  const { table, key } = TABLES[entity];
  const rows = await queryRows<VersionRow>(
    db,
    sql`SELECT version, changed_at, actor_user_id, actor_name, action, import_batch_id, diff
        FROM ${table} WHERE ${key} = ${id} ORDER BY version DESC`,
  );
  return rows.map((r) => ({
    version: r.version,
    changedAt: iso(r.changed_at),
    actor: { userId: r.actor_user_id, name: r.actor_name },
    action: r.action,
    importBatchId: r.import_batch_id,
    changes: Object.entries(r.diff)
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([field, [before, after]]) => ({ field, before, after })),
  }));
}
