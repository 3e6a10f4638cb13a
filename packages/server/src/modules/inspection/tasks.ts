import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';

/** An inspection task to create: a drawn target, a replacement or a re-inspection, with its team. */
export interface NewTask {
  campaignId: number;
  establishmentId: number;
  code: string;
  kind: string;
  region: string;
  departments: string[];
  taskKind: 'random' | 'reinspection';
  parentId: number | null;
  stratum: string | null;
  key: string | null;
  replacementSeq: number | null;
  understaffed: boolean;
  dueOn: string;
  /** Inspector ids in the order the draw picked them. */
  team: number[];
}

const CHUNK = 5000;

/** Inserts tasks and their teams with a few multi-row statements (a draw may create 200,000). */
export async function insertTasks(tx: Executor, tasks: readonly NewTask[], at: Date): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < tasks.length; i += CHUNK) {
    const part = tasks.slice(i, i + CHUNK);
    const col = <T>(f: (t: NewTask) => T) => sql.param(part.map(f));
    const rows = await queryRows<{ id: number }>(
      tx,
      sql`INSERT INTO inspection (campaign_id, establishment_id, establishment_code, establishment_kind, region_code, departments,
            task_kind, parent_id, stratum, draw_key, replacement_seq, understaffed, status, due_on, created_at)
          SELECT cid, eid, code, kind, region, string_to_array(depts, ','), tk, pid, stratum, dkey, seq, us, 'assigned', due, ${at.toISOString()}
          FROM unnest(${col((t) => t.campaignId)}::bigint[], ${col((t) => t.establishmentId)}::bigint[], ${col((t) => t.code)}::text[],
            ${col((t) => t.kind)}::text[], ${col((t) => t.region)}::text[], ${col((t) => t.departments.join(','))}::text[],
            ${col((t) => t.taskKind)}::text[], ${col((t) => t.parentId)}::bigint[], ${col((t) => t.stratum)}::text[],
            ${col((t) => t.key)}::text[], ${col((t) => t.replacementSeq)}::int[], ${col((t) => t.understaffed)}::boolean[],
            ${col((t) => t.dueOn)}::date[]) WITH ORDINALITY
            AS t(cid, eid, code, kind, region, depts, tk, pid, stratum, dkey, seq, us, due, n)
          ORDER BY n
          RETURNING id`,
    );
    // Ids come from the sequence in insertion order (ORDER BY n), whatever order RETURNING lists them in.
    const partIds = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    ids.push(...partIds);
    const team = part.flatMap((t, j) =>
      t.team.map((inspector, position) => ({ task: partIds[j]!, inspector, position })),
    );
    if (team.length > 0) {
      await tx.execute(sql`INSERT INTO inspection_team (inspection_id, inspector_id, position)
        SELECT * FROM unnest(${sql.param(team.map((m) => m.task))}::bigint[], ${sql.param(team.map((m) => m.inspector))}::bigint[],
          ${sql.param(team.map((m) => m.position))}::int[])`);
    }
  }
  return ids;
}
