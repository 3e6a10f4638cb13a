import { DomainError, type PermitTypeDefinition, REFORM_MODES, type ReformMode } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import type { Actor } from '../identity/actor.js';
import { inUnitScope } from '../identity/scope.js';
import { regionFilterPrefix } from '../registry/establishment-record.js';
import {
  APPLICATION_COLUMNS,
  APPLICATION_FROM,
  type ApplicationRow,
  clockStopsOf,
} from './application-record.js';
import { permitVersion } from './catalogue.js';
import { applicationClocks } from './clocks.js';

/**
 * 许可统计 per permit type and reform mode for a period and a region inside the actor's scope:
 * applications received and decided, decisions within the committed limit (the deadline record the
 * workflow stores, decide_on_time) and within the statutory limit (the same decision clock — working
 * days by the legal calendar, stops excluded — read against 法定时限), and commitments verified and
 * found false. The oversight module's yearly reform evaluation covers modes only; this is per type.
 */
export interface PermitReportRow {
  permitCode: string;
  permitNameZh: string;
  permitNameEn: string;
  mode: ReformMode;
  statutoryLimitDays: number | null;
  committedLimitDays: number | null;
  received: number;
  decided: number;
  granted: number;
  refused: number;
  timed: number;
  withinCommitted: number;
  withinStatutory: number;
  averageWorkingDays: number | null;
  verified: number;
  foundFalse: number;
  withdrawn: number;
}

export interface PermitReport {
  from: string;
  to: string;
  region: { code: string; name: string };
  rows: PermitReportRow[];
}

const DECIDED = ['filed', 'granted', 'refused', 'rejected'];

export async function reportRegion(db: Executor, actor: Actor, asked?: string) {
  if (!actor.unit || actor.regionPrefix === null) {
    throw new DomainError('forbidden', '许可统计仅对工作人员开放', 'Licensing figures are for staff');
  }
  const code = asked ?? actor.unit.regionCode;
  const prefix = regionFilterPrefix(code);
  if (!prefix.startsWith(actor.regionPrefix)) {
    throw new DomainError(
      'forbidden',
      `地区 ${code} 不在您的管辖范围（${actor.unit.regionName}）内`,
      `Region ${code} is outside your scope (${actor.unit.regionCode})`,
    );
  }
  const region = await queryOne<{ name: string }>(db, sql`SELECT name FROM region WHERE code = ${code}`);
  if (!region) throw new DomainError('not_found', `地区 ${code} 不存在`, `Region ${code} does not exist`);
  return { code, name: region.name, prefix };
}

