import {
  DEFAULT_CREDIT_POLICY,
  DEFAULT_GRADING_RULES,
  demeritCycle,
  gradeAssessment,
  gradedSectorOf,
  type PenaltySeverity,
  penaltyDemerit,
  plusDays,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../db/database.js';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import { recomputeSubjects } from '../modules/credit/recompute.js';
import { chinaDay } from '../modules/credit/scope.js';
import {
  type SupervisionFacts,
  supervisedEstablishmentIds,
  supervisionFactsOf,
} from '../modules/registry/supervision-facts.js';
import { DEMO_COUNTIES } from './organisation.js';
import type { DemoRandom } from './random.js';

/**
 * The credit demo (issue 7): a credit history for the registry's establishments, written straight
 * into the credit tables as the other demos do (no events, so the other modules' demos stay their
 * own): inspections, rectifications, penalties with their demerit points, substantiated
 * complaints, a blacklisting, gradings of 历城区's dental and medical-beauty clinics, a water plant's
 * monitoring with out-of-limit readings, an override, and a warning inbox for the supervision
 * institute of 历城区 in every state (one escalated); then every establishment is assessed.
 */
const DEMO_BY = 'demo';
const cite = DEFAULT_CREDIT_POLICY.levels.citation;

interface Entry {
  subject: SupervisionFacts;
  kind: string;
  polarity: 'positive' | 'negative' | 'neutral';
  severity?: PenaltySeverity;
  on: string;
  zh: string;
  en: string;
  source: [string, string, string];
  data?: Record<string, unknown>;
}

export async function seedCreditDemo(tx: Executor, opts: { rnd: DemoRandom; now: Date }): Promise<void> {
  const { rnd, now } = opts;
  const at = now.toISOString();
  const today = chinaDay(now);
  const ids: number[] = [];
  for await (const page of supervisedEstablishmentIds(tx, null, 5000)) ids.push(...page);
  if (ids.length === 0) return;
  const facts = await supervisionFactsOf(tx, ids);
  const all = ids.map((id) => facts.get(id)!).filter(Boolean);
  const licheng = all.filter((e) => e.regionCode.startsWith(DEMO_COUNTIES.licheng));
  const daysAgo = (max: number, min = 1) => plusDays(today, -rnd.int(min, max));
  const entries: Entry[] = [];
  let n = 0;
  const ref = (prefix: string) => `DEMO-${prefix}-${String(++n).padStart(5, '0')}`;

  const penalties: {
    e: SupervisionFacts;
    severity: PenaltySeverity;
    on: string;
    caseId: string;
    revoked: boolean;
    code: string | null;
  }[] = [];
  for (const e of all) {
    if (rnd.chance(0.35)) {
      entries.push({
        subject: e,
        kind: 'inspection_compliant',
        polarity: 'positive',
        on: daysAgo(700),
        zh: '监督检查合格（演示）',
        en: 'Inspection: compliant (demo)',
        source: ['inspection', 'inspection', ref('INS')],
      });
    }
    if (rnd.chance(0.08)) {
      const on = daysAgo(300, 30);
      const items = rnd.int(1, 4);
      entries.push({
        subject: e,
        kind: 'inspection_non_compliant',
        polarity: 'negative',
        on,
        zh: `监督检查发现 ${items} 项不符合（演示）`,
        en: `Inspection: ${items} non-compliant items (demo)`,
        source: ['inspection', 'inspection', ref('INS')],
        data: { nonCompliantItems: items },
      });
      if (rnd.chance(0.5)) {
        const rectified = rnd.chance(0.7);
        entries.push({
          subject: e,
          kind: 'rectification_closed',
          polarity: 'neutral',
          on: plusDays(on, 25),
          zh: rectified ? '复查：已整改（演示）' : '复查：逾期未整改（演示）',
          en: rectified ? 'Re-inspection: rectified' : 'Re-inspection: not rectified',
          source: ['inspection', 'inspection', ref('INS')],
          data: { rectified },
        });
      }
    }
    if (rnd.chance(0.05)) {
      const r = rnd.next();
      const severity: PenaltySeverity = r < 0.6 ? 'minor' : r < 0.9 ? 'general' : 'serious';
      const code = rnd.pick([
        null,
        'medical_records',
        'medical_waste',
        'infection_control',
        'price_publicity',
      ]);
      penalties.push({ e, severity, on: daysAgo(600, 10), caseId: ref('CASE'), revoked: false, code });
    }
    if (rnd.chance(0.02)) {
      entries.push({
        subject: e,
        kind: 'complaint_substantiated',
        polarity: 'negative',
        on: daysAgo(330),
        zh: '投诉举报经查属实（演示）',
        en: 'Complaint substantiated (demo)',
        source: ['enforcement', 'complaint', ref('CMP')],
      });
    }
  }
  // One establishment of 历城区 had its licence revoked: the blacklist shows it.
  const revokedClinic = licheng.find((e) => e.kind === 'medical' && !penalties.some((p) => p.e.id === e.id));
  if (revokedClinic)
    penalties.push({
      e: revokedClinic,
      severity: 'serious',
      on: plusDays(today, -40),
      caseId: ref('CASE'),
      revoked: true,
      code: 'beyond_subjects',
    });

  const demerits: Record<string, unknown>[] = [];
  for (const p of penalties) {
    entries.push({
      subject: p.e,
      kind: 'penalty',
      polarity: 'negative',
      severity: p.severity,
      on: p.on,
      zh: `行政处罚（${{ minor: '轻微', general: '一般', serious: '严重' }[p.severity]}）${p.revoked ? '：吊销执业许可证' : ''}（演示）`,
      en: `Penalty (${p.severity})${p.revoked ? ': licence revoked' : ''} (demo)`,
      source: ['enforcement', 'case', p.caseId],
      data: { licenceRevoked: p.revoked, violationCode: p.code },
    });
    const d = penaltyDemerit(DEFAULT_CREDIT_POLICY.demerits, 'establishment', {
      severity: p.severity,
      licenceRevoked: p.revoked,
      violationCode: p.code,
    });
    const cycle = demeritCycle(DEFAULT_CREDIT_POLICY.demerits.cycle.establishment, p.on);
    const act =
      d.behaviour?.actZh ?? `受到${{ minor: '轻微', general: '一般', serious: '严重' }[p.severity]}行政处罚`;
    entries.push({
      subject: p.e,
      kind: 'demerit_recorded',
      polarity: 'negative',
      on: p.on,
      zh: `记 ${d.points} 分：${act}`,
      en: `${d.points} demerit points`,
      source: ['enforcement', 'case', p.caseId],
      data: { points: d.points },
    });
    demerits.push({
      subject_id: p.e.id,
      region_code: p.e.regionCode,
      behaviour_code: d.behaviour?.code ?? null,
      points: d.points,
      act_zh: act,
      act_en: d.behaviour?.actEn ?? `${p.severity} administrative penalty`,
      article: d.citation,
      occurred_on: p.on,
      cycle_start: cycle.start,
      cycle_end: cycle.end,
      source_id: p.caseId,
    });
  }

  await tx.execute(sql`INSERT INTO credit_entry (subject_type, subject_id, establishment_id, region_code, kind, polarity, severity, occurred_on,
      summary_zh, summary_en, citation, source_module, source_type, source_id, data, recorded_at, recorded_by_name)
    SELECT 'establishment', x.id, x.id, x.region, x.kind, x.polarity, x.severity, x.on, x.zh, x.en, ${JSON.stringify(cite)}::jsonb, x.m, x.t, x.s,
      x.data, ${at}, ${DEMO_BY}
    FROM jsonb_to_recordset(${JSON.stringify(
      entries.map((e) => ({
        id: e.subject.id,
        region: e.subject.regionCode,
        kind: e.kind,
        polarity: e.polarity,
        severity: e.severity ?? null,
        on: e.on,
        zh: e.zh,
        en: e.en,
        m: e.source[0],
        t: e.source[1],
        s: e.source[2],
        data: e.data ?? {},
      })),
    )}::jsonb) AS x(id bigint, region text, kind text, polarity text, severity text, "on" date, zh text, en text, m text, t text, s text, data jsonb)`);
  await tx.execute(sql`INSERT INTO credit_demerit (subject_type, subject_id, establishment_id, region_code, behaviour_code, points, act_zh, act_en,
      article, occurred_on, cycle_start, cycle_end, source_module, source_type, source_id, note, recorded_at, recorded_by_name)
    SELECT 'establishment', x.subject_id, x.subject_id, x.region_code, x.behaviour_code, x.points, x.act_zh, x.act_en, x.article, x.occurred_on,
      x.cycle_start, x.cycle_end, 'enforcement', 'case', x.source_id, '由行政处罚决定记分（演示）', ${at}, ${DEMO_BY}
    FROM jsonb_to_recordset(${JSON.stringify(demerits)}::jsonb) AS x(subject_id bigint, region_code text, behaviour_code text, points int,
      act_zh text, act_en text, article jsonb, occurred_on date, cycle_start date, cycle_end date, source_id text)`);

  if (revokedClinic) {
    const rule = DEFAULT_CREDIT_POLICY.blacklist.rules.find((r) => r.code === 'BL_REVOKED')!;
    const on = plusDays(today, -40);
    const caseId = penalties.find((p) => p.revoked)!.caseId;
    await tx.execute(sql`INSERT INTO credit_blacklist (subject_type, subject_id, establishment_id, region_code, name, rule_code, reason, basis, flags,
        source_module, source_type, source_id, entered_on, repair_from, ends_on, entered_at, entered_by_name)
      VALUES ('establishment', ${revokedClinic.id}, ${revokedClinic.id}, ${revokedClinic.regionCode}, ${revokedClinic.name}, ${rule.code},
        ${`${rule.nameZh}（案件 ${caseId}）`}, ${JSON.stringify(rule.citation)}::jsonb, ${sql.param(rule.flags)}::text[], 'enforcement', 'case', ${caseId},
        ${on}, ${plusDays(on, rule.minDays)}, ${plusDays(on, rule.maxDays)}, ${at}, ${DEMO_BY})`);
  }

  const inspector2 = await queryOne<{ id: number }>(
    tx,
    sql`SELECT id FROM app_user WHERE username = 'lc.inspector2'`,
  );
  // Quantitative grading of 历城区's dental and medical-beauty clinics.
  const graded = licheng.filter((e) => gradedSectorOf(e.flags)).slice(0, 60);
  for (const e of graded) {
    const sector = gradedSectorOf(e.flags)!;
    const checklist = DEFAULT_GRADING_RULES.checklists.find((c) => c.sector === sector)!;
    const quality = 0.55 + rnd.next() * 0.45;
    const scores = checklist.items.map((i) => ({
      itemCode: i.code,
      score: Math.min(i.maxScore, Math.round(i.maxScore * Math.min(1, quality + (rnd.next() - 0.5) * 0.3))),
    }));
    const g = gradeAssessment(DEFAULT_GRADING_RULES, sector, scores);
    await tx.execute(sql`INSERT INTO credit_grading (establishment_id, region_code, sector, rule_version, scores, total, grade, grade_by_total, capped_by,
        assessed_on, note, recorded_at, recorded_by, recorded_by_name)
      VALUES (${e.id}, ${e.regionCode}, ${sector}, 1, ${JSON.stringify(scores)}::jsonb, ${g.total}, ${g.grade}, ${g.gradeByTotal},
        ${sql.param(g.cappedBy)}::text[], ${daysAgo(300, 20)}, '量化分级年度评定（演示）', ${at}, ${inspector2?.id ?? 0}, 'lc.inspector2')`);
  }

  // A water plant of 历城区 uploads daily; two readings of free chlorine fell below the limit.
  const plant = licheng.find((e) => e.kind === 'drinking_water') ?? licheng[0];
  let alertsRaised = 0;
  if (plant) {
    for (let d = 14; d >= 1; d--) {
      const dayOf = plusDays(today, -d);
      const batch = await queryOne<{ id: number }>(
        tx,
        sql`INSERT INTO monitoring_batch (establishment_id, region_code, client_batch_id, status, payload_sha256, received_at, received_by,
              received_by_name, readings, flagged)
            VALUES (${plant.id}, ${plant.regionCode}, ${`DEMO-${dayOf}`}, 'accepted', ${'0'.repeat(64)}, ${`${dayOf}T16:00:00Z`}, 0, 'api-key:demo',
              3, ${d === 3 || d === 2 ? 1 : 0}) RETURNING id`,
      );
      const chlorine = d === 3 ? 0.18 : d === 2 ? 0.22 : 0.45 + rnd.next() * 0.3;
      for (const [metric, value, unit, lim, out] of [
        ['water.free_chlorine', Math.round(chlorine * 100) / 100, 'mg/L', '0.3–2 mg/L', chlorine < 0.3],
        ['water.turbidity', Math.round(rnd.next() * 60) / 100, 'NTU', '≤ 1 NTU', false],
        ['water.ph', Math.round((7 + rnd.next()) * 100) / 100, 'pH', '6.5–8.5 pH', false],
      ] as const) {
        await tx.execute(sql`INSERT INTO monitoring_reading (batch_id, establishment_id, metric, value, unit, raw_value, raw_unit, measured_at, point, out_of_limit, limit_text)
          VALUES (${batch!.id}, ${plant.id}, ${metric}, ${value}, ${unit}, ${value}, ${unit}, ${`${dayOf}T02:00:00Z`}, '出厂水', ${out}, ${lim})`);
      }
    }
  }

  // The supervision institute's inbox in 历城区, in every state.
  const leader = await queryOne<{ id: number }>(
    tx,
    sql`SELECT id FROM app_user WHERE username = 'lc.leader'`,
  );
  const warningRules = new Map(DEFAULT_CREDIT_POLICY.warnings.rules.map((r) => [r.code, r]));
  const inbox: {
    e: SupervisionFacts | undefined;
    rule: string;
    key: string;
    zh: string;
    en: string;
    raisedDaysAgo: number;
    state: 'open' | 'assigned' | 'checked' | 'handled';
    escalation?: number;
  }[] = [
    {
      e: plant,
      rule: 'reading_out_of_range',
      key: 'reading:water.free_chlorine',
      zh: `${plant?.name ?? ''} 出厂水游离氯 2 个读数低于限值（0.3–2 mg/L），如 0.18 mg/L`,
      en: 'Free chlorine: 2 readings below the limit',
      raisedDaysAgo: 3,
      state: 'open',
    },
    {
      e: licheng[3],
      rule: 'complaint_spike',
      key: 'spike:demo',
      zh: `${licheng[3]?.name ?? ''} 近 30 天查实投诉 3 件`,
      en: '3 substantiated complaints in 30 days',
      raisedDaysAgo: 25,
      state: 'open',
      escalation: 1,
    },
    {
      e: licheng[5],
      rule: 'practitioner_unregistered',
      key: 'practitioner:DEMO-CERT-1',
      zh: `执业证书编码 DEMO-CERT-1 在 ${licheng[5]?.name ?? ''} 执业，但在名录中查无在册医务人员`,
      en: 'Unknown certificate recorded in clinical uploads',
      raisedDaysAgo: 4,
      state: 'assigned',
    },
    {
      e: licheng[8],
      rule: 'upload_missing',
      key: 'upload:demo',
      zh: `${licheng[8]?.name ?? ''} 已 9 天未上传监测数据`,
      en: 'No monitoring upload for 9 days',
      raisedDaysAgo: 2,
      state: 'checked',
    },
    {
      e: licheng[12],
      rule: 'narcotic_over_quota',
      key: 'narcotic:demo',
      zh: `${licheng[12]?.name ?? ''} 盐酸哌替啶注射液 月采购超出印鉴卡限量`,
      en: 'Pethidine purchases over the quota',
      raisedDaysAgo: 30,
      state: 'handled',
    },
    {
      e: licheng[15],
      rule: 'revalidation_overdue',
      key: 'revalidation:demo',
      zh: `${licheng[15]?.name ?? ''} 校验期限已过，未见校验结论`,
      en: 'Revalidation overdue',
      raisedDaysAgo: 12,
      state: 'handled',
    },
  ];
  for (const a of inbox) {
    const rule = warningRules.get(a.rule as never);
    if (!a.e || !rule) continue;
    const raisedOn = plusDays(today, -a.raisedDaysAgo);
    const due = plusDays(raisedOn, Math.ceil((rule.responseWorkingDays * 7) / 5));
    const handled = a.state === 'handled';
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO credit_alert (establishment_id, region_code, department_code, rule_code, rule_version, dedupe_key, severity, summary_zh, summary_en,
            data, citation, status, assignee_user_id, assignee_name, check_findings, confirmed, disposition, disposition_note, raised_at, raised_on, due_on,
            escalation_level, escalated_at, next_escalation_on, handled_at, handled_on)
          VALUES (${a.e.id}, ${a.e.regionCode}, 'supervision', ${rule.code}, 1, ${a.key}, ${rule.severity}, ${a.zh}, ${a.en}, '{}'::jsonb,
            ${JSON.stringify(rule.citation)}::jsonb, ${a.state}, ${a.state === 'open' ? null : (inspector2?.id ?? null)},
            ${a.state === 'open' ? null : 'lc.inspector2'}, ${a.state === 'checked' || handled ? '现场核查属实（演示）' : null},
            ${a.state === 'checked' || handled ? true : null}, ${handled ? (a.rule === 'narcotic_over_quota' ? 'lead' : 'rectification_ordered') : null},
            ${handled ? '已处置（演示）' : null}, ${`${raisedOn}T01:00:00Z`}, ${raisedOn}, ${due}, ${a.escalation ?? 0},
            ${a.escalation ? `${plusDays(due, 1)}T01:00:00Z` : null}, ${handled ? null : plusDays(due, a.escalation ? 8 : 1)},
            ${handled ? `${plusDays(raisedOn, 2)}T08:00:00Z` : null}, ${handled ? plusDays(raisedOn, 2) : null})
          RETURNING id`,
    );
    alertsRaised++;
    await tx.execute(sql`INSERT INTO credit_alert_action (alert_id, action, from_status, to_status, note, at, by_user_id, by_name)
      VALUES (${row!.id}, 'raise', NULL, 'open', ${a.zh}, ${`${raisedOn}T01:00:00Z`}, NULL, 'system')`);
  }

  // A supervisor's override, with its reason.
  const overridden = licheng.find((e) => e.kind === 'public_place');
  if (overridden && leader) {
    await tx.execute(sql`INSERT INTO credit_override (establishment_id, region_code, target, value, reason, valid_until, created_at, created_by, created_by_name)
      VALUES (${overridden.id}, ${overridden.regionCode}, 'mode', 'stationed', '暑期游泳场所专项整治期间驻点监管（演示）', ${plusDays(today, 90)}, ${at},
        ${leader.id}, 'lc.leader')`);
  }

  for (let i = 0; i < ids.length; i += 2000) {
    await recomputeSubjects(
      tx,
      ids.slice(i, i + 2000).map((id) => ({ type: 'establishment' as const, id })),
      now,
    );
  }
  const counts = await queryRows<{ level: string; n: number }>(
    tx,
    sql`SELECT risk_level AS level, count(*)::int AS n FROM credit_profile WHERE subject_type = 'establishment' GROUP BY risk_level`,
  );
  await recordAudit(
    tx,
    SYSTEM_ACTOR,
    {
      action: 'credit.demo.seed',
      entityType: 'credit_profile',
      entityId: null,
      diff: {
        entries: [null, entries.length],
        penalties: [null, penalties.length],
        gradings: [null, graded.length],
        alerts: [null, alertsRaised],
        riskLevels: [null, Object.fromEntries(counts.map((c) => [c.level, c.n]))],
      },
    },
    now,
  );
}
