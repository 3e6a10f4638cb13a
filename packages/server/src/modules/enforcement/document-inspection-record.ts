import type { CaseRow } from './case-record.js';
import { type CaseDocument, Composer, zhDate } from './document-model.js';
import type { EvidenceDto } from './evidence.js';

/**
 * 现场检查笔录: the record of the on-site inspection, after the 现场笔录 of the health enforcement
 * document templates (《卫生行政执法文书规范》, 卫生部令第87号). It is filled from the case: the
 * party, the officers with their certificate numbers (at least two, shown to the party: 《行政处罚法》
 * 第四十二条、第五十五条), what was found (the facts as recorded, or the on-site record evidence), and the
 * files taken on site with their SHA-256, so that the paper and the enforcement record match. The
 * signature lines stay blank: the party and the officers sign the printed copy on site.
 */
export function composeInspectionRecord(opts: {
  c: CaseRow;
  officers: { name: string; certificateNo: string }[];
  evidence: EvidenceDto[];
  footer: string;
}): CaseDocument {
  const { c, officers, evidence } = opts;
  const onSite = evidence.filter((e) => e.kind === 'record' || e.kind === 'photo');
  const inspectedOn = onSite[0]?.collectedOn ?? c.opened_on ?? c.proposed_on;
  const w = new Composer(`现场检查笔录 ${c.number}`, c.unit_name, inspectedOn);
  w.heading(c.unit_name, '现场检查笔录', null);
  w.table([
    ['被检查人', c.party_name],
    ['统一社会信用代码', c.party_credit_code ?? '—'],
    ['法定代表人（负责人）', c.party_representative ?? '—'],
    ['检查地点', c.party_address || '—'],
    ['检查时间', zhDate(inspectedOn)],
    ['执法人员及执法证号', officers.map((o) => `${o.name}（${o.certificateNo}）`).join('、')],
    ['案件编号', c.number],
  ]);
  w.para(
    `我们是${c.unit_name}的执法人员${officers.map((o) => o.name).join('、')}，已向你出示执法证件。现依法进行现场检查，请予配合。你有如实回答询问、协助调查的义务，也有申请执法人员回避的权利。`,
  );
  w.para('检查情况：', { indent: false, bold: true });
  const found = c.facts?.trim() || onSite.find((e) => e.kind === 'record')?.description || c.summary;
  w.para(found);
  if (onSite.length > 0) {
    w.para('现场取证：', { indent: false, bold: true });
    w.table(
      onSite.map((e, i): [string, string] => [
        `${i + 1}. ${e.description}`,
        `${e.fileName}，${zhDate(e.collectedOn)}\nSHA-256：${e.sha256}`,
      ]),
    );
  }
  w.para('以上笔录经被检查人核对，与事实相符。', { indent: false });
  w.para('被检查人（签名）：                    年    月    日', { indent: false });
  w.para('执法人员（签名）：                    年    月    日', { indent: false });
  w.para('记录人（签名）：                      年    月    日', { indent: false });
  return w.done(opts.footer, `现场检查笔录-${c.number}`);
}
