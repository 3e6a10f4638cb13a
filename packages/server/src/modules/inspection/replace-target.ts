import { DomainError, type ReplacementReason, replaceTarget } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { emitEvent } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { loadCampaign } from './campaign-queries.js';
import { chinaDay, dateText } from './dates.js';
import { loadInspection } from './inspection-queries.js';
import { encodeRecord, loadRecord, loadSnapshot } from './record-store.js';
import { insertTasks } from './tasks.js';

/**
 * A drawn target found closed, deregistered or unreachable is replaced by the next key of its
 * stratum (docs/draw-algorithm.md §8); the replacement is appended to the draw record's log and
 * gets a task and a team by the draw's rule.
 */
export async function replaceInspectionTarget(opts: {
  ctx: AppContext;
  actor: Actor;
  inspectionId: number;
  input: { reason: ReplacementReason; on: string; note: string };
}): Promise<number | null> {
  const { ctx, actor, inspectionId, input } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const task = await loadInspection(tx, actor, inspectionId, true);
    if (task.task_kind !== 'random' || task.status !== 'assigned') {
      throw new DomainError(
        'invalid_transition',
        '只有未检查的抽中对象可以替换',
        'Only a drawn target not yet inspected can be replaced',
        { status: task.status },
      );
    }
    const c = await loadCampaign(tx, actor, Number(task.campaign_id), true);
    if (input.on > chinaDay(at) || input.on < chinaDay(new Date(c.drawn_at!))) {
      throw new DomainError(
        'invalid_date',
        '发现日期须在抽取之后、今天之前',
        'The day found must lie between the draw and today',
        {
          errors: [
            {
              path: 'on',
              code: 'invalid_date',
              messageZh: '日期须在抽取之后、今天之前',
              messageEn: 'between the draw and today',
            },
          ],
        },
      );
    }
    const record = replaceTarget(await loadRecord(tx, Number(c.id)), {
      replaced: task.establishment_code,
      reason: input.reason,
      on: input.on,
    });
    const entry = record.replacements[record.replacements.length - 1]!;
    await tx.execute(sql`UPDATE inspection SET status = 'replaced', replaced_reason = ${input.reason}, replaced_on = ${input.on},
      replaced_note = ${input.note} WHERE id = ${inspectionId}`);
    let newId: number | null = null;
    if (entry.replacement) {
      const stored = await loadSnapshot(tx, Number(c.id));
      const i = stored.snapshot.pool.findIndex((e) => e.code === entry.replacement);
      const rosterId = new Map(stored.snapshot.roster.map((r, j) => [r.certificateNo, stored.rosterIds[j]!]));
      const ids = await insertTasks(
        tx,
        [
          {
            campaignId: Number(c.id),
            establishmentId: stored.poolIds[i]!,
            code: entry.replacement,
            kind: stored.poolKinds[i]!,
            region: stored.snapshot.pool[i]!.region,
            departments: c.departments,
            taskKind: 'random',
            parentId: null,
            stratum: entry.stratum,
            key: entry.key,
            replacementSeq: entry.seq,
            understaffed: entry.understaffed,
            dueOn: dateText(c.period_end)!,
            team: entry.team.map((cert) => rosterId.get(cert)!),
          },
        ],
        at,
      );
      newId = ids[0]!;
    }
    const encoded = encodeRecord(record);
    await tx.execute(
      sql`UPDATE campaign_draw SET record_gz = ${encoded.gz}, record_sha256 = ${encoded.sha256} WHERE campaign_id = ${c.id}`,
    );
    const diff = {
      replaced: [null, entry.replaced],
      replacement: [null, entry.replacement],
      reason: [null, input.reason],
      on: [null, input.on],
      hash: [null, entry.hash],
    };
    await recordAudit(
      tx,
      auditActorOf(actor),
      { action: 'inspection.target.replace', entityType: 'campaign', entityId: Number(c.id), diff },
      at,
    );
    await emitEvent(
      tx,
      {
        type: 'inspection.target.replaced',
        aggregateType: 'campaign',
        aggregateId: Number(c.id),
        payload: {
          inspectionId,
          replacementInspectionId: newId,
          seq: entry.seq,
          replaced: entry.replaced,
          replacement: entry.replacement,
          reason: input.reason,
        },
      },
      at,
    );
    return newId;
  });
}
