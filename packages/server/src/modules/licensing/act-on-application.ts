import {
  type ApplicationAction,
  type ApplicationState,
  type Calendar,
  DEEMED_ACCEPTED_CITATION,
  DomainError,
  decisionPublicationDue,
  guardTransition,
  newApplicationPublicBy,
  type PermitTypeDefinition,
  WORKFLOWS,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { establishmentFacts } from '../registry/queries.js';
import { APPLICATION, assertVersion, legalToday, workflowRoles } from './access.js';
import {
  type ApplicationRow,
  clockStopsOf,
  loadApplication,
  recordApplicationEvent,
} from './application-record.js';
import { permitVersion } from './catalogue.js';
import { applicationClocks, storeDueDates } from './clocks.js';
import { changeLicense, endLicense, issueLicense, renewLicense } from './license-effects.js';
import { licenseById } from './license-record.js';
import { nextApplicationNumber } from './sequences.js';
import { checkSubmission } from './submission-checks.js';

/** One action on an application; every action states the version it saw (optimistic concurrency). */
export type ApplicationActionInput = { expectedVersion: number } & ApplicationActionBody;

export type ApplicationActionBody =
  | { action: 'sign_commitment'; conditionCodes: string[]; signerName: string }
  | { action: 'submit' | 'accept' | 'resubmit' | 'start_public_notice' }
  | { action: 'reject'; reasons: string }
  | { action: 'request_correction'; items: string[] }
  | {
      action: 'start_site_inspection' | 'start_expert_review' | 'end_excluded_period';
      note?: string | undefined;
    }
  | { action: 'end_public_notice'; objections?: string | undefined }
  | {
      action: 'grant';
      formalReviewPassed?: boolean | undefined;
      conditions?: string[] | undefined;
      scope?: string | undefined;
      decisionNo?: string | undefined;
      delayReason?: string | undefined;
    }
  | { action: 'refuse'; reasons: string; decisionNo?: string | undefined; delayReason?: string | undefined }
  | { action: 'withdraw'; reason?: string | undefined };

interface Step {
  tx: Executor;
  ctx: AppContext;
  actor: Actor;
  app: ApplicationRow;
  def: PermitTypeDefinition;
  today: string;
  at: Date;
  calendar: Calendar;
}

type Columns = Record<string, unknown>;
const JSON_COLUMNS = new Set(['commitment', 'correction_items']);

async function update(tx: Executor, id: number, set: Columns): Promise<void> {
  const entries = Object.entries(set);
  if (entries.length === 0) return;
  const parts = entries.map(([k, v]) =>
    JSON_COLUMNS.has(k)
      ? sql`${sql.identifier(k)} = ${v === null ? null : JSON.stringify(v)}::jsonb`
      : sql`${sql.identifier(k)} = ${v}`,
  );
  await tx.execute(sql`UPDATE licensing_application SET ${sql.join(parts, sql`, `)} WHERE id = ${id}`);
}

const refuse = (code: string, zh: string, en: string, details?: Record<string, unknown>): never => {
  throw new DomainError(code, zh, en, details);
};

/** A staff member decides only within their own department's unit scope (the joint window only sees). */
function assertOwnUnit(actor: Actor, app: ApplicationRow): void {
  const regionOk = actor.regionPrefix !== null && app.unit_region_code.startsWith(actor.regionPrefix);
  const deptOk =
    actor.permissions.has('identity.scope.all-departments') ||
    actor.unit?.departmentCode === app.department_code;
  if (!regionOk || !deptOk) {
    refuse(
      'forbidden',
      `该申请由${app.unit_name}审批，本单位作为受理窗口只能查看`,
      `This part is decided by ${app.unit_name}; the accepting window can only follow it`,
    );
  }
}

async function acceptClock(s: Step) {
  const stops = await clockStopsOf(s.tx, s.app.id);
  return applicationClocks(s.calendar, s.app, s.def, stops, s.today);
}

async function assertAcceptancePeriodOpen(s: Step): Promise<void> {
  const { accept } = await acceptClock(s);
  if (accept?.due && s.today > accept.due) {
    refuse(
      'acceptance_period_elapsed',
      `受理期限已过（${accept.due}）：逾期未告知补正的，自收到申请材料之日起即为受理，请受理后审查`,
      `The acceptance period ended on ${accept.due}: the application counts as accepted from receipt; accept it and review`,
      { acceptDue: accept.due, citation: DEEMED_ACCEPTED_CITATION },
    );
  }
}

async function assertDelayExplained(s: Step, delayReason: string | undefined): Promise<boolean> {
  const { decide } = await acceptClock(s);
  const late = Boolean(decide?.due && s.today > decide.due);
  if (late && !delayReason?.trim()) {
    refuse(
      'overdue_reason_required',
      `已超过办理时限（${decide!.due}），作出决定须说明超期原因`,
      `The limit ended on ${decide!.due}; a late decision must state why it is late`,
      {
        decideDue: decide!.due,
        errors: [
          {
            path: 'delayReason',
            code: 'required',
            messageZh: '请填写超期原因',
            messageEn: 'State the reason for the delay',
          },
        ],
      },
    );
  }
  return !late;
}

async function openStop(s: Step, kind: 'correction' | 'site_inspection' | 'expert_review') {
  await s.tx.execute(
    sql`INSERT INTO licensing_clock_stop (application_id, kind, from_on) VALUES (${s.app.id}, ${kind}, ${s.today})`,
  );
}

async function closeStops(s: Step, kinds: string[]) {
  await s.tx.execute(sql`UPDATE licensing_clock_stop SET to_on = ${s.today}
    WHERE application_id = ${s.app.id} AND to_on IS NULL AND kind IN (${sql.join(
      kinds.map((k) => sql`${k}`),
      sql`, `,
    )})`);
}

/** The effect of a positive decision (or a filing): issue, change, renew or deregister the licence. */
async function decideFavourably(
  s: Step,
  grant: { conditions?: string[] | undefined; scope?: string | undefined },
): Promise<Columns> {
  const base = { tx: s.tx, actor: s.actor, today: s.today, at: s.at };
  const { app, def } = s;
  if (app.purpose === 'new') {
    const conditions =
      app.mode === 'commitment' && app.commitment
        ? app.commitment.conditions.map((c) => c.textZh)
        : (grant.conditions ?? []);
    const license = await issueLicense({
      ...base,
      app,
      def,
      calendar: s.calendar,
      conditions,
      scope: grant.scope ?? app.form.scope ?? null,
    });
    return { license_id: license.id };
  }
  const license = await licenseById(s.tx, app.license_id!, true);
  if (license.status !== 'valid') {
    refuse('license_not_applicable', '许可证已失效', 'The licence is no longer valid', {
      licenseId: license.id,
    });
  }
  if (app.purpose === 'change') {
    const facts = await establishmentFacts(s.tx, app.establishment_id);
    await changeLicense({
      ...base,
      license,
      scope: grant.scope ?? app.form.scope ?? null,
      conditions: grant.conditions ?? null,
      establishmentName: facts?.name ?? license.establishment_name,
    });
  } else if (app.purpose === 'renewal') {
    await renewLicense({ ...base, license, years: def.validityYears ?? 1 });
  } else {
    await endLicense({
      ...base,
      license,
      status: 'deregistered',
      reason: `依申请注销（申请 ${app.number}）`,
      decisionNo: null,
    });
  }
  return {};
}

async function perform(
  s: Step,
  input: ApplicationActionInput,
): Promise<{ set: Columns; details: Record<string, unknown> }> {
  const { app, def, today } = s;
  switch (input.action) {
    case 'sign_commitment': {
      const expected = def.conditions.map((c) => c.code).sort();
      const given = [...new Set(input.conditionCodes)].sort();
      if (JSON.stringify(expected) !== JSON.stringify(given)) {
        refuse(
          'commitment_incomplete',
          '须逐项确认告知书列明的全部许可条件后方可签署承诺',
          'Every condition of the notification must be acknowledged before signing',
          { expected, given },
        );
      }
      const commitment = {
        conditions: def.conditions,
        signerName: input.signerName,
        signedOn: today,
        signedAt: s.at.toISOString(),
        signedBy: s.actor.userId,
      };
      return { set: { commitment }, details: { signerName: input.signerName, conditions: expected } };
    }
    case 'submit': {
      await checkSubmission(s.tx, app, def, today);
      const number = await nextApplicationNumber(s.tx, app.unit_region_code.slice(0, 6), today);
      const set: Columns = { number, received_on: today, last_received_on: today };
      const months = def.publication?.newApplicationWithinMonths;
      if (months) set.disclose_by = newApplicationPublicBy(s.calendar, today, months);
      if (app.mode === 'filing') {
        Object.assign(set, await decideFavourably(s, { scope: app.form.scope }), {
          decided_on: today,
          decide_on_time: true,
          publish_by: decisionPublicationDue(s.calendar, today),
        });
      }
      return { set, details: { number } };
    }
    case 'accept': {
      const { accept } = await acceptClock(s);
      const late = Boolean(accept?.due && today > accept.due);
      const receivedOn = app.last_received_on ?? app.received_on!;
      return {
        set: {
          accepted_on: late ? receivedOn : today,
          deemed_accepted: late,
          accept_on_time: !late,
          handler_user_id: s.actor.userId,
        },
        details: late ? { deemedAcceptedFrom: receivedOn, acceptDue: accept?.due } : {},
      };
    }
    case 'reject': {
      if (app.mode === 'approval') await assertAcceptancePeriodOpen(s);
      const { decide } = await acceptClock(s);
      const onTime = !(decide?.due && today > decide.due);
      return {
        set: {
          decided_on: today,
          decision_reasons: input.reasons,
          accept_on_time: app.mode === 'approval' ? true : null,
          decide_on_time: app.mode === 'commitment' ? onTime : null,
          handler_user_id: s.actor.userId,
        },
        details: { reasons: input.reasons },
      };
    }
    case 'request_correction': {
      if (app.correction_used) {
        refuse(
          'correction_already_requested',
          '补正应当一次性告知全部内容，本申请已告知过补正，不能再次要求补正',
          'Corrections are requested once, completely; this application has had its request',
        );
      }
      await assertAcceptancePeriodOpen(s);
      await openStop(s, 'correction');
      return {
        set: { correction_used: true, correction_items: input.items, handler_user_id: s.actor.userId },
        details: { items: input.items },
      };
    }
    case 'resubmit': {
      await checkSubmission(s.tx, app, def, today);
      await closeStops(s, ['correction']);
      return { set: { last_received_on: today }, details: {} };
    }
    case 'start_site_inspection':
    case 'start_expert_review': {
      const kind = input.action === 'start_site_inspection' ? 'site_inspection' : 'expert_review';
      if (kind === 'site_inspection' ? !def.siteInspection : !def.expertReview) {
        refuse(
          'not_applicable_to_permit',
          `“${def.nameZh}”不需要${kind === 'site_inspection' ? '现场审核' : '专家评审'}`,
          `"${def.nameEn}" has no ${kind === 'site_inspection' ? 'site inspection' : 'expert review'}`,
        );
      }
      await openStop(s, kind);
      return { set: {}, details: { kind, note: input.note ?? null } };
    }
    case 'end_excluded_period': {
      await closeStops(s, ['site_inspection', 'expert_review']);
      return { set: {}, details: { note: input.note ?? null } };
    }
    case 'start_public_notice': {
      if (!def.twoInOne)
        refuse('not_applicable_to_permit', '该事项不需要公示', 'This permit type has no public notice');
      if (app.public_notice_done)
        refuse('notice_already_done', '公示已经结束', 'The public notice has already run');
      const until = s.calendar.addWorkingDays(today, def.publicNoticeDays).date;
      return { set: { public_notice_from: today, public_notice_until: until }, details: { until } };
    }
    case 'end_public_notice': {
      if (app.public_notice_until && today <= app.public_notice_until) {
        refuse(
          'notice_running',
          `公示期至 ${app.public_notice_until}，期满后方可结束`,
          `The notice runs until ${app.public_notice_until}; it can be closed after that`,
          { until: app.public_notice_until },
        );
      }
      return { set: { public_notice_done: true }, details: { objections: input.objections ?? null } };
    }
    case 'grant': {
      if (app.mode === 'commitment' && input.formalReviewPassed !== true) {
        refuse(
          'formal_review_required',
          '告知承诺事项须确认形式审查合格后当场作出决定',
          'Confirm that the formal review passed (formalReviewPassed) to decide on the spot',
          {
            errors: [
              {
                path: 'formalReviewPassed',
                code: 'required',
                messageZh: '请确认形式审查合格',
                messageEn: 'Confirm the formal review',
              },
            ],
          },
        );
      }
      if (app.mode === 'approval' && app.purpose === 'new') {
        if (def.twoInOne && !app.public_notice_done) {
          refuse(
            'public_notice_required',
            '两证合一事项须公示期满后方可作出决定',
            'The public notice must have run before the decision',
          );
        }
        const stops = await clockStopsOf(s.tx, app.id);
        const done = (k: string) => stops.some((x) => x.kind === k && x.to !== null);
        if (def.siteInspection && !done('site_inspection'))
          refuse(
            'site_inspection_required',
            '该事项须完成现场审核后方可准予许可',
            'A site inspection must be completed before granting',
          );
        if (def.expertReview && !done('expert_review'))
          refuse(
            'expert_review_required',
            '该事项须完成专家评审后方可准予许可',
            'An expert review must be completed before granting',
          );
      }
      const onTime = await assertDelayExplained(s, input.delayReason);
      const effect = await decideFavourably(s, input);
      return {
        set: {
          ...effect,
          decided_on: today,
          decide_on_time: onTime,
          decision_no: input.decisionNo ?? null,
          delay_reason: input.delayReason ?? null,
          publish_by: decisionPublicationDue(s.calendar, today),
          handler_user_id: app.handler_user_id ?? s.actor.userId,
        },
        details: { decisionNo: input.decisionNo ?? null, delayReason: input.delayReason ?? null },
      };
    }
    case 'refuse': {
      const onTime = await assertDelayExplained(s, input.delayReason);
      return {
        set: {
          decided_on: today,
          decide_on_time: onTime,
          decision_reasons: input.reasons,
          decision_no: input.decisionNo ?? null,
          delay_reason: input.delayReason ?? null,
          handler_user_id: app.handler_user_id ?? s.actor.userId,
        },
        details: { reasons: input.reasons, decisionNo: input.decisionNo ?? null },
      };
    }
    case 'withdraw': {
      await closeStops(s, ['correction', 'site_inspection', 'expert_review']);
      return { set: {}, details: { reason: input.reason ?? null } };
    }
  }
}

const DECISIONS = new Set<ApplicationState>(['filed', 'granted', 'refused', 'rejected']);

/** Guards and performs one action on an application, with its timeline entry, audit row and events. */
export async function actOnApplicationIn(
  tx: Executor,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: ApplicationActionInput,
): Promise<void> {
  const at = ctx.now();
  const today = legalToday(ctx);
  const app = await loadApplication(tx, actor, id, { forUpdate: true });
  assertVersion(input.expectedVersion, app.version, APPLICATION);
  const def = (await permitVersion(tx, app.permit_code, app.permit_version)).definition;
  const transition = guardTransition(
    WORKFLOWS[app.mode],
    app.state,
    input.action as ApplicationAction,
    workflowRoles(actor, app.establishment_id),
  );
  if (!transition.roles.includes('applicant')) assertOwnUnit(actor, app);
  const calendar = await loadCalendar(tx);
  const step: Step = { tx, ctx, actor, app, def, today, at, calendar };
  const { set, details } = await perform(step, input);
  await update(tx, id, {
    ...set,
    state: transition.to,
    version: app.version + 1,
    updated_at: at.toISOString(),
    updated_by: actor.userId,
  });
  await recordApplicationEvent(tx, {
    applicationId: id,
    action: input.action,
    fromState: app.state,
    toState: transition.to,
    onDate: today,
    at,
    actor,
    details,
  });
  const fresh = await loadApplication(tx, actor, id);
  await storeDueDates(tx, id, applicationClocks(calendar, fresh, def, await clockStopsOf(tx, id), today));
  await recordAudit(
    tx,
    auditActorOf(actor),
    {
      action: `licensing.application.${input.action}`,
      entityType: 'licensing_application',
      entityId: id,
      diff: { state: [app.state, transition.to], version: [app.version, app.version + 1], ...wrap(details) },
    },
    at,
  );
  if (input.action === 'submit') {
    await emitEvent(
      tx,
      {
        type: 'licensing.application.received',
        aggregateType: 'licensing_application',
        aggregateId: id,
        payload: {
          establishmentId: app.establishment_id,
          permitCode: app.permit_code,
          receivedOn: today,
          discloseBy: fresh.disclose_by,
        },
      },
      at,
    );
  }
  if (DECISIONS.has(transition.to)) {
    await emitEvent(
      tx,
      {
        type: 'licensing.application.decided',
        aggregateType: 'licensing_application',
        aggregateId: id,
        payload: {
          establishmentId: app.establishment_id,
          permitCode: app.permit_code,
          purpose: app.purpose,
          decision: transition.to,
          decidedOn: today,
          publishBy: fresh.publish_by,
          licenseId: fresh.license_id,
        },
      },
      at,
    );
  }
}

const wrap = (details: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(details).map(([k, v]) => [k, [null, v]]));

export async function actOnApplication(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: ApplicationActionInput;
}): Promise<void> {
  await opts.ctx.database.db.transaction((tx) =>
    actOnApplicationIn(tx, opts.ctx, opts.actor, opts.id, opts.input),
  );
}
