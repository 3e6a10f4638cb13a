import { benchmarkEntry, DomainError, PENALTY_KIND_NAMES } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import type { Actor } from '../identity/actor.js';
import { type CaseRow, caseOfficers, loadCase } from './case-record.js';
import { renderDocx } from './document-docx.js';
import { composeInspectionRecord } from './document-inspection-record.js';
import { type CaseDocument, Composer, yuanText as yuan, zhDate } from './document-model.js';
import { renderPdf } from './document-pdf.js';
import { evidenceOf } from './evidence.js';
import { policyVersion } from './policy.js';
import { recordEntries } from './record-chain.js';

/**
 * The standard enforcement documents, composed from the case record: 立案审批表, 现场检查笔录, 行政处罚事先告知书,
 * 行政处罚决定书, 送达回证, 结案报告, numbered in the unit's scheme; rendered as PDF (Chinese font
 * embedded, document-pdf.ts) or Word (document-docx.ts). Every field is text: nothing a user typed is
 * interpreted as markup.
 */
export const DOCUMENT_KINDS = [
  'filing',
  'inspection_record',
  'notice',
  'decision',
  'service',
  'closure',
] as const;
export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export type CaseDocumentKind = (typeof DOCUMENT_KINDS)[number];

const AVAILABLE: Record<CaseDocumentKind, (c: CaseRow) => boolean> = {
  filing: (c) => c.filing_no !== null,
  inspection_record: (c) => c.filing_no !== null,
  notice: (c) => c.notice !== null,
  decision: (c) => c.decision !== null,
  service: (c) => c.service !== null,
  closure: (c) => c.closed_on !== null,
};

function penaltyText(kinds: readonly string[], fine: number, confiscation: number): string {
  return kinds
    .map((k, i) => {
      const name = PENALTY_KIND_NAMES[k as keyof typeof PENALTY_KIND_NAMES]?.zh ?? k;
      const what =
        k === 'fine'
          ? `罚款人民币${yuan(fine)}`
          : k === 'confiscation'
            ? `没收违法所得人民币${yuan(confiscation)}`
            : name;
      return `${i + 1}. ${what}`;
    })
    .join('；');
}

/** The facts as a sentence after "经查明：" (an officer's own "经查，" is not repeated). */
const factsText = (facts: string | null | undefined, fallback: string) =>
  (facts?.trim() || fallback).replace(/^经查(明)?[，,：:]\s*/, '');
const lawOf = (basis: string) => basis.replace(/：.*$/s, '');

