import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { diffOf, recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { BATCH_COLUMNS, presentBatch } from './ingest-monitoring.js';
import { quotasOf, subjectInScope } from './queries.js';
import type { batchListQuerySchema, quotaInputSchema } from './schemas.js';
import { creditInScope, creditNotFound } from './scope.js';

/** Monitoring batches in scope, rejected ones with their errors (institutions: their own). */
export async function searchBatches(db: Executor, actor: Actor, q: z.infer<typeof batchListQuerySchema>) {
  const where: SQL[] = [creditInScope(actor, 'b')];
  if (q.establishmentId) where.push(sql`b.establishment_id = ${q.establishmentId}`);
  if (q.status) where.push(sql`b.status = ${q.status}`);
  const w = sql.join(where, sql` AND `);
  const rows = await queryRows<Parameters<typeof presentBatch>[0]>(
    db,
    sql`SELECT ${BATCH_COLUMNS} FROM monitoring_batch b WHERE ${w} ORDER BY b.received_at DESC, b.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM monitoring_batch b WHERE ${w}`,
  );
  return {
    items: rows.map((r) => presentBatch(r)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Replaces an establishment's seal-card quotas (the issuing health department; audited). */
export async function setQuotas(opts: {
  ctx: AppContext;
  actor: Actor;
  establishmentId: number;
  input: z.infer<typeof quotaInputSchema>;
}) {
  const { ctx, actor, establishmentId, input } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const s = await subjectInScope(tx, actor, { type: 'establishment', id: establishmentId });
    if (actor.kind !== 'staff') throw creditNotFound('establishment', establishmentId);
    const before = await quotasOf(tx, establishmentId);
    await tx.execute(sql`DELETE FROM narcotic_quota WHERE establishment_id = ${establishmentId}`);
    for (const q of input.quotas) {
      await tx.execute(sql`INSERT INTO narcotic_quota (establishment_id, drug, monthly_quantity, unit, source, region_code, set_at, set_by, set_by_name)
        VALUES (${establishmentId}, ${q.drug}, ${q.monthlyQuantity}, ${q.unit}, ${q.source}, ${s.regionCode}, ${at.toISOString()}, ${actor.userId}, ${actor.username})
        ON CONFLICT (establishment_id, drug) DO UPDATE SET monthly_quantity = EXCLUDED.monthly_quantity, unit = EXCLUDED.unit, source = EXCLUDED.source`);
    }
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'credit.quota.set',
        entityType: 'narcotic_quota',
        entityId: establishmentId,
        diff: diffOf(
          { quotas: before.items.map((i) => `${i.drug} ${i.monthlyQuantity}${i.unit}`) },
          { quotas: input.quotas.map((i) => `${i.drug} ${i.monthlyQuantity}${i.unit}`) },
        ),
      },
      at,
    );
    return quotasOf(tx, establishmentId);
  });
}
