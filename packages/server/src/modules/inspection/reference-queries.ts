import {
  type ChecklistItem,
  DomainError,
  type InspectionItemEntry,
  type InspectionPolicy,
  type InspectionPolicyCitations,
  type ResponsibilityEntry,
} from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';

export const iso = (v: Date | string | null): string | null =>
  v === null ? null : new Date(v).toISOString();

export interface PolicyRecord {
  version: number;
  values: InspectionPolicy;
  citations: InspectionPolicyCitations;
  note: string;
  effectiveFrom: string | null;
  createdAt: string;
  createdBy: string | null;
}

export async function currentPolicy(db: Executor): Promise<PolicyRecord> {
  const r = await queryOne<{
    version: number;
    values: InspectionPolicy;
    citations: InspectionPolicyCitations;
    note: string;
    effective_from: string | null;
    created_at: Date | string;
    created_by_name: string | null;
  }>(db, sql`SELECT * FROM inspection_policy ORDER BY version DESC LIMIT 1`);
  if (!r) throw new DomainError('not_found', '抽查政策参数尚未设置', 'No inspection policy');
  return {
    version: r.version,
    values: r.values,
    citations: r.citations,
    note: r.note,
    effectiveFrom: r.effective_from,
    createdAt: iso(r.created_at)!,
    createdBy: r.created_by_name,
  };
}

interface ChecklistRow {
  id: number;
  kind: string;
  department_code: string;
  version: number;
  title: string;
  items: ChecklistItem[];
  note: string;
  created_at: Date | string;
  created_by_name: string | null;
}

export const presentChecklist = (r: ChecklistRow) => ({
  id: Number(r.id),
  kind: r.kind,
  departmentCode: r.department_code,
  version: r.version,
  title: r.title,
  items: r.items,
  note: r.note,
  createdAt: iso(r.created_at)!,
  createdBy: r.created_by_name,
});
export type ChecklistDto = ReturnType<typeof presentChecklist>;

/** The current version of every (kind, department) checklist, optionally filtered. */
export async function currentChecklists(
  db: Executor,
  filter: { kinds?: readonly string[]; departments?: readonly string[] } = {},
): Promise<ChecklistDto[]> {
  const where: SQL[] = [sql`true`];
  if (filter.kinds) where.push(sql`kind = ANY(${sql.param([...filter.kinds])}::text[])`);
  if (filter.departments)
    where.push(sql`department_code = ANY(${sql.param([...filter.departments])}::text[])`);
  const rows = await queryRows<ChecklistRow>(
    db,
    sql`SELECT DISTINCT ON (kind, department_code) * FROM checklist WHERE ${sql.join(where, sql` AND `)}
        ORDER BY kind, department_code, version DESC`,
  );
  return rows.map(presentChecklist);
}

export async function checklistById(db: Executor, id: number) {
  const r = await queryOne<ChecklistRow>(db, sql`SELECT * FROM checklist WHERE id = ${id}`);
  if (!r) throw new DomainError('not_found', `检查表 ${id} 不存在`, `No checklist ${id}`);
  const versions = await queryRows<{ id: number; version: number; note: string; created_at: Date | string }>(
    db,
    sql`SELECT id, version, note, created_at FROM checklist WHERE kind = ${r.kind} AND department_code = ${r.department_code}
        ORDER BY version DESC`,
  );
  return {
    ...presentChecklist(r),
    versions: versions.map((v) => ({
      id: Number(v.id),
      version: v.version,
      note: v.note,
      createdAt: iso(v.created_at)!,
    })),
  };
}

export type InspectionListName = 'items' | 'responsibilities';

export async function inspectionList(
  db: Executor,
  list: 'items',
  version?: number,
): Promise<ListRecord<InspectionItemEntry>>;
export async function inspectionList(
  db: Executor,
  list: 'responsibilities',
  version?: number,
): Promise<ListRecord<ResponsibilityEntry>>;
export async function inspectionList(db: Executor, list: InspectionListName, version?: number) {
  const rows = await queryRows<{
    version: number;
    entries: unknown[];
    note: string;
    created_at: Date | string;
    created_by_name: string | null;
  }>(
    db,
    sql`SELECT version, entries, note, created_at, created_by_name FROM inspection_list WHERE list = ${list} ORDER BY version DESC`,
  );
  const cur = version === undefined ? rows[0] : rows.find((r) => r.version === version);
  if (!cur) throw new DomainError('not_found', '清单版本不存在', 'No such list version');
  return {
    version: cur.version,
    entries: cur.entries,
    note: cur.note,
    createdAt: iso(cur.created_at)!,
    createdBy: cur.created_by_name,
    versions: rows.map((r) => ({
      version: r.version,
      note: r.note,
      createdAt: iso(r.created_at)!,
      createdBy: r.created_by_name,
    })),
  };
}

export interface ListRecord<E> {
  version: number;
  entries: E[];
  note: string;
  createdAt: string;
  createdBy: string | null;
  versions: { version: number; note: string; createdAt: string; createdBy: string | null }[];
}
