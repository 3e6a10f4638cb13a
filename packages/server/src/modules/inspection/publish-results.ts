import { DomainError, ITEM_RESULT_NAMES, maskPersonName } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryRows } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { listDepartments } from '../identity/units/queries.js';
import { establishmentFactsOf } from '../registry/pool-queries.js';
import { loadCampaign } from './campaign-queries.js';
import { chinaDay, dateText } from './dates.js';
import { checklistOf, type InspectionRow, loadInspection } from './inspection-queries.js';
import type { publicationSchema } from './inspection-schemas.js';
import { inspectionInScope } from './scope.js';

type Publication = z.infer<typeof publicationSchema>;

const RECTIFICATION_NAMES: Record<string, string> = {
  open: '整改中',
  rectified: '已整改',
  not_rectified: '未按期整改',
};

/**
 * The text the portal shows for one result (一公开): establishment, date, items checked and their
 * results, the outcome and the rectification; officers by certificate number with masked names,
 * the legal representative masked. Notes stay internal.
 */
export async function publicationOf(
  tx: Executor,
  task: InspectionRow,
  publishedOn: string,
): Promise<Publication> {
  const e = (await establishmentFactsOf(tx, [Number(task.establishment_id)])).get(
    Number(task.establishment_id),
  );
  const checklist = await checklistOf(tx, task);
  const results = await queryRows<{
    item_code: string;
    result: 'compliant' | 'non_compliant' | 'not_applicable';
  }>(
    tx,
    sql`SELECT item_code, result FROM inspection_item_result WHERE inspection_id = ${task.id} ORDER BY position`,
  );
  const officers = await queryRows<{ certificate_no: string; name: string }>(
    tx,
    sql`SELECT x.certificate_no, x.name FROM inspection_officer o JOIN inspector x ON x.id = o.inspector_id
        WHERE o.inspection_id = ${task.id} ORDER BY x.certificate_no`,
  );
  const rect = await queryRows<{ deadline: string; status: string }>(
    tx,
    sql`SELECT deadline, status FROM rectification WHERE inspection_id = ${task.id}`,
  );
  const names = new Map((await listDepartments(tx)).map((d) => [d.code, d.nameZh]));
  return {
    campaignNo: task.campaign_no,
    campaignTitle: task.campaign_title,
    establishment: {
      name: e?.name ?? '',
      code: task.establishment_code,
      address: e?.address ?? '',
      legalRepresentative: e?.legalRepresentative ? maskPersonName(e.legalRepresentative) : null,
    },
    inspectedOn: dateText(task.inspected_on)!,
    departments: task.departments.map((d) => names.get(d) ?? d),
    outcome: task.outcome!,
    outcomeName: task.outcome === 'compliant' ? '未发现问题' : '发现问题',
    items: results.map((r) => ({
      code: r.item_code,
      what: checklist.find((c) => c.code === r.item_code)?.what ?? r.item_code,
      result: r.result,
      resultName: ITEM_RESULT_NAMES[r.result],
    })),
    rectification: rect[0]
      ? {
          deadline: dateText(rect[0].deadline)!,
          status: RECTIFICATION_NAMES[rect[0].status] ?? rect[0].status,
        }
      : null,
    officers: officers.map((o) => ({ certificateNo: o.certificate_no, name: maskPersonName(o.name) })),
    publishedOn,
  };
}

async function publish(tx: Executor, ctx: AppContext, actor: Actor, task: InspectionRow): Promise<void> {
  const at = ctx.now();
  const publication = await publicationOf(tx, task, chinaDay(at));
  await tx.execute(sql`UPDATE inspection SET published_at = ${at.toISOString()}, published_by = ${actor.userId},
    publication = ${JSON.stringify(publication)}::jsonb WHERE id = ${task.id}`);
  await recordAudit(
    tx,
    auditActorOf(actor),
    {
      action: 'inspection.result.publish',
      entityType: 'inspection',
      entityId: Number(task.id),
      diff: { publishedAt: [null, at.toISOString()] },
    },
    at,
  );
  await emitEvent(
    tx,
    {
      type: 'inspection.result.published',
      aggregateType: 'establishment',
      aggregateId: Number(task.establishment_id),
      payload: {
        inspectionId: Number(task.id),
        outcome: task.outcome,
        inspectedOn: dateText(task.inspected_on),
      },
    },
    at,
  );
}

/** Publishes one completed result (refused before completion, and twice). */
export async function publishResult(opts: { ctx: AppContext; actor: Actor; id: number }): Promise<void> {
  const { ctx, actor, id } = opts;
  await ctx.database.db.transaction(async (tx) => {
    const task = await loadInspection(tx, actor, id, true);
    if (task.status !== 'completed')
      throw new DomainError('invalid_transition', '检查尚未完成', 'The inspection is not completed');
    if (task.published_at !== null)
      throw new DomainError('conflict', '结果已公示', 'The result is already published');
    await publish(tx, ctx, actor, task);
  });
}

/** Publishes every completed, unpublished result of a campaign the actor may act on. */
export async function publishCampaignResults(opts: {
  ctx: AppContext;
  actor: Actor;
  campaignId: number;
}): Promise<number> {
  const { ctx, actor, campaignId } = opts;
  return ctx.database.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, actor, campaignId, true);
    const tasks = await queryRows<InspectionRow>(
      tx,
      sql`SELECT i.*, ${c.campaign_no} AS campaign_no, ${c.title} AS campaign_title, true AS in_scope FROM inspection i
          WHERE i.campaign_id = ${campaignId} AND i.status = 'completed' AND i.published_at IS NULL AND ${inspectionInScope(actor)}
          ORDER BY i.id FOR UPDATE OF i`,
    );
    for (const t of tasks) await publish(tx, ctx, actor, t);
    return tasks.length;
  });
}
