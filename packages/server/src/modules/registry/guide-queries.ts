import {
  type ComplianceGuideContent,
  type DepartmentDuty,
  DomainError,
  ESTABLISHMENT_KINDS,
  type EstablishmentKind,
  KIND_NAMES,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import { iso } from './establishment-record.js';

interface GuideRow {
  kind: EstablishmentKind;
  version: number;
  content: ComplianceGuideContent;
  note: string;
  effective_from: string | null;
  created_at: Date | string;
  created_by_name: string | null;
}

const presentGuide = (r: GuideRow) => ({
  kind: r.kind,
  kindName: KIND_NAMES[r.kind].zh,
  version: r.version,
  effectiveFrom: r.effective_from,
  note: r.note,
  createdAt: iso(r.created_at),
  createdBy: r.created_by_name,
  content: r.content,
});

export async function currentGuides(db: Executor) {
  const rows = await queryRows<GuideRow>(
    db,
    sql`SELECT DISTINCT ON (kind) * FROM compliance_guide ORDER BY kind, version DESC`,
  );
  return rows
    .sort((a, b) => ESTABLISHMENT_KINDS.indexOf(a.kind) - ESTABLISHMENT_KINDS.indexOf(b.kind))
    .map(presentGuide);
}

export async function guideVersion(db: Executor, kind: EstablishmentKind, version: number | null) {
  const r = await queryOne<GuideRow>(
    db,
    version === null
      ? sql`SELECT * FROM compliance_guide WHERE kind = ${kind} ORDER BY version DESC LIMIT 1`
      : sql`SELECT * FROM compliance_guide WHERE kind = ${kind} AND version = ${version}`,
  );
  if (!r) throw new DomainError('not_found', `合规指引版本不存在`, `No such compliance guide version`);
  return presentGuide(r);
}

export async function guideVersions(db: Executor, kind: EstablishmentKind) {
  const rows = await queryRows<{
    version: number;
    note: string;
    created_at: Date | string;
    created_by_name: string | null;
  }>(
    db,
    sql`SELECT version, note, created_at, created_by_name FROM compliance_guide WHERE kind = ${kind} ORDER BY version DESC`,
  );
  return rows.map((r) => ({
    version: r.version,
    note: r.note,
    createdAt: iso(r.created_at),
    createdBy: r.created_by_name,
  }));
}

export async function responsibilityMap(db: Executor) {
  const rows = await queryRows<{
    version: number;
    entries: DepartmentDuty[];
    note: string;
    created_at: Date | string;
    created_by_name: string | null;
  }>(
    db,
    sql`SELECT version, entries, note, created_at, created_by_name FROM responsibility_map ORDER BY version DESC`,
  );
  const cur = rows[0];
  if (!cur) throw new DomainError('not_found', '职责分工尚未设置', 'No responsibility map');
  const names = new Map(
    (await queryRows<{ code: string; name_zh: string }>(db, sql`SELECT code, name_zh FROM department`)).map(
      (d) => [d.code, d.name_zh],
    ),
  );
  return {
    version: cur.version,
    note: cur.note,
    createdAt: iso(cur.created_at),
    createdBy: cur.created_by_name,
    entries: cur.entries.map((e) => ({
      ...e,
      departmentName: names.get(e.departmentCode) ?? e.departmentCode,
    })),
    versions: rows.map((r) => ({
      version: r.version,
      note: r.note,
      createdAt: iso(r.created_at),
      createdBy: r.created_by_name,
    })),
  };
}
