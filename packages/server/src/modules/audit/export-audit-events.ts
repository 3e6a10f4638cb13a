import { DomainError } from '@weijian/domain';
import type { AppContext } from '../../http/context.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { countForExport } from './queries.js';
import { recordAudit } from './record-audit.js';
import type { AuditFilter } from './schemas.js';

/** An export holds at most this many rows; an auditor narrows the filters for more. */
export const MAX_EXPORT_ROWS = 100_000;

/**
 * Starts an export of the trail: counts the matching rows (refusing more than the bound rather than
 * cutting silently), and records that the trail was exported, by whom and with which filters.
 * Returns the id up to which the export reads, so the file holds exactly the counted rows.
 */
export async function startAuditExport({
  ctx,
  actor,
  filter,
  format,
  maxRows = MAX_EXPORT_ROWS,
}: {
  ctx: AppContext;
  actor: Actor;
  filter: AuditFilter;
  format: 'csv' | 'xlsx';
  maxRows?: number;
}): Promise<{ rows: number; upToId: number }> {
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const { rows, upToId } = await countForExport(tx, actor, filter);
    if (rows > maxRows) {
      throw new DomainError(
        'export_too_large',
        `符合条件的记录有 ${rows} 条，超过单次导出上限 ${maxRows} 条，请缩小时间范围或增加筛选条件。`,
        `${rows} rows match, more than the ${maxRows} an export may hold; narrow the dates or add filters.`,
        { rows, maxRows },
      );
    }
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'identity.audit.export',
        entityType: 'audit_event',
        entityId: null,
        diff: { format, rows, filter },
      },
      at,
    );
    return { rows, upToId };
  });
}