export async function permitReport(
  db: Executor,
  actor: Actor,
  query: { from: string; to: string; regionCode?: string | undefined },
): Promise<PermitReport> {
  const { from, to } = query;
  if (from > to) {
    const messageZh = `统计期间有误：起始日 ${from} 晚于截止日 ${to}`;
    const messageEn = `Invalid period: ${from} is after ${to}`;
    throw new DomainError('invalid_period', messageZh, messageEn, {
      errors: [{ path: 'from', code: 'invalid_period', messageZh, messageEn }],
    });
  }
  const region = await reportRegion(db, actor, query.regionCode);
  const scope = (alias: string) =>
    sql`(${inUnitScope(actor, sql.raw(`${alias}.unit_region_code`), sql.raw(`${alias}.department_code`))} AND ${sql.raw(alias)}.establishment_region LIKE ${`${region.prefix}%`})`;
  const apps = await queryRows<ApplicationRow>(
    db,
    sql`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM}
        WHERE ${scope('a')} AND ((a.received_on BETWEEN ${from} AND ${to}) OR (a.decided_on BETWEEN ${from} AND ${to}))`,
  );
  // As the yearly evaluation counts them: tasks opened or closed in the period; verified = closed
  // in the period with a finding; found false = rectification ordered; withdrawn = failed.
  const tasks = await queryRows<{
    permit_code: string;
    permit_version: number;
    mode: ReformMode;
    state: string;
    ordered: boolean;
    closed_in_period: boolean;
  }>(
    db,
    sql`SELECT a.permit_code, a.permit_version, a.mode, t.state, (t.rectification_due IS NOT NULL) AS ordered,
          coalesce(t.closed_on BETWEEN ${from} AND ${to}, false) AS closed_in_period
        FROM licensing_task t JOIN licensing_application a ON a.id = t.application_id
        WHERE t.kind = 'commitment_verification' AND ${scope('a')}
          AND (t.created_at >= ${`${from}T00:00:00+08:00`} AND t.created_at <= ${`${to}T23:59:59+08:00`}
            OR t.closed_on BETWEEN ${from} AND ${to})`,
  );
  const calendar = await loadCalendar(db);
  const defs = new Map<string, PermitTypeDefinition>();
  const defOf = async (code: string, version: number) => {
    const key = `${code}@${version}`;
    if (!defs.has(key)) defs.set(key, (await permitVersion(db, code, version)).definition);
    return defs.get(key)!;
  };
  const rows = new Map<string, PermitReportRow & { days: number[] }>();
  const rowOf = async (code: string, version: number, mode: ReformMode) => {
    const key = `${code}|${mode}`;
    if (!rows.has(key)) {
      const d = await defOf(code, version);
      rows.set(key, {
        permitCode: code,
        permitNameZh: d.nameZh,
        permitNameEn: d.nameEn,
        mode,
        statutoryLimitDays: d.statutoryLimitDays,
        committedLimitDays: d.committedLimitDays,
        received: 0,
        decided: 0,
        granted: 0,
        refused: 0,
        timed: 0,
        withinCommitted: 0,
        withinStatutory: 0,
        averageWorkingDays: null,
        verified: 0,
        foundFalse: 0,
        withdrawn: 0,
        days: [],
      });
    }
    return rows.get(key)!;
  };
  for (const a of apps) {
    const r = await rowOf(a.permit_code, a.permit_version, a.mode);
    if (a.received_on && a.received_on >= from && a.received_on <= to) r.received += 1;
    if (!a.decided_on || a.decided_on < from || a.decided_on > to || !DECIDED.includes(a.state)) continue;
    r.decided += 1;
    if (a.state === 'filed' || a.state === 'granted') r.granted += 1;
    else r.refused += 1;
    if (a.mode === 'filing' || a.state === 'rejected') continue;
    const def = await defOf(a.permit_code, a.permit_version);
    const stops = await clockStopsOf(db, a.id);
    const decide = applicationClocks(calendar, a, def, stops, a.decided_on).decide;
    if (!decide) continue;
    r.timed += 1;
    r.days.push(decide.elapsed);
    if (a.decide_on_time ?? !decide.overdue) r.withinCommitted += 1;
    const statutory =
      def.statutoryLimitDays === null
        ? null
        : applicationClocks(
            calendar,
            a,
            { ...def, committedLimitDays: def.statutoryLimitDays },
            stops,
            a.decided_on,
          ).decide;
    if (!statutory?.overdue) r.withinStatutory += 1;
  }
  for (const t of tasks) {
    const r = await rowOf(t.permit_code, t.permit_version, t.mode);
    if (t.closed_in_period && (t.state === 'conforming' || t.state === 'failed')) r.verified += 1;
    if (t.ordered) r.foundFalse += 1;
    if (t.state === 'failed') r.withdrawn += 1;
  }
  const modeOrder = (m: ReformMode) => REFORM_MODES.indexOf(m);
  return {
    from,
    to,
    region: { code: region.code, name: region.name },
    rows: [...rows.values()]
      .map(({ days, ...r }) => ({
        ...r,
        averageWorkingDays: days.length
          ? Math.round((days.reduce((s, x) => s + x, 0) / days.length) * 10) / 10
          : null,
      }))
      .sort((a, b) => modeOrder(a.mode) - modeOrder(b.mode) || a.permitCode.localeCompare(b.permitCode)),
  };
}
