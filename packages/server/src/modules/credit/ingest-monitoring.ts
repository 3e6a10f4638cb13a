import { createHash } from 'node:crypto';
import { checkReading, DomainError, daysBetween, overQuota, warningRule } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { licensesHeldBy } from '../registry/license-holdings.js';
import { establishmentIdByCode, practitionersByCertNo } from '../registry/supervision-facts.js';
import { loadCreditPolicy } from './policy.js';
import { type AlertInput, raiseAlert } from './raise-alert.js';
import { recomputeSubjects } from './recompute.js';
import type { monitoringBatchInputSchema, monitoringBatchSchema } from './schemas.js';
import { chinaDay, iso } from './scope.js';
import { type ResolvedSubject, resolveSubject } from './subjects.js';

type Input = z.infer<typeof monitoringBatchInputSchema>;
type BatchDto = z.infer<typeof monitoringBatchSchema>;
type FieldError = { path: string; code: string; messageZh: string; messageEn: string };

/**
 * Monitoring ingestion for institutions' systems (智慧卫监): idempotent by the client's batch id
 * (accepted once; a resend of the same batch answers with the stored result; the same id with other
 * content is a conflict), validated as a whole (unknown establishment, unknown metric, wrong unit,
 * a value outside the physical range, a clock far in the future or a day too old: the batch is
 * refused with every error and kept as rejected, so nothing is lost and it can be resent), then
 * stored, flagged against the limits, and run through the warning rules.
 */
const fieldError = (path: string, code: string, zh: string, en: string): FieldError => ({
  path,
  code,
  messageZh: `${path}：${zh}`,
  messageEn: `${path}: ${en}`,
});

interface BatchRow {
  id: number;
  client_batch_id: string;
  establishment_id: number | null;
  status: 'accepted' | 'rejected';
  payload_sha256: string;
  received_at: Date | string;
  received_by_name: string;
  readings: number;
  flagged: number;
  summaries: number;
  purchases: number;
  errors: unknown;
}

export const BATCH_COLUMNS =
  sql.raw(`id, client_batch_id, establishment_id, status, payload_sha256, received_at, received_by_name,
  readings, flagged, summaries, purchases, errors`);

export function presentBatch(
  r: BatchRow,
  extra: Partial<Pick<BatchDto, 'duplicate' | 'flaggedReadings' | 'alerts'>> = {},
): BatchDto {
  return {
    id: Number(r.id),
    clientBatchId: r.client_batch_id,
    establishmentId: r.establishment_id === null ? null : Number(r.establishment_id),
    status: r.status,
    duplicate: extra.duplicate ?? false,
    receivedAt: iso(r.received_at)!,
    receivedBy: r.received_by_name,
    readings: r.readings,
    flagged: r.flagged,
    summaries: r.summaries,
    purchases: r.purchases,
    flaggedReadings: extra.flaggedReadings ?? [],
    alerts: extra.alerts ?? [],
    errors: (typeof r.errors === 'string' ? JSON.parse(r.errors) : r.errors) as FieldError[],
  };
}

function unknownEstablishment(code: string): FieldError {
  return fieldError(
    'establishmentCode',
    'unknown_establishment',
    `未找到监管对象 ${code}（或不属于本密钥所属机构）`,
    `no establishment ${code} (or not the API key's establishment)`,
  );
}

async function resolveTarget(db: Executor, actor: Actor, code: string): Promise<ResolvedSubject | undefined> {
  const id = await establishmentIdByCode(db, code);
  if (id === undefined) return undefined;
  if (actor.kind === 'institution' && actor.establishmentId !== id) return undefined;
  const s = await resolveSubject(db, { type: 'establishment', id });
  if (!s) return undefined;
  if (actor.kind === 'staff' && !(actor.regionPrefix !== null && s.regionCode.startsWith(actor.regionPrefix)))
    return undefined;
  return s;
}

