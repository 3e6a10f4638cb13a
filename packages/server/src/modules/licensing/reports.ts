import {
  DOUBLE_PUBLICITY_CITATION,
  EVALUATION_REPORT_CITATION,
  evaluationReportDue,
  REFORM_MODES,
  type ReformMode,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryRows } from '../../db/database.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import type { Actor } from '../identity/actor.js';
import { inUnitScope } from '../identity/scope.js';
import {
  APPLICATION_COLUMNS,
  APPLICATION_FROM,
  type ApplicationRow,
  clockStopsOf,
} from './application-record.js';
import { permitVersion } from './catalogue.js';
import { applicationClocks } from './clocks.js';
import type { annualReportSchema, onTimeReportSchema, publicationDueSchema } from './schemas/reports.js';

/** Supervisors' figures: on-time rates per permit type and unit, and the yearly evaluation (seed 000). */
const scope = (actor: Actor, alias: string) =>
  inUnitScope(actor, sql.raw(`${alias}.unit_region_code`), sql.raw(`${alias}.department_code`));

export async function onTimeReport(
  db: Executor,
  actor: Actor,
  from: string,
  to: string,
  today: string,
): Promise<z.infer<typeof onTimeReportSchema>> {
  const rows = await queryRows<{
    permit_code: string;
    permit_name: string;
    unit_id: number;
    unit_name: string;
    decided: number;
    decided_on_time: number;
    accepted: number;
    accepted_on_time: number;
    open: number;
    open_overdue: number;
  }>(
    db,
    sql`SELECT a.permit_code, max(p.name_zh) AS permit_name, a.unit_id, un.name AS unit_name,
          count(*) FILTER (WHERE a.decided_on BETWEEN ${from} AND ${to} AND a.decide_on_time IS NOT NULL)::int AS decided,
          count(*) FILTER (WHERE a.decided_on BETWEEN ${from} AND ${to} AND a.decide_on_time)::int AS decided_on_time,
          count(*) FILTER (WHERE a.accepted_on BETWEEN ${from} AND ${to} AND a.accept_on_time IS NOT NULL)::int AS accepted,
          count(*) FILTER (WHERE a.accepted_on BETWEEN ${from} AND ${to} AND a.accept_on_time)::int AS accepted_on_time,
          count(*) FILTER (WHERE a.state IN ('submitted', 'under_review', 'public_notice', 'excluded_period'))::int AS open,
          count(*) FILTER (WHERE (a.state = 'submitted' AND a.mode = 'approval' AND a.accept_due < ${today})
            OR (a.state IN ('under_review', 'public_notice') AND a.decide_due < ${today})
            OR (a.state = 'submitted' AND a.mode = 'commitment' AND a.decide_due < ${today}))::int AS open_overdue
        FROM licensing_application a JOIN unit un ON un.id = a.unit_id
          JOIN permit_type_version p ON p.code = a.permit_code AND p.version = a.permit_version
        WHERE ${scope(actor, 'a')}
        GROUP BY a.permit_code, a.unit_id, un.name
        ORDER BY a.permit_code, un.name`,
  );
  return {
    from,
    to,
    rows: rows
      .filter((r) => r.decided + r.accepted + r.open > 0)
      .map((r) => ({
        permitCode: r.permit_code,
        permitNameZh: r.permit_name,
        unitId: r.unit_id,
        unitName: r.unit_name,
        decided: r.decided,
        decidedOnTime: r.decided_on_time,
        onTimeRate: r.decided ? r.decided_on_time / r.decided : null,
        accepted: r.accepted,
        acceptedOnTime: r.accepted_on_time,
        open: r.open,
        openOverdue: r.open_overdue,
      })),
  };
}

