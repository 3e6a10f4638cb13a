import {
  checkPermitDefinition,
  DEFAULT_PERMIT_VERSIONS,
  DomainError,
  type PermitTypeDefinition,
  type PermitTypeVersion,
  versionInForce,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { iso } from './access.js';

/**
 * The permit catalogue as versioned rows (事项清单): the shipped defaults are loaded once, each
 * administrator edit adds a version with its effective date, and every version stays readable.
 */
interface VersionRow {
  code: string;
  version: number;
  effective_from: string;
  definition: PermitTypeDefinition;
  note: string;
  created_at: Date | string;
  created_by_name: string | null;
}

export interface StoredPermitVersion extends PermitTypeVersion {
  createdAt: string;
  createdBy: string | null;
}

const present = (r: VersionRow): StoredPermitVersion => ({
  code: r.code,
  version: r.version,
  effectiveFrom: r.effective_from,
  definition: r.definition,
  note: r.note,
  createdAt: iso(r.created_at),
  createdBy: r.created_by_name,
});

const COLUMNS = sql`code, version, effective_from::text AS effective_from, definition, note, created_at, created_by_name`;

/** Loads the shipped defaults that are not there yet (idempotent; an administrator's versions stay). */
export async function ensureLicensingDefaults(db: Executor, at: Date = new Date(0)): Promise<void> {
  for (const v of DEFAULT_PERMIT_VERSIONS) {
    const d = v.definition;
    await db.execute(sql`INSERT INTO permit_type_version (code, version, effective_from, name_zh, mode, level, department_code,
        definition, note, created_at)
      VALUES (${v.code}, ${v.version}, ${v.effectiveFrom}, ${d.nameZh}, ${d.mode}, ${d.level}, ${d.departmentCode},
        ${JSON.stringify(d)}::jsonb, ${v.note}, ${at.toISOString()})
      ON CONFLICT DO NOTHING`);
  }
}

export async function permitVersions(db: Executor, code: string): Promise<StoredPermitVersion[]> {
  const rows = await queryRows<VersionRow>(
    db,
    sql`SELECT ${COLUMNS} FROM permit_type_version WHERE code = ${code} ORDER BY version`,
  );
  return rows.map(present);
}

export function permitNotFound(code: string): DomainError {
  return new DomainError('not_found', `许可事项 ${code} 不存在`, `No permit type ${code}`, {
    permitCode: code,
  });
}

/** The version in force on `date` (404 when the type does not exist or is not yet in force). */
export async function permitInForce(db: Executor, code: string, date: string): Promise<StoredPermitVersion> {
  const found = versionInForce(await permitVersions(db, code), date);
  if (!found) throw permitNotFound(code);
  return found;
}

export async function permitVersion(
  db: Executor,
  code: string,
  version: number,
): Promise<StoredPermitVersion> {
  const row = await queryOne<VersionRow>(
    db,
    sql`SELECT ${COLUMNS} FROM permit_type_version WHERE code = ${code} AND version = ${version}`,
  );
  if (!row) throw permitNotFound(code);
  return present(row);
}

/** Every permit type's version in force on `date`, ordered as the catalogue lists them. */
export async function permitTypesInForce(db: Executor, date: string): Promise<StoredPermitVersion[]> {
  const rows = await queryRows<VersionRow>(
    db,
    sql`SELECT DISTINCT ON (code) ${COLUMNS} FROM permit_type_version
        WHERE effective_from <= ${date} ORDER BY code, version DESC`,
  );
  const order = new Map(DEFAULT_PERMIT_VERSIONS.map((v, i) => [v.code, i]));
  return rows
    .map(present)
    .sort((a, b) => (order.get(a.code) ?? 999) - (order.get(b.code) ?? 999) || a.code.localeCompare(b.code));
}

/** Saves a new version of a permit type (or the first of a new one), checked and audited. */
export async function savePermitVersion(opts: {
  ctx: AppContext;
  actor: Actor;
  code: string;
  input: { effectiveFrom: string; note: string; definition: PermitTypeDefinition };
}): Promise<StoredPermitVersion> {
  const { ctx, actor, code, input } = opts;
  return ctx.database.db.transaction((tx) => savePermitVersionIn(tx, ctx.now(), actor, code, input));
}

/** The same inside a transaction the caller holds (the demo seed); `actor` null = the system. */
export async function savePermitVersionIn(
  tx: Executor,
  at: Date,
  actor: Actor | null,
  code: string,
  input: { effectiveFrom: string; note: string; definition: PermitTypeDefinition },
): Promise<StoredPermitVersion> {
  const definition = { ...input.definition, code };
  await tx.execute(sql`SELECT pg_advisory_xact_lock(72006)`);
  const problems = await permitDefinitionProblems(tx, definition);
  if (problems.length) throw invalidPermitDefinition(problems);
  const last = await queryOne<{ v: number | null }>(
    tx,
    sql`SELECT max(version) AS v FROM permit_type_version WHERE code = ${code}`,
  );
  const version = (last?.v ?? 0) + 1;
  await tx.execute(sql`INSERT INTO permit_type_version (code, version, effective_from, name_zh, mode, level, department_code,
      definition, note, created_at, created_by, created_by_name)
    VALUES (${code}, ${version}, ${input.effectiveFrom}, ${definition.nameZh}, ${definition.mode}, ${definition.level},
      ${definition.departmentCode}, ${JSON.stringify(definition)}::jsonb, ${input.note}, ${at.toISOString()},
      ${actor?.userId ?? null}, ${actor?.username ?? 'system'})`);
  await recordAudit(
    tx,
    actor ? auditActorOf(actor) : SYSTEM_ACTOR,
    {
      action: 'licensing.permit-type.version',
      entityType: 'permit_type',
      entityId: code,
      diff: {
        version: [version - 1 || null, version],
        effectiveFrom: [null, input.effectiveFrom],
        note: [null, input.note],
      },
    },
    at,
  );
  return permitVersion(tx, code, version);
}

type PermitProblem = ReturnType<typeof checkPermitDefinition>[number];

/** What is wrong with a definition (the domain's checks and the department), paths under `definition.`. */
export async function permitDefinitionProblems(
  tx: Executor,
  definition: PermitTypeDefinition,
): Promise<PermitProblem[]> {
  const known = new Set(
    (await queryRows<{ code: string }>(tx, sql`SELECT DISTINCT code FROM permit_type_version`)).map(
      (r) => r.code,
    ),
  );
  known.add(definition.code);
  const problems = checkPermitDefinition(definition, known);
  const department = await queryOne<{ code: string }>(
    tx,
    sql`SELECT code FROM department WHERE code = ${definition.departmentCode}`,
  );
  if (!department) {
    problems.push({
      path: 'definition.departmentCode',
      code: 'unknown_department',
      messageZh: `部门 ${definition.departmentCode} 不存在`,
      messageEn: `No department ${definition.departmentCode}`,
    });
  }
  return problems.map((p) => ({
    ...p,
    path: p.path.startsWith('definition.') ? p.path : `definition.${p.path}`,
  }));
}

export function invalidPermitDefinition(problems: PermitProblem[]): DomainError {
  return new DomainError(
    'invalid_permit_definition',
    '事项定义有误，请检查标出的字段',
    'The permit definition is inconsistent; check the listed fields',
    { errors: problems },
  );
}