export async function ingestBatch(opts: {
  ctx: AppContext;
  actor: Actor;
  input: Input;
}): Promise<{ created: boolean; batch: BatchDto }> {
  const { ctx, actor, input } = opts;
  const db = ctx.database.db;
  const at = ctx.now();
  const today = chinaDay(at);
  const hash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const { policy, versions } = await loadCreditPolicy(db);
  const rules = policy.monitoring;
  const target = await resolveTarget(db, actor, input.establishmentCode);
  const establishmentId = target?.id ?? actor.establishmentId ?? null;

  if (target) {
    const prior = await queryOne<BatchRow>(
      db,
      sql`SELECT ${BATCH_COLUMNS} FROM monitoring_batch WHERE establishment_id = ${target.id} AND client_batch_id = ${input.batchId} AND status = 'accepted'`,
    );
    if (prior) return duplicateOf(prior, hash, input.batchId);
  }

  const errors: FieldError[] = [];
  if (!target) errors.push(unknownEstablishment(input.establishmentCode));
  if (input.readings.length > rules.maxReadingsPerBatch) {
    errors.push(
      fieldError(
        'readings',
        'batch_too_large',
        `每批最多 ${rules.maxReadingsPerBatch} 条读数`,
        `at most ${rules.maxReadingsPerBatch} readings per batch`,
      ),
    );
  }
  const checked = input.readings.map((r, i) => {
    const c = checkReading(rules, r, at);
    if (!c.ok)
      errors.push(fieldError(`readings.${i}.${c.problem.field}`, c.problem.code, c.problem.zh, c.problem.en));
    return c;
  });
  const dayProblem = (path: string, d: string) => {
    if (d > today)
      errors.push(
        fieldError(
          path,
          'clock_in_future',
          `日期 ${d} 晚于今天，请校准系统时钟`,
          `${d} is in the future; check the system clock`,
        ),
      );
    else if (daysBetween(d, today) > rules.maxAgeDays)
      errors.push(
        fieldError(
          path,
          'too_old',
          `日期 ${d} 早于 ${rules.maxAgeDays} 天前`,
          `${d} is more than ${rules.maxAgeDays} days ago`,
        ),
      );
  };
  input.activity.forEach((a, i) => {
    dayProblem(`activity.${i}.day`, a.day);
  });
  input.narcoticPurchases.forEach((p, i) => {
    dayProblem(`narcoticPurchases.${i}.day`, p.day);
  });
  if (target && input.narcoticPurchases.length) {
    const quotas = await queryRows<{ drug: string; unit: string }>(
      db,
      sql`SELECT drug, unit FROM narcotic_quota WHERE establishment_id = ${target.id}`,
    );
    input.narcoticPurchases.forEach((p, i) => {
      const q = quotas.find((x) => x.drug === p.drug);
      if (q && q.unit !== p.unit)
        errors.push(
          fieldError(
            `narcoticPurchases.${i}.unit`,
            'wrong_unit',
            `${p.drug} 的单位应为 ${q.unit}（印鉴卡限量的单位）`,
            `${p.drug} is counted in ${q.unit} (the quota's unit)`,
          ),
        );
    });
  }

  if (errors.length) {
    const row = await db.transaction(async (tx) => {
      const r = await queryOne<BatchRow>(
        tx,
        sql`INSERT INTO monitoring_batch (establishment_id, region_code, client_batch_id, status, payload_sha256, received_at, received_by,
              received_by_name, errors, payload)
            VALUES (${establishmentId}, ${target?.regionCode ?? null}, ${input.batchId}, 'rejected', ${hash}, ${at.toISOString()}, ${actor.userId},
              ${actor.username}, ${JSON.stringify(errors.slice(0, 500))}::jsonb, ${JSON.stringify(input)}::jsonb)
            RETURNING ${BATCH_COLUMNS}`,
      );
      await recordAudit(
        tx,
        auditActorOf(actor),
        {
          action: 'credit.monitoring.reject',
          entityType: 'monitoring_batch',
          entityId: Number(r!.id),
          diff: { batchId: [null, input.batchId], errors: [null, errors.length] },
        },
        at,
      );
      return r!;
    });
    throw new DomainError(
      'batch_rejected',
      `监测数据批次 ${input.batchId} 未通过校验（${errors.length} 处错误），已记录为退回，修正后可用同一批次号重新上传`,
      `Batch ${input.batchId} was refused (${errors.length} errors) and kept as rejected; fix it and resend it under the same batch id`,
      { errors: errors.slice(0, 200), rejectedBatchId: Number(row.id) },
    );
  }

  const s = target!;
  return db.transaction(async (tx) => {
    const flaggedReadings: BatchDto['flaggedReadings'] = [];
    const readingRows = input.readings.map((r, i) => {
      const c = checked[i]!;
      if (!c.ok) throw new Error('unreachable');
      if (c.reading.outOfLimit)
        flaggedReadings.push({
          index: i,
          metric: r.metric,
          value: c.reading.value,
          unit: c.reading.metric.unit,
          limit: c.reading.limitZh,
        });
      return {
        metric: r.metric,
        value: c.reading.value,
        unit: c.reading.metric.unit,
        raw_value: r.value,
        raw_unit: r.unit,
        measured_at: new Date(r.measuredAt).toISOString(),
        point: r.point ?? null,
        out_of_limit: c.reading.outOfLimit,
        limit_text: c.reading.limitZh,
      };
    });
    const batch = await queryOne<BatchRow>(
      tx,
      sql`INSERT INTO monitoring_batch (establishment_id, region_code, client_batch_id, status, payload_sha256, received_at, received_by,
            received_by_name, readings, flagged, summaries, purchases)
          VALUES (${s.id}, ${s.regionCode}, ${input.batchId}, 'accepted', ${hash}, ${at.toISOString()}, ${actor.userId}, ${actor.username},
            ${readingRows.length}, ${flaggedReadings.length}, ${input.activity.length}, ${input.narcoticPurchases.length})
          ON CONFLICT (establishment_id, client_batch_id) WHERE status = 'accepted' DO NOTHING
          RETURNING ${BATCH_COLUMNS}`,
    );
    if (!batch) {
      const prior = await queryOne<BatchRow>(
        tx,
        sql`SELECT ${BATCH_COLUMNS} FROM monitoring_batch WHERE establishment_id = ${s.id} AND client_batch_id = ${input.batchId} AND status = 'accepted'`,
      );
      return duplicateOf(prior!, hash, input.batchId);
    }
    const batchId = Number(batch.id);
    if (readingRows.length) {
      await tx.execute(sql`INSERT INTO monitoring_reading (batch_id, establishment_id, metric, value, unit, raw_value, raw_unit, measured_at, point, out_of_limit, limit_text)
        SELECT ${batchId}, ${s.id}, x.metric, x.value, x.unit, x.raw_value, x.raw_unit, x.measured_at, x.point, x.out_of_limit, x.limit_text
        FROM jsonb_to_recordset(${JSON.stringify(readingRows)}::jsonb) AS x(metric text, value double precision, unit text, raw_value double precision,
          raw_unit text, measured_at timestamptz, point text, out_of_limit boolean, limit_text text)`);
    }
    if (input.activity.length) {
      await tx.execute(sql`INSERT INTO monitoring_activity (batch_id, establishment_id, day, visits, prescriptions, practitioners)
        SELECT ${batchId}, ${s.id}, x.day, x.visits, x.prescriptions, ARRAY(SELECT jsonb_array_elements_text(x.practitioners))
        FROM jsonb_to_recordset(${JSON.stringify(input.activity)}::jsonb) AS x(day date, visits int, prescriptions int, practitioners jsonb)`);
    }
    if (input.narcoticPurchases.length) {
      await tx.execute(sql`INSERT INTO monitoring_narcotic_purchase (batch_id, establishment_id, day, drug, quantity, unit)
        SELECT ${batchId}, ${s.id}, x.day, x.drug, x.quantity, x.unit
        FROM jsonb_to_recordset(${JSON.stringify(input.narcoticPurchases)}::jsonb) AS x(day date, drug text, quantity double precision, unit text)`);
    }
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'credit.monitoring.accept',
        entityType: 'monitoring_batch',
        entityId: batchId,
        diff: {
          batchId: [null, input.batchId],
          readings: [null, readingRows.length],
          flagged: [null, flaggedReadings.length],
          activity: [null, input.activity.length],
          purchases: [null, input.narcoticPurchases.length],
        },
      },
      at,
    );

    const calendar = await loadCalendar(tx);
    const alerts: number[] = [];
    const raise = async (a: Omit<AlertInput, 'establishmentId' | 'regionCode' | 'ruleVersion'>) => {
      const id = await raiseAlert(
        tx,
        calendar,
        { ...a, establishmentId: s.id, regionCode: s.regionCode, ruleVersion: versions.warnings },
        at,
      );
      if (id !== undefined) alerts.push(id);
    };

    const outOfRange = warningRule(policy.warnings, 'reading_out_of_range');
    if (outOfRange && flaggedReadings.length >= (outOfRange.params.minReadings ?? 1)) {
      for (const metric of [...new Set(flaggedReadings.map((f) => f.metric))]) {
        const mine = flaggedReadings.filter((f) => f.metric === metric);
        const m = rules.metrics.find((x) => x.code === metric)!;
        await raise({
          rule: outOfRange,
          dedupeKey: `reading:${metric}`,
          summaryZh: `${s.name} ${m.nameZh} ${mine.length} 个读数超出限值（${mine[0]!.limit}），如 ${mine[0]!.value} ${m.unit}`,
          summaryEn: `${m.nameEn}: ${mine.length} readings outside the limit, e.g. ${mine[0]!.value} ${m.unit}`,
          data: {
            metric,
            count: mine.length,
            values: mine.slice(0, 20).map((f) => f.value),
            limit: mine[0]!.limit,
            batchId,
            citation: m.citation,
          },
        });
      }
    }

    const unregistered = warningRule(policy.warnings, 'practitioner_unregistered');
    if (unregistered) {
      for (const a of input.activity) {
        if (a.practitioners.length === 0) continue;
        const known = await practitionersByCertNo(tx, a.practitioners, a.day);
        for (const cert of [...new Set(a.practitioners)]) {
          const p = known.find((k) => k.practisingCertNo === cert);
          if (p?.sites.includes(s.id)) continue;
          await raise({
            rule: unregistered,
            practitionerId: p?.id ?? null,
            dedupeKey: `practitioner:${cert}`,
            summaryZh: p
              ? `医务人员 ${p.name}（${cert}）${a.day} 在 ${s.name} 执业，但未在此注册或备案多点执业`
              : `执业证书编码 ${cert} 在 ${s.name} 执业（${a.day}），但在名录中查无在册医务人员`,
            summaryEn: p
              ? `Practitioner ${cert} practised here on ${a.day} without registration or filing`
              : `Certificate ${cert} practised here on ${a.day}: no registered practitioner`,
            data: { certNo: cert, day: a.day, practitionerId: p?.id ?? null, batchId },
          });
        }
      }
    }

    const expired = warningRule(policy.warnings, 'licence_expired_active');
    const active = input.activity
      .filter((a) => a.visits > 0)
      .map((a) => a.day)
      .sort();
    if (expired && active.length) {
      const held = await licensesHeldBy(tx, s.id);
      if (held.length) {
        const grace = expired.params.graceDays ?? 0;
        const uncovered = active.filter(
          (d) =>
            !held.some(
              (l) =>
                l.status === 'valid' &&
                l.validFrom <= d &&
                (l.validTo === null || daysBetween(l.validTo, d) <= grace),
            ),
        );
        if (uncovered.length) {
          const last = [...held].sort((x, y) => ((x.validTo ?? '9999') < (y.validTo ?? '9999') ? 1 : -1))[0]!;
          await raise({
            rule: expired,
            dedupeKey: `licence:${uncovered[0]!.slice(0, 7)}`,
            summaryZh: `${s.name} 无有效执业许可证（${last.number} 至 ${last.validTo ?? '—'}，状态 ${last.status}），${uncovered.length} 天仍有诊疗数据，最早 ${uncovered[0]}`,
            summaryEn: `No valid licence (last ${last.number}, to ${last.validTo ?? '—'}, ${last.status}) yet clinical activity on ${uncovered.length} days from ${uncovered[0]}`,
            data: { days: uncovered.slice(0, 31), licenseId: last.licenseId, validTo: last.validTo, batchId },
          });
        }
      }
    }

    const quotaRule = warningRule(policy.warnings, 'narcotic_over_quota');
    if (quotaRule && input.narcoticPurchases.length) {
      const months = [...new Set(input.narcoticPurchases.map((p) => `${p.drug}|${p.day.slice(0, 7)}`))];
      for (const key of months) {
        const [drug, month] = key.split('|') as [string, string];
        const quota = await queryOne<{ monthly_quantity: number; unit: string; source: string }>(
          tx,
          sql`SELECT monthly_quantity, unit, source FROM narcotic_quota WHERE establishment_id = ${s.id} AND drug = ${drug}`,
        );
        if (!quota) continue;
        const total = await queryOne<{ q: number | null }>(
          tx,
          sql`SELECT sum(quantity) AS q FROM monitoring_narcotic_purchase WHERE establishment_id = ${s.id} AND drug = ${drug}
                AND day >= ${`${month}-01`}::date AND day < (${`${month}-01`}::date + interval '1 month')`,
        );
        const purchased = Number(total?.q ?? 0);
        if (overQuota(quotaRule, purchased, Number(quota.monthly_quantity))) {
          await raise({
            rule: quotaRule,
            dedupeKey: `narcotic:${drug}:${month}`,
            summaryZh: `${s.name} ${month} ${drug} 采购 ${purchased} ${quota.unit}，超出印鉴卡月限量 ${quota.monthly_quantity} ${quota.unit}`,
            summaryEn: `${drug} purchases in ${month}: ${purchased} ${quota.unit}, over the monthly quota of ${quota.monthly_quantity}`,
            data: {
              drug,
              month,
              purchased,
              quota: Number(quota.monthly_quantity),
              unit: quota.unit,
              source: quota.source,
              batchId,
            },
          });
        }
      }
    }

    await recomputeSubjects(tx, [{ type: 'establishment', id: s.id }], at);
    return { created: true, batch: presentBatch(batch, { flaggedReadings, alerts }) };
  });
}

function duplicateOf(prior: BatchRow, hash: string, batchId: string): { created: boolean; batch: BatchDto } {
  if (prior.payload_sha256 !== hash) {
    throw new DomainError(
      'batch_id_reused',
      `批次号 ${batchId} 已用于另一批内容不同的数据，请使用新的批次号`,
      `Batch id ${batchId} was already accepted with different content; use a new batch id`,
      { acceptedBatchId: Number(prior.id) },
    );
  }
  return { created: false, batch: presentBatch(prior, { duplicate: true }) };
}
