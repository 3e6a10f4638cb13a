import { DomainError, isPublicCode, normaliseSubject } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { unitAt } from '../identity/units/queries.js';
import { getRegion } from '../regions/queries.js';
import { searchEstablishments } from '../registry/queries.js';

/**
 * Where a matter goes: the department's unit over the region (county first, then city, then
 * province), and which establishment a report is about — looked up through the registry's own query
 * functions, scoped to the region the report names.
 */
export interface Unit {
  id: number;
  name: string;
  regionCode: string;
  departmentCode: string;
}

export async function competentUnit(db: Executor, departmentCode: string, regionCode: string): Promise<Unit> {
  const candidates = [regionCode.slice(0, 6), `${regionCode.slice(0, 4)}00`, `${regionCode.slice(0, 2)}0000`];
  for (const code of [...new Set(candidates)]) {
    const unit = await unitAt(db, departmentCode, code);
    if (unit) return { ...unit, id: Number(unit.id) };
  }
  throw new DomainError(
    'no_competent_unit',
    `本地区没有承办该事项的${departmentCode}部门单位（区划 ${regionCode}）`,
    `No unit of department ${departmentCode} covers region ${regionCode}`,
    { departmentCode, regionCode },
  );
}

export async function departmentName(db: Executor, code: string): Promise<string> {
  const r = await queryOne<{ name_zh: string }>(db, sql`SELECT name_zh FROM department WHERE code = ${code}`);
  return r?.name_zh ?? code;
}

/** A region a report may name: an existing code at county level or below. */
export async function assertReportRegion(
  db: Executor,
  regionCode: string,
  path = 'regionCode',
): Promise<void> {
  const region = await getRegion(db, regionCode);
  if (!region || region.level === 'province' || region.level === 'city') {
    throw new DomainError('invalid_region', '请选择区县或街道', 'Choose a county, district or street', {
      errors: [
        {
          path,
          code: 'invalid_region',
          messageZh: '区划须为区县或街道',
          messageEn: 'A county-level region or below',
        },
      ],
    });
  }
}

/** An actor that sees the registry of one region subtree: how routing reads the registry. */
function regionReader(prefix: string): Actor {
  return {
    userId: 0,
    username: 'system',
    displayName: 'system',
    kind: 'staff',
    unit: null,
    regionPrefix: prefix,
    establishmentId: null,
    roles: [],
    permissions: new Set(),
    secondFactorEnabled: false,
    mustChangePassword: false,
    sessionId: null,
    ip: null,
    requestId: null,
  };
}

export interface IdentifiedEstablishment {
  id: number;
  name: string;
  regionCode: string;
}

/**
 * The establishment a report names: by its public code (一码) or credit code anywhere in the
 * province, else by its exact name (ignoring spaces and punctuation) in the county; null when it
 * cannot be told for sure (the complaint is then flagged for triage).
 */
export async function identifyEstablishment(
  db: Executor,
  report: { code?: string | undefined; name?: string | undefined; regionCode: string },
): Promise<IdentifiedEstablishment | null> {
  const base = { page: 1, pageSize: 5, sort: 'name' as const, order: 'asc' as const };
  const code = report.code?.trim().toUpperCase();
  if (code && (isPublicCode(code) || /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code))) {
    const found = await searchEstablishments(db, regionReader(report.regionCode.slice(0, 2)), {
      ...base,
      code,
    });
    const exact = found.items.filter((e) => e.publicCode === code || e.uscc === code);
    if (exact.length === 1)
      return { id: exact[0]!.id, name: exact[0]!.name, regionCode: exact[0]!.regionCode };
  }
  const name = report.name?.trim();
  if (name && name.length >= 2) {
    const found = await searchEstablishments(db, regionReader(report.regionCode.slice(0, 6)), {
      ...base,
      q: name.slice(0, 100),
    });
    const wanted = normaliseSubject(name);
    const exact = found.items.filter((e) => normaliseSubject(e.name) === wanted);
    if (exact.length === 1)
      return { id: exact[0]!.id, name: exact[0]!.name, regionCode: exact[0]!.regionCode };
  }
  return null;
}
