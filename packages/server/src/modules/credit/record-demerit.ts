import { type CreditSubjectType, DomainError, demeritCycle } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { type DemeritRow, recordDemeritIn, revokeDemeritIn } from './demerit-records.js';
import { sourceInFile } from './entries.js';
import { loadCreditPolicy } from './policy.js';
import { DEMERIT_COLUMNS, presentDemerit, subjectInScope, subjectVisible } from './queries.js';
import { recomputeSubjects } from './recompute.js';
import type { demeritSchema, recordDemeritSchema } from './schemas.js';
import { chinaDay, creditNotFound } from './scope.js';
import { resolveSubject } from './subjects.js';

const SOURCE_MODULE = { inspection: 'inspection', case: 'enforcement', complaint: 'enforcement' } as const;

/**
 * Staff record demerit points from a finding or a penalty: the behaviour must be in the catalogue
 * for the subject type (its points are the catalogue's), and the source record must already be in
 * the subject's credit file: points without a source record are refused.
 */
export async function recordDemerit(opts: {
  ctx: AppContext;
  actor: Actor;
  subject: { type: CreditSubjectType; id: number };
  input: z.infer<typeof recordDemeritSchema>;
}): Promise<z.infer<typeof demeritSchema>> {
  const { ctx, actor, subject, input } = opts;
  const at = ctx.now();
  const today = chinaDay(at);
  return ctx.database.db.transaction(async (tx) => {
    const s = await subjectInScope(tx, actor, subject);
    const { policy } = await loadCreditPolicy(tx);
    const behaviour = policy.demerits.behaviours.find(
      (b) => b.code === input.behaviourCode && b.subject === subject.type,
    );
    if (!behaviour) {
      throw new DomainError(
        'unknown_behaviour',
        `记分目录中没有适用于该对象的行为 ${input.behaviourCode}`,
        `No behaviour ${input.behaviourCode} for this subject in the catalogue`,
        {
          errors: [
            {
              path: 'behaviourCode',
              code: 'unknown_behaviour',
              messageZh: `behaviourCode：目录中没有 ${input.behaviourCode}`,
              messageEn: `behaviourCode: not in the catalogue`,
            },
          ],
        },
      );
    }
    if (input.occurredOn > today) {
      throw new DomainError(
        'date_in_future',
        '行为发生日期不能晚于今天',
        'The act cannot be dated in the future',
        {
          errors: [
            {
              path: 'occurredOn',
              code: 'date_in_future',
              messageZh: 'occurredOn：不能晚于今天',
              messageEn: 'occurredOn: in the future',
            },
          ],
        },
      );
    }
    const source = { module: SOURCE_MODULE[input.source.type], type: input.source.type, id: input.source.id };
    if (!(await sourceInFile(tx, subject, source))) {
      throw new DomainError(
        'source_not_found',
        `记分须有来源记录：该对象的信用档案中没有${input.source.type === 'inspection' ? '检查' : input.source.type === 'case' ? '案件' : '投诉'} ${input.source.id}`,
        `Points need a source record: ${input.source.type} ${input.source.id} is not in this subject's credit file`,
        {
          errors: [
            {
              path: 'source.id',
              code: 'source_not_found',
              messageZh: 'source.id：信用档案中没有该来源记录',
              messageEn: 'source.id: no such record in the credit file',
            },
          ],
        },
      );
    }
    const anchor = await queryOne<{ d: string | null }>(
      tx,
      sql`SELECT max(occurred_on)::text AS d FROM credit_entry WHERE subject_type = ${s.type} AND subject_id = ${s.id} AND kind = 'licence_granted' AND status = 'active'`,
    );
    const id = await recordDemeritIn(
      tx,
      {
        subject: s,
        behaviourCode: behaviour.code,
        points: behaviour.points,
        actZh: behaviour.actZh,
        actEn: behaviour.actEn,
        article: behaviour.article,
        occurredOn: input.occurredOn,
        cycle: demeritCycle(policy.demerits.cycle[s.type], input.occurredOn, {
          beds: s.establishment.beds,
          anchor: anchor?.d ?? null,
        }),
        source,
        note: input.note,
        by: { userId: actor.userId, name: actor.username },
        audit: auditActorOf(actor),
      },
      at,
    );
    await recomputeSubjects(tx, [subject], at);
    const row = await queryOne<Parameters<typeof presentDemerit>[0]>(
      tx,
      sql`SELECT ${DEMERIT_COLUMNS} FROM credit_demerit WHERE id = ${id}`,
    );
    return presentDemerit(row!, actor);
  });
}

export async function revokeDemerit(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  reason: string;
}): Promise<z.infer<typeof demeritSchema>> {
  const { ctx, actor, id, reason } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const d = await queryOne<DemeritRow>(
      tx,
      sql`SELECT id, subject_type, subject_id, establishment_id, region_code, points, act_zh, status, source_module, source_type, source_id
          FROM credit_demerit WHERE id = ${id} FOR UPDATE`,
    );
    const s = d ? await resolveSubject(tx, { type: d.subject_type, id: Number(d.subject_id) }) : undefined;
    if (!d || !s || !subjectVisible(actor, s) || actor.kind !== 'staff') throw creditNotFound('demerit', id);
    if (d.status !== 'active') {
      throw new DomainError('invalid_transition', '该记分已撤销', 'These points are already revoked', {
        allowedActions: [],
      });
    }
    await revokeDemeritIn(
      tx,
      d,
      reason,
      { userId: actor.userId, name: actor.username },
      auditActorOf(actor),
      s,
      chinaDay(at),
      at,
    );
    await recomputeSubjects(tx, [{ type: s.type, id: s.id }], at);
    const row = await queryOne<Parameters<typeof presentDemerit>[0]>(
      tx,
      sql`SELECT ${DEMERIT_COLUMNS} FROM credit_demerit WHERE id = ${id}`,
    );
    return presentDemerit(row!, actor);
  });
}