export async function annualReport(
  db: Executor,
  actor: Actor,
  year: number,
): Promise<z.infer<typeof annualReportSchema>> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const calendar = await loadCalendar(db);
  const apps = await queryRows<ApplicationRow>(
    db,
    sql`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM}
        WHERE ${scope(actor, 'a')} AND ((a.received_on BETWEEN ${from} AND ${to}) OR (a.decided_on BETWEEN ${from} AND ${to}))`,
  );
  const byMode = new Map<
    ReformMode,
    {
      received: number;
      decided: number;
      granted: number;
      refused: number;
      onTime: number;
      days: number[];
      limits: number[];
    }
  >(
    REFORM_MODES.map((m) => [
      m,
      { received: 0, decided: 0, granted: 0, refused: 0, onTime: 0, days: [], limits: [] },
    ]),
  );
  for (const a of apps) {
    const m = byMode.get(a.mode)!;
    if (a.received_on && a.received_on >= from && a.received_on <= to) m.received += 1;
    if (!a.decided_on || a.decided_on < from || a.decided_on > to) continue;
    if (!['filed', 'granted', 'refused', 'rejected'].includes(a.state)) continue;
    m.decided += 1;
    if (a.state === 'filed' || a.state === 'granted') m.granted += 1;
    else m.refused += 1;
    if (a.decide_on_time !== false) m.onTime += 1;
    if (a.mode !== 'filing' && (a.state === 'granted' || a.state === 'refused')) {
      const def = (await permitVersion(db, a.permit_code, a.permit_version)).definition;
      const decide = applicationClocks(calendar, a, def, await clockStopsOf(db, a.id), a.decided_on).decide;
      if (decide) {
        m.days.push(decide.elapsed);
        m.limits.push(decide.limit);
      }
    }
  }
  const avg = (xs: number[]) =>
    xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10 : null;
  const tasks = await queryRows<{ kind: string; state: string; ordered: boolean; closed_in_year: boolean }>(
    db,
    sql`SELECT t.kind, t.state, (t.rectification_due IS NOT NULL) AS ordered,
          (t.closed_on BETWEEN ${from} AND ${to}) AS closed_in_year
        FROM licensing_task t WHERE ${scope(actor, 't')}
          AND (t.created_at >= ${`${from}T00:00:00+08:00`} AND t.created_at <= ${`${to}T23:59:59+08:00`} OR t.closed_on BETWEEN ${from} AND ${to})`,
  );
  const count = (kind: string, f: (t: (typeof tasks)[number]) => boolean) =>
    tasks.filter((t) => t.kind === kind && f(t)).length;
  const commitment = 'commitment_verification';
  const filing = 'post_filing_check';
  return {
    year,
    dueBy: evaluationReportDue(year),
    citation: EVALUATION_REPORT_CITATION,
    byMode: REFORM_MODES.filter((m) => m !== 'abolished').map((mode) => {
      const m = byMode.get(mode)!;
      return {
        mode,
        received: m.received,
        decided: m.decided,
        granted: m.granted,
        refused: m.refused,
        onTime: m.onTime,
        averageWorkingDays: avg(m.days),
        averageLimitDays: avg(m.limits),
      };
    }),
    commitments: {
      granted: byMode.get('commitment')!.granted,
      verified: count(
        commitment,
        (t) => t.closed_in_year && (t.state === 'conforming' || t.state === 'failed'),
      ),
      foundFalse: count(commitment, (t) => t.ordered),
      withdrawn: count(commitment, (t) => t.state === 'failed'),
      verificationOpen: count(commitment, (t) => t.state === 'open' || t.state === 'rectifying'),
    },
    filings: {
      filed: byMode.get('filing')!.granted,
      checked: count(filing, (t) => t.closed_in_year),
      foundUntrue: count(filing, (t) => t.ordered),
    },
  };
}

/** 双公示: decisions in scope and the day each must be public by, for the disclosure module and the console. */
export async function publicationSchedule(
  db: Executor,
  actor: Actor,
  from: string,
  to: string,
): Promise<z.infer<typeof publicationDueSchema>> {
  const rows = await queryRows<{
    id: number;
    license_id: number | null;
    number: string | null;
    permit_name: string;
    establishment_name: string;
    state: string;
    decided_on: string;
    publish_by: string;
  }>(
    db,
    sql`SELECT a.id, a.license_id, l.number, p.name_zh AS permit_name, a.establishment_name, a.state,
          a.decided_on::text AS decided_on, a.publish_by::text AS publish_by
        FROM licensing_application a JOIN permit_type_version p ON p.code = a.permit_code AND p.version = a.permit_version
          LEFT JOIN licensing_license l ON l.id = a.license_id
        WHERE ${scope(actor, 'a')} AND a.publish_by IS NOT NULL AND a.decided_on BETWEEN ${from} AND ${to}
        ORDER BY a.publish_by, a.id LIMIT 1000`,
  );
  return {
    items: rows.map((r) => ({
      applicationId: r.id,
      licenseId: r.license_id,
      licenseNumber: r.number,
      permitNameZh: r.permit_name,
      establishmentName: r.establishment_name,
      decision: r.state,
      decidedOn: r.decided_on,
      publishBy: r.publish_by,
    })),
    citation: DOUBLE_PUBLICITY_CITATION,
  };
}
