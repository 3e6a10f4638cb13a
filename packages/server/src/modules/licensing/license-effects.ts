import {
  addDays,
  addYears,
  type Calendar,
  nextRevalidation,
  type PermitTypeDefinition,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { unitAt } from '../identity/units/queries.js';
import { establishmentFacts } from '../registry/queries.js';
import type { ApplicationRow } from './application-record.js';
import { emitLicenseEvent, type LicenseRow, licenseById, recordLicenseEvent } from './license-record.js';
import { nextLicenseNumber } from './sequences.js';

/**
 * What a decision does to licences: issue one (with its revalidation schedule and the verification
 * task of a commitment or filing), change or renew one, or end one (注销, 撤销, 吊销). Each writes the
 * licence's history and tells the other modules through a `licensing.license.*` event.
 */
interface Effect {
  tx: Executor;
  actor: Actor | null;
  today: string;
  at: Date;
}

const auditOf = (actor: Actor | null) =>
  actor
    ? auditActorOf(actor)
    : { userId: null, name: 'system', roles: [], unitId: null, ip: null, requestId: null };

export async function issueLicense(
  e: Effect & {
    app: ApplicationRow;
    def: PermitTypeDefinition;
    calendar: Calendar;
    conditions: string[];
    scope: string | null;
  },
): Promise<LicenseRow> {
  const { tx, app, def, today, at } = e;
  const number = await nextLicenseNumber(tx, def.numberPrefix, app.unit_region_code.slice(0, 6), today);
  const validTo = def.validityYears ? addDays(addYears(today, def.validityYears), -1) : null;
  const row = await queryOne<{ id: number }>(
    tx,
    sql`INSERT INTO licensing_license (number, permit_code, permit_version, license_name_zh, establishment_id, establishment_name,
          establishment_region, application_id, unit_id, unit_name, unit_region_code, department_code, status, issued_on,
          valid_from, valid_to, scope_text, conditions, created_at, updated_at)
        VALUES (${number}, ${app.permit_code}, ${app.permit_version}, ${def.licenseNameZh}, ${app.establishment_id},
          ${app.establishment_name}, ${app.establishment_region}, ${app.id}, ${app.unit_id}, ${app.unit_name},
          ${app.unit_region_code}, ${app.department_code}, 'valid', ${today}, ${today}, ${validTo}, ${e.scope},
          ${JSON.stringify(e.conditions)}::jsonb, ${at.toISOString()}, ${at.toISOString()})
        RETURNING id`,
  );
  const license = await licenseById(tx, row!.id);
  await recordLicenseEvent(tx, {
    licenseId: license.id,
    action: 'issue',
    onDate: today,
    at,
    actor: e.actor,
    diff: { number: [null, number], validTo: [null, validTo], applicationId: [null, app.id] },
  });
  await recordAudit(
    tx,
    auditOf(e.actor),
    {
      action: 'licensing.license.issue',
      entityType: 'license',
      entityId: license.id,
      diff: {
        number: [null, number],
        permitCode: [null, app.permit_code],
        establishmentId: [null, app.establishment_id],
      },
    },
    at,
  );
  await emitLicenseEvent(tx, 'licensing.license.issued', license, at);
  if (def.revalidation) {
    const facts = await establishmentFacts(tx, app.establishment_id);
    await scheduleRevalidation(tx, license, def, app.form.beds ?? facts?.beds ?? null, today, at);
  }
  if ((app.mode === 'commitment' || app.mode === 'filing') && def.verificationDays !== null) {
    const supervision = await unitAt(tx, 'supervision', app.unit_region_code);
    const unit = supervision ?? {
      id: app.unit_id,
      regionCode: app.unit_region_code,
      departmentCode: app.department_code,
    };
    const due = e.calendar.addWorkingDays(today, def.verificationDays).date;
    await tx.execute(sql`INSERT INTO licensing_task (kind, application_id, license_id, establishment_id, establishment_name,
        unit_id, unit_region_code, department_code, state, due_on, created_at, updated_at)
      VALUES (${app.mode === 'commitment' ? 'commitment_verification' : 'post_filing_check'}, ${app.id}, ${license.id},
        ${app.establishment_id}, ${app.establishment_name}, ${unit.id}, ${unit.regionCode}, ${unit.departmentCode}, 'open',
        ${due}, ${at.toISOString()}, ${at.toISOString()})`);
  }
  return license;
}

/** Schedules the next revalidation of a licence from `from` (its issue or the last revalidation's due date). */
export async function scheduleRevalidation(
  tx: Executor,
  license: LicenseRow,
  def: PermitTypeDefinition,
  beds: number | null,
  from: string,
  at: Date,
): Promise<void> {
  if (!def.revalidation) return;
  const next = nextRevalidation(def.revalidation, beds, from);
  await tx.execute(sql`INSERT INTO licensing_revalidation (license_id, cycle_years, due_on, notice_on, state, unit_id,
      unit_region_code, department_code, created_at, updated_at)
    VALUES (${license.id}, ${next.cycleYears}, ${next.dueOn}, ${next.noticeOn}, 'scheduled', ${license.unit_id},
      ${license.unit_region_code}, ${license.department_code}, ${at.toISOString()}, ${at.toISOString()})`);
}

/** 变更: the scope and conditions of a licence change; the number and term stay. */
export async function changeLicense(
  e: Effect & {
    license: LicenseRow;
    scope: string | null;
    conditions: string[] | null;
    establishmentName: string;
  },
): Promise<LicenseRow> {
  const { tx, license, at } = e;
  const scope = e.scope ?? license.scope_text;
  const conditions = e.conditions ?? license.conditions;
  await tx.execute(sql`UPDATE licensing_license SET scope_text = ${scope}, conditions = ${JSON.stringify(conditions)}::jsonb,
    establishment_name = ${e.establishmentName}, version = version + 1, updated_at = ${at.toISOString()} WHERE id = ${license.id}`);
  const changed = await licenseById(tx, license.id);
  await recordLicenseEvent(tx, {
    licenseId: license.id,
    action: 'change',
    onDate: e.today,
    at,
    actor: e.actor,
    diff: {
      scope: [license.scope_text, scope],
      conditions: [license.conditions, conditions],
      establishmentName: [license.establishment_name, e.establishmentName],
    },
  });
  await emitLicenseEvent(tx, 'licensing.license.changed', changed, at);
  return changed;
}

/** 延续: the term runs on for another validity period from the day after the old term ends. */
export async function renewLicense(e: Effect & { license: LicenseRow; years: number }): Promise<LicenseRow> {
  const { tx, license, at } = e;
  const oldTo = license.valid_to!;
  const newTo = addDays(addYears(addDays(oldTo, 1), e.years), -1);
  await tx.execute(sql`UPDATE licensing_license SET valid_to = ${newTo}, version = version + 1, updated_at = ${at.toISOString()}
    WHERE id = ${license.id}`);
  const renewed = await licenseById(tx, license.id);
  await recordLicenseEvent(tx, {
    licenseId: license.id,
    action: 'renew',
    onDate: e.today,
    at,
    actor: e.actor,
    diff: { validTo: [oldTo, newTo] },
  });
  await emitLicenseEvent(tx, 'licensing.license.changed', renewed, at);
  return renewed;
}

/** Ends a licence: deregistered (注销), withdrawn (撤销) or revoked (吊销). */
export async function endLicense(
  e: Effect & {
    license: LicenseRow;
    status: 'deregistered' | 'withdrawn' | 'revoked';
    reason: string;
    decisionNo: string | null;
  },
): Promise<LicenseRow> {
  const { tx, license, at } = e;
  await tx.execute(sql`UPDATE licensing_license SET status = ${e.status}, status_changed_on = ${e.today},
    status_reason = ${e.reason}, status_decision_no = ${e.decisionNo}, version = version + 1, updated_at = ${at.toISOString()}
    WHERE id = ${license.id}`);
  const ended = await licenseById(tx, license.id);
  const action =
    e.status === 'deregistered' ? 'deregister' : e.status === 'withdrawn' ? 'withdraw' : 'revoke';
  await recordLicenseEvent(tx, {
    licenseId: license.id,
    action,
    onDate: e.today,
    at,
    actor: e.actor,
    diff: { status: [license.status, e.status], reason: [null, e.reason], decisionNo: [null, e.decisionNo] },
  });
  await recordAudit(
    tx,
    auditOf(e.actor),
    {
      action: `licensing.license.${action}`,
      entityType: 'license',
      entityId: license.id,
      diff: { status: [license.status, e.status] },
    },
    at,
  );
  await emitLicenseEvent(tx, 'licensing.license.status-changed', ended, at, { reason: e.reason });
  return ended;
}
