import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_WORKFLOW,
  type ComplaintAction,
  complaintHandleDue,
  complaintReplyDue,
  DomainError,
  guardEnforcementTransition,
  routeComplaint,
} from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { assertVersion, COMPLAINT, enforcementRoles, fieldRefusal, legalToday } from './access.js';
import { addComplaintNote, type ComplaintRow, loadComplaint } from './complaint-record.js';
import { insertLead } from './leads.js';
import { policyInForce } from './policy.js';
import { competentUnit, departmentName } from './routing.js';

/** One action on a complaint; every action states the version it saw. */
export type ComplaintActionInput = { expectedVersion: number } & (
  | { action: 'accept'; publicNote?: string | undefined }
  | { action: 'refuse'; reasons: string }
  | { action: 'reroute'; departmentCode: string; reason: string }
  | { action: 'reclassify'; categoryCode: string; reason?: string | undefined }
  | { action: 'conclude'; substantiated: boolean; conclusion: string; publicNote: string }
  | { action: 'reply'; reply: string }
);

interface Result {
  set: Record<string, unknown>;
  publicNote: string | null;
  internalNote: string | null;
  details: Record<string, unknown>;
}

async function reroute(
  tx: Executor,
  c: ComplaintRow,
  departmentCode: string,
): Promise<{ set: Record<string, unknown>; unitName: string; deptName: string }> {
  const unit = await competentUnit(tx, departmentCode, c.region_code);
  return {
    set: { department_code: departmentCode, unit_id: unit.id, handler_user_id: null },
    unitName: unit.name,
    deptName: await departmentName(tx, departmentCode),
  };
}

async function perform(
  tx: Executor,
  actor: Actor,
  c: ComplaintRow,
  input: ComplaintActionInput,
  today: string,
  at: Date,
): Promise<Result> {
  const calendar = await loadCalendar(tx);
  const periods = (await policyInForce(tx, 'complaint_periods', today)).content;
  switch (input.action) {
    case 'accept': {
      const handleDue = complaintHandleDue(calendar, today, periods);
      const lead = await insertLead(tx, {
        source: 'complaint',
        sourceRef: String(c.id),
        complaintId: c.id,
        establishmentId: c.establishment_id === null ? null : Number(c.establishment_id),
        regionCode: c.region_code,
        departmentCode: c.department_code,
        unitId: c.unit_id,
        summary: `投诉举报 ${c.number}：${c.description.slice(0, 200)}`,
        details: {
          category: c.category,
          needsTriage: c.needs_triage,
          establishmentText: c.establishment_text,
        },
        receivedOn: today,
        at,
        createdBy: actor.userId,
      });
      return {
        set: { accepted_on: today, handle_due: handleDue, lead_id: lead.id, handler_user_id: actor.userId },
        publicNote: input.publicNote?.trim() || `已受理，正在核查处理，预计 ${handleDue} 前办结。`,
        internalNote: null,
        details: { handleDue, leadId: lead.id },
      };
    }
    case 'refuse':
      return {
        set: { concluded_on: today, handler_user_id: actor.userId },
        publicNote: `不予受理。理由：${input.reasons}`,
        internalNote: null,
        details: { reasons: input.reasons },
      };
    case 'reroute': {
      if (input.departmentCode === c.department_code) {
        throw fieldRefusal(
          'same_department',
          'departmentCode',
          '已由该部门办理',
          'It is already with that department',
        );
      }
      const r = await reroute(tx, c, input.departmentCode);
      return {
        set: r.set,
        publicNote: `按职责分工转由${r.unitName}办理。`,
        internalNote: `转办理由：${input.reason}`,
        details: { departmentCode: input.departmentCode, reason: input.reason },
      };
    }
    case 'reclassify': {
      if (!COMPLAINT_CATEGORIES.some((x) => x.code === input.categoryCode)) {
        throw fieldRefusal('unknown_category', 'categoryCode', '投诉举报类别无效', 'Unknown category');
      }
      const route = routeComplaint(input.categoryCode);
      const set: Record<string, unknown> = { category: input.categoryCode, category_source: 'staff' };
      let publicNote: string | null = null;
      if (route.departmentCode !== c.department_code) {
        const r = await reroute(tx, c, route.departmentCode);
        Object.assign(set, r.set);
        publicNote = `按职责分工转由${r.unitName}办理。`;
      }
      return {
        set,
        publicNote,
        internalNote: `类别更正为 ${input.categoryCode}${input.reason ? `：${input.reason}` : ''}`,
        details: { category: input.categoryCode, departmentCode: route.departmentCode },
      };
    }
    case 'conclude': {
      const replyDue = complaintReplyDue(calendar, today, periods);
      if (input.substantiated) {
        await emitEvent(
          tx,
          {
            type: 'enforcement.complaint.substantiated',
            aggregateType: 'complaint',
            aggregateId: c.id,
            payload: {
              complaintId: c.id,
              establishmentId: c.establishment_id === null ? null : Number(c.establishment_id),
              practitionerId: null,
              on: today,
            },
          },
          at,
        );
      }
      return {
        set: {
          concluded_on: today,
          reply_due: replyDue,
          substantiated: input.substantiated,
          conclusion: input.conclusion,
        },
        publicNote: input.publicNote,
        internalNote: input.conclusion,
        details: { substantiated: input.substantiated, replyDue },
      };
    }
    case 'reply':
      return { set: { replied_on: today }, publicNote: input.reply, internalNote: null, details: {} };
  }
}