function partyLine(c: CaseRow): string {
  if (c.party_kind === 'person')
    return `当事人：${c.party_name}${c.party_address ? `，住址：${c.party_address}` : ''}`;
  return [
    `当事人：${c.party_name}`,
    c.party_credit_code ? `统一社会信用代码：${c.party_credit_code}` : null,
    c.party_representative ? `法定代表人（负责人）：${c.party_representative}` : null,
    c.party_address ? `地址：${c.party_address}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

export async function renderCaseDocument(
  ctx: AppContext,
  actor: Actor,
  id: number,
  kind: CaseDocumentKind,
  format: DocumentFormat = 'pdf',
) {
  const d = await composeCaseDocument(ctx, actor, id, kind);
  if (format === 'docx') return { file: await renderDocx(d), fileName: `${d.baseName}.docx` };
  return { file: await renderPdf(d), fileName: `${d.baseName}.pdf` };
}

/** The document's content from the record, independent of the format it is rendered in. */
export async function composeCaseDocument(
  ctx: AppContext,
  actor: Actor,
  id: number,
  kind: CaseDocumentKind,
): Promise<CaseDocument> {
  const db = ctx.database.db;
  const c = await loadCase(db, actor, id);
  if (!AVAILABLE[kind](c)) {
    throw new DomainError(
      'document_not_available',
      '案件尚未进行到该文书',
      'The case has not reached this document yet',
      { kind, state: c.state },
    );
  }
  const officers = (await caseOfficers(db, id)).filter((o) => o.recusedOn === null);
  const officerText = officers.map((o) => `${o.name}（执法证号 ${o.certificateNo}）`).join('、');
  const entries = await recordEntries(db, id);
  const footer = `卫监系统依案件 ${c.number} 的执法全过程记录生成（记录 ${c.record_length} 条，末条哈希 ${c.record_head.slice(0, 16)}…），以系统记录为准。`;
  if (kind === 'inspection_record') {
    return composeInspectionRecord({ c, officers, evidence: await evidenceOf(db, id), footer });
  }
  let w: Composer;
  let fileName: string;
  if (kind === 'filing') {
    const proposal = entries.find((e) => e.action === 'propose');
    const approval = entries.find((e) => e.action === 'approve_opening');
    const approved = approval?.details as { opinion?: string | null; approvedBy?: string } | undefined;
    const lead = c.lead_id
      ? await queryOne<{ number: string; source: string }>(
          db,
          sql`SELECT number, source FROM enforcement_lead WHERE id = ${c.lead_id}`,
        )
      : undefined;
    const SOURCE: Record<string, string> = {
      complaint: '投诉举报',
      inspection: '监督检查',
      alert: '风险预警',
      referral: '移送',
      manual: '执法人员发现',
    };
    w = new Composer(`立案审批表 ${c.filing_no}`, c.unit_name, c.opened_on ?? c.proposed_on);
    w.heading(c.unit_name, '立案审批表', c.filing_no);
    w.table([
      ['案由', c.summary],
      ['案件来源', lead ? `${SOURCE[lead.source] ?? lead.source}（线索 ${lead.number}）` : '其他'],
      ['当事人', partyLine(c).replace(/^当事人：/, '')],
      ['简要案情', c.summary],
      ['承办人', officerText],
      [
        '承办人意见',
        `建议立案调查。（${zhDate(proposal?.on_date ?? c.proposed_on)}，承办人：${officers.map((o) => o.name).join('、')}）`,
      ],
      [
        '负责人审批意见',
        `${approved?.opinion || '同意立案。'}（${zhDate(c.opened_on)}，${approved?.approvedBy ?? approval?.actor_name ?? ''}）`,
      ],
      ['立案日期', zhDate(c.opened_on)],
      ['办案期限', `自立案之日起九十日内作出处罚决定，至 ${zhDate(c.decide_due)}（《行政处罚法》第六十条）`],
    ]);
    fileName = `立案审批表-${c.number}`;
  } else if (kind === 'notice') {
    const n = c.notice!;
    w = new Composer(`行政处罚事先告知书 ${n.noticeNo}`, c.unit_name, n.noticedOn);
    w.heading(c.unit_name, '行政处罚事先告知书', n.noticeNo);
    w.para(`${c.party_name}：`, { indent: false });
    w.para(`经查，${factsText(c.facts, c.summary)}`);
    const entry = benchmarkEntry(
      (await policyVersion(db, 'benchmark', c.benchmark_version!)).content,
      c.violation_code!,
    );
    w.para(
      `你（单位）的上述行为属于“${entry.nameZh}”。依据${lawOf(entry.basis.zh)}的规定，本机关拟对你（单位）作出如下行政处罚：${penaltyText(n.kinds, n.fineAmount, n.confiscationAmount)}。`,
    );
    w.para(
      `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩，请于收到本告知书之日起${c.statement_due ? `至${zhDate(c.statement_due)}前` : '三个工作日内'}向本机关提出，逾期视为放弃。`,
    );
    if (c.hearing_available) {
      w.para(
        `根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有要求听证的权利，如要求听证，应于收到本告知书之日起五个工作日内（至${zhDate(c.hearing_request_due)}）向本机关提出，逾期视为放弃。`,
      );
    }
    w.para(`联系人：${officers.map((o) => o.name).join('、')}`, { indent: false });
    w.signature(c.unit_name, n.noticedOn);
    fileName = `行政处罚事先告知书-${c.number}`;
  } else if (kind === 'decision') {
    const d = c.decision!;
    const evidence = await evidenceOf(db, id);
    w = new Composer(`行政处罚决定书 ${d.decisionNo}`, c.unit_name, d.decidedOn);
    w.heading(c.unit_name, '行政处罚决定书', d.decisionNo);
    w.para(partyLine(c), { indent: false });
    w.para(`${c.party_name}${c.summary}一案，本机关于${zhDate(c.opened_on)}立案调查，现已调查终结。`);
    w.para(`经查明：${factsText(d.facts, c.summary)}`);
    if (evidence.length) {
      w.para(`以上事实有下列证据证明：${evidence.map((e, i) => `${i + 1}. ${e.description}`).join('；')}。`);
    }
    w.para(
      `本机关于${zhDate(c.notice?.noticedOn)}向你（单位）送达了行政处罚事先告知书（${c.notice?.noticeNo ?? ''}），告知了拟作出行政处罚的内容及事实、理由、依据和依法享有的陈述、申辩${c.hearing_available ? '、要求听证' : ''}等权利。${c.hearing?.heldOn ? `本机关于${zhDate(c.hearing.heldOn)}举行了听证。` : c.rights_waived ? '你（单位）书面放弃上述权利。' : ''}`,
    );
    const entry = benchmarkEntry(
      (await policyVersion(db, 'benchmark', c.benchmark_version!)).content,
      c.violation_code!,
    );
    w.para(
      `你（单位）的上述行为属于“${entry.nameZh}”。依据${lawOf(d.basis)}的规定，本机关决定对你（单位）作出如下行政处罚：${penaltyText(d.kinds, d.fineAmount, d.confiscationAmount)}。`,
    );
    if (d.fineAmount > 0 || d.confiscationAmount > 0) {
      w.para(
        '请自收到本决定书之日起十五日内到指定银行或者通过电子支付系统缴纳罚没款。到期不缴纳罚款的，本机关将依据《中华人民共和国行政处罚法》第七十二条的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。',
      );
    }
    w.para(
      '如不服本处罚决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。申请行政复议或者提起行政诉讼的，行政处罚不停止执行，法律另有规定的除外。',
    );
    w.signature(c.unit_name, d.decidedOn);
    fileName = `行政处罚决定书-${c.number}`;
  } else if (kind === 'closure') {
    const close = [...entries]
      .reverse()
      .find((e) => e.action === 'close' || e.action === 'close_without_penalty');
    const details = (close?.details ?? {}) as {
      report?: string;
      reason?: string;
      reinspection?: { dueOn: string } | null;
    };
    const OUTCOME: Record<string, string> = {
      no_violation: '违法事实不能成立，不予行政处罚',
      not_punishable: '依法不予行政处罚',
      referred: '已移送有关机关处理',
      revoked: '处罚决定已撤销',
    };
    const d = c.decision;
    w = new Composer(`结案报告 ${c.number}`, c.unit_name, c.closed_on!);
    w.heading(c.unit_name, '结案报告', c.number);
    w.table([
      ['案由', c.summary],
      ['当事人', partyLine(c).replace(/^当事人：/, '')],
      ['立案日期', zhDate(c.opened_on)],
      [
        '处理结果',
        d
          ? `${d.decisionNo}：${penaltyText(d.kinds, d.fineAmount, d.confiscationAmount)}（${zhDate(d.decidedOn)}）`
          : (OUTCOME[c.outcome ?? ''] ?? '—'),
      ],
      [
        '执行情况',
        d
          ? `已缴纳罚没款${yuan(c.paid_amount)}${c.executed_on ? `；${zhDate(c.executed_on)}执行完毕` : ''}`
          : '—',
      ],
      ['结案理由', details.report ?? details.reason ?? c.outcome_reason ?? ''],
      ['处罚后复查', details.reinspection ? `应于${zhDate(details.reinspection.dueOn)}前复查` : '—'],
      ['承办人', officerText],
      ['结案日期', zhDate(c.closed_on)],
    ]);
    w.signature(c.unit_name, c.closed_on);
    fileName = `结案报告-${c.number}`;
  } else {
    const s = c.service!;
    const d = c.decision!;
    const method: Record<string, string> = {
      in_person: '直接送达',
      left_at_address: '留置送达',
      mail: '邮寄送达',
      electronic: '电子送达',
      announcement: '公告送达',
    };
    w = new Composer(`送达回证 ${d.decisionNo}`, c.unit_name, s.servedOn);
    w.heading(c.unit_name, '送达回证', null);
    w.table([
      ['送达文书', `行政处罚决定书（${d.decisionNo}）`],
      ['受送达人', c.party_name],
      ['送达地点', s.place || c.party_address],
      ['送达方式', method[s.method] ?? s.method],
      ['收件人', s.recipient],
      ['送达日期', zhDate(s.servedOn)],
      ['送达人', officerText],
      ['备注', s.onTime ? '' : `逾期送达，理由：${s.lateReason ?? ''}`],
    ]);
    w.signature(c.unit_name, s.servedOn);
    fileName = `送达回证-${c.number}`;
  }
  return w.done(footer, fileName);
}
