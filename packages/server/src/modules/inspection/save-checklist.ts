import {
  type ChecklistItem,
  DomainError,
  ESTABLISHMENT_KINDS,
  type EstablishmentKind,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { checkDepartments, conflict } from '../registry/guide-rules.js';

/** Saves a department's checklist for a kind as a new version (administrators; audited). */
export async function saveChecklist(opts: {
  ctx: AppContext;
  actor: Actor;
  input: {
    kind: EstablishmentKind;
    departmentCode: string;
    title: string;
    items: ChecklistItem[];
    note: string;
    expectedVersion?: number | undefined;
  };
}): Promise<number> {
  const { ctx, actor, input } = opts;
  const at = ctx.now();
  if (!ESTABLISHMENT_KINDS.includes(input.kind))
    throw new DomainError('unknown_kind', '未知的监管对象类型', 'Unknown kind');
  const codes = input.items.map((i) => i.code);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) {
    throw new DomainError('duplicate_item', `检查项代码重复：${dup}`, `Duplicate item code: ${dup}`, {
      errors: [
        {
          path: 'items',
          code: 'duplicate_item',
          messageZh: `检查项代码重复：${dup}`,
          messageEn: `Duplicate item code: ${dup}`,
        },
      ],
    });
  }
  return ctx.database.db.transaction(async (tx) => {
    await checkDepartments(tx, [input.departmentCode]);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(72020)`);
    const cur = await queryOne<{ v: number }>(
      tx,
      sql`SELECT coalesce(max(version), 0)::int AS v FROM checklist WHERE kind = ${input.kind} AND department_code = ${input.departmentCode}`,
    );
    if (input.expectedVersion !== undefined && input.expectedVersion !== cur!.v) throw conflict(cur!.v);
    const version = cur!.v + 1;
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO checklist (kind, department_code, version, title, items, note, created_at, created_by, created_by_name)
          VALUES (${input.kind}, ${input.departmentCode}, ${version}, ${input.title}, ${JSON.stringify(input.items)}::jsonb,
            ${input.note}, ${at.toISOString()}, ${actor.userId}, ${actor.username}) RETURNING id`,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'inspection.checklist.save',
        entityType: 'checklist',
        entityId: row!.id,
        diff: {
          kind: [null, input.kind],
          departmentCode: [null, input.departmentCode],
          version: [cur!.v, version],
        },
      },
      at,
    );
    return Number(row!.id);
  });
}
