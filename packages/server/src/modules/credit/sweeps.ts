import { uploadGap, warningRule } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import type { Actor } from '../identity/actor.js';
import { supervisedEstablishmentIds } from '../registry/supervision-facts.js';
import { loadCreditPolicy } from './policy.js';
import { raiseAlert } from './raise-alert.js';
import { type RecomputeResult, recomputeSubjects } from './recompute.js';
import { chinaDay } from './scope.js';
import { resolveSubjects } from './subjects.js';

/**
 * Sweeps that time drives (run by staff from the console, or by a scheduled job with no actor):
 * the warning rules that fire on the absence of something (no upload for N days, a revalidation
 * past due), and a full recompute (decay moves scores with time; a new rule version applies).
 */
export async function scanWarnings(opts: { ctx: AppContext; actor: Actor | null }): Promise<number> {
  const { ctx, actor } = opts;
  const at = ctx.now();
  const today = chinaDay(at);
  return ctx.database.db.transaction(async (tx) => {
    const { policy, versions } = await loadCreditPolicy(tx);
    const calendar = await loadCalendar(tx);
    const inScope = (region: string) =>
      actor === null || (actor.regionPrefix !== null && region.startsWith(actor.regionPrefix));
    let raised = 0;

    const upload = warningRule(policy.warnings, 'upload_missing');
    if (upload) {
      const last = await queryRows<{ establishment_id: number; last_on: string }>(
        tx,
        sql`SELECT establishment_id, max(received_at)::date::text AS last_on FROM monitoring_batch
            WHERE status = 'accepted' AND establishment_id IS NOT NULL GROUP BY establishment_id
          UNION ALL
            SELECT p.subject_id, p.created_at::date::text FROM credit_profile p
            WHERE p.subject_type = 'establishment' AND 'remote_monitoring' = ANY(p.flags)
              AND NOT EXISTS (SELECT 1 FROM monitoring_batch b WHERE b.establishment_id = p.subject_id AND b.status = 'accepted')`,
      );
      const subjects = await resolveSubjects(
        tx,
        last.map((l) => ({ type: 'establishment' as const, id: Number(l.establishment_id) })),
      );
      for (const l of last) {
        const s = subjects.get(`establishment:${Number(l.establishment_id)}`);
        const gap = uploadGap(upload, l.last_on, today);
        if (!s || gap === null || !inScope(s.regionCode)) continue;
        const id = await raiseAlert(
          tx,
          calendar,
          {
            establishmentId: s.id,
            regionCode: s.regionCode,
            rule: upload,
            ruleVersion: versions.warnings,
            dedupeKey: `upload:${l.last_on}`,
            summaryZh: `${s.name} 自 ${l.last_on} 起已 ${gap} 天未上传监测数据（规则：${upload.params.days} 天）`,
            summaryEn: `No monitoring upload for ${gap} days since ${l.last_on} (rule: ${upload.params.days} days)`,
            data: { lastUploadOn: l.last_on, days: gap },
          },
          at,
        );
        if (id !== undefined) raised++;
      }
    }

    const overdue = warningRule(policy.warnings, 'revalidation_overdue');
    if (overdue) {
      const due = await queryRows<{ license_id: number; establishment_id: number; due_on: string }>(
        tx,
        sql`SELECT license_id, establishment_id, due_on::text AS due_on FROM credit_revalidation_watch
            WHERE status = 'due' AND due_on < (${today}::date - ${overdue.params.graceDays ?? 0}::int)`,
      );
      const subjects = await resolveSubjects(
        tx,
        due.map((d) => ({ type: 'establishment' as const, id: Number(d.establishment_id) })),
      );
      for (const d of due) {
        const s = subjects.get(`establishment:${Number(d.establishment_id)}`);
        if (!s || !inScope(s.regionCode)) continue;
        const id = await raiseAlert(
          tx,
          calendar,
          {
            establishmentId: s.id,
            regionCode: s.regionCode,
            rule: overdue,
            ruleVersion: versions.warnings,
            dedupeKey: `revalidation:${d.license_id}:${d.due_on}`,
            summaryZh: `${s.name} 许可证（编号 ${d.license_id}）校验期限 ${d.due_on} 已过，未见校验结论`,
            summaryEn: `Licence ${d.license_id}: revalidation was due on ${d.due_on}; no outcome recorded`,
            data: { licenseId: Number(d.license_id), dueOn: d.due_on },
          },
          at,
        );
        if (id !== undefined) raised++;
      }
    }
    return raised;
  });
}

/**
 * Recomputes every establishment (in the actor's region, or all) and every practitioner with a
 * profile, in batches of `batchSize`, one transaction per batch.
 */
export async function recomputeAll(opts: {
  ctx: AppContext;
  actor: Actor | null;
  batchSize?: number;
}): Promise<RecomputeResult> {
  const { ctx, actor } = opts;
  const db = ctx.database.db;
  const at = ctx.now();
  const total: RecomputeResult = { computed: 0, levelChanges: 0, riskChanges: 0 };
  const policy = await loadCreditPolicy(db);
  const calendar = await loadCalendar(db);
  const add = (r: RecomputeResult) => {
    total.computed += r.computed;
    total.levelChanges += r.levelChanges;
    total.riskChanges += r.riskChanges;
  };
  const prefix = actor ? actor.regionPrefix : null;
  if (actor && prefix === null) return total;
  for await (const ids of supervisedEstablishmentIds(db, prefix, opts.batchSize ?? 2000)) {
    add(
      await db.transaction((tx) =>
        recomputeSubjects(
          tx,
          ids.map((id) => ({ type: 'establishment' as const, id })),
          at,
          { policy, calendar },
        ),
      ),
    );
  }
  let after = 0;
  for (;;) {
    const rows = await queryRows<{ subject_id: number }>(
      db,
      sql`SELECT subject_id FROM credit_profile WHERE subject_type = 'practitioner' AND subject_id > ${after}
            ${prefix !== null ? sql`AND region_code LIKE ${`${prefix}%`}` : sql``}
          ORDER BY subject_id LIMIT ${opts.batchSize ?? 2000}`,
    );
    if (rows.length === 0) break;
    after = Number(rows[rows.length - 1]!.subject_id);
    add(
      await db.transaction((tx) =>
        recomputeSubjects(
          tx,
          rows.map((r) => ({ type: 'practitioner' as const, id: Number(r.subject_id) })),
          at,
          { policy, calendar },
        ),
      ),
    );
  }
  return total;
}