export async function actOnComplaint(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: ComplaintActionInput;
}): Promise<void> {
  await opts.ctx.database.db.transaction((tx) =>
    actOnComplaintIn(tx, opts.ctx, opts.actor, opts.id, opts.input),
  );
}

/** The same inside a transaction the caller holds (the demo seed). */
export async function actOnComplaintIn(
  tx: Executor,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: ComplaintActionInput,
): Promise<void> {
  const at = ctx.now();
  const today = legalToday(ctx);
  {
    const c = await loadComplaint(tx, actor, id, true);
    const transition = guardEnforcementTransition(
      COMPLAINT_WORKFLOW,
      c.state,
      input.action as ComplaintAction,
      enforcementRoles(actor),
    );
    assertVersion(input.expectedVersion, c.version, COMPLAINT);
    if (input.action === 'conclude' && !input.publicNote.trim()) {
      throw new DomainError(
        'validation_failed',
        '请填写告知举报人的办理结果',
        'Write the result the reporters will see',
        {
          errors: [{ path: 'publicNote', code: 'required', messageZh: '请填写', messageEn: 'Required' }],
        },
      );
    }
    const r = await perform(tx, actor, c, input, today, at);
    const set: SQL[] = Object.entries({
      ...r.set,
      state: transition.next,
      version: c.version + 1,
      updated_at: at.toISOString(),
    }).map(([k, v]) => sql`${sql.identifier(k)} = ${v}`);
    await tx.execute(sql`UPDATE complaint SET ${sql.join(set, sql`, `)} WHERE id = ${id}`);
    const stateChanged = transition.next !== c.state;
    if (r.publicNote) {
      await addComplaintNote(tx, {
        complaintId: id,
        visibility: 'public',
        action: input.action,
        fromState: stateChanged ? c.state : null,
        toState: stateChanged ? transition.next : null,
        text: r.publicNote,
        onDate: today,
        at,
        actor,
      });
    }
    if (r.internalNote || (!r.publicNote && stateChanged)) {
      await addComplaintNote(tx, {
        complaintId: id,
        visibility: 'internal',
        action: input.action,
        fromState: c.state,
        toState: transition.next,
        text: r.internalNote ?? '',
        onDate: today,
        at,
        actor,
      });
    }
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: `enforcement.complaint.${input.action}`,
        entityType: 'complaint',
        entityId: id,
        diff: {
          state: [c.state, transition.next],
          version: [c.version, c.version + 1],
          ...Object.fromEntries(Object.entries(r.details).map(([k, v]) => [k, [null, v]])),
        },
      },
      at,
    );
  }
}

/** A note on a complaint outside any action: public (reporters see it) or internal. */
export async function noteComplaint(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  visibility: 'public' | 'internal';
  text: string;
}): Promise<void> {
  const { ctx, actor, id } = opts;
  const at = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const c = await loadComplaint(tx, actor, id, true);
    if (!enforcementRoles(actor).includes('handler')) {
      throw new DomainError('forbidden', '您无权办理投诉举报', 'You do not handle complaints');
    }
    await addComplaintNote(tx, {
      complaintId: id,
      visibility: opts.visibility,
      action: 'note',
      text: opts.text,
      onDate: legalToday(ctx),
      at,
      actor,
    });
    await tx.execute(
      sql`UPDATE complaint SET updated_at = ${at.toISOString()}, version = version + 1 WHERE id = ${id}`,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'enforcement.complaint.note',
        entityType: 'complaint',
        entityId: id,
        diff: { visibility: [null, opts.visibility], state: [c.state, c.state] },
      },
      at,
    );
  });
}
