import type { Citation } from '../calendar/calendar.js';

/**
 * The texts enforcement rules come from. 行政处罚法 is the 2021 revision (in force 2021-07-15);
 * article numbers follow it. Defaults that no national text fixes are marked as such, so a screen
 * can say "default, adjustable" instead of pretending to cite a law.
 */
const APL = '《中华人民共和国行政处罚法》';
const APL_EN = 'Administrative Penalty Law';

export const apl = (article: string, zh: string, en: string): Citation => ({
  zh: `${APL}第${article}条：${zh}`,
  en: `${APL_EN} art. ${toArabic(article)}: ${en}`,
});

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 八十五 → 85 (articles below 100 only). */
function toArabic(article: string): string {
  let n = 0;
  let current = 0;
  for (const ch of article) {
    if (ch === '十') {
      n += (current || 1) * 10;
      current = 0;
    } else current = DIGITS[ch] ?? 0;
  }
  return String(n + current);
}

export const TWO_OFFICERS_CITATION = apl(
  '四十二',
  '行政处罚应当由具有行政执法资格的执法人员实施，执法人员不得少于两人',
  'penalties are imposed by certified officers, at least two of them',
);
export const RECUSAL_CITATION = apl(
  '四十三',
  '执法人员与案件有直接利害关系或者有其他关系可能影响公正执法的，应当回避；回避决定由行政机关负责人决定',
  'an officer with an interest in the case withdraws; the head of the authority decides on recusal',
);
export const NOTICE_CITATION = apl(
  '四十四',
  '作出行政处罚决定之前，应当告知拟作出的行政处罚内容及事实、理由、依据，并告知当事人依法享有的陈述、申辩、要求听证等权利',
  'before deciding, the party is told the intended penalty, facts, reasons and basis, and its rights to state its case and to a hearing',
);
export const NO_HEAVIER_CITATION = apl(
  '四十五',
  '行政机关不得因当事人陈述、申辩而给予更重的处罚',
  'a penalty may not be made heavier because the party stated its case',
);
export const FULL_RECORD_CITATION = apl(
  '四十七',
  '对行政处罚的启动、调查取证、审核、决定、送达、执行等进行全过程记录，归档保存',
  'the whole procedure (opening, evidence, review, decision, service, execution) is recorded and kept',
);
export const PUBLICATION_CITATION = apl(
  '四十八',
  '具有一定社会影响的行政处罚决定应当依法公开；公开的决定被依法变更、撤销、确认违法或者确认无效的，应当在三日内撤回行政处罚决定信息并公开说明理由',
  'decisions of public consequence are published; a changed or revoked decision is withdrawn within 3 (working) days with reasons',
);
export const OPENING_CITATION = apl(
  '五十四',
  '符合立案标准的，行政机关应当及时立案',
  'a case meeting the criteria is opened promptly',
);
export const LEGAL_REVIEW_CITATION = apl(
  '五十八',
  '涉及重大公共利益、直接关系当事人或者第三人重大权益且经过听证程序、案件情况疑难复杂的，在行政机关负责人作出决定之前，应当由从事行政处罚决定法制审核的人员进行法制审核；未经法制审核或者审核未通过的，不得作出决定',
  'major decisions (public interest, heard cases, complex cases) are reviewed for legality before the head decides; no decision without a passed review',
);
export const PENALTY_DECISION_LIMIT_CITATION = apl(
  '六十',
  '行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定；法律、法规、规章另有规定的，从其规定',
  'the decision is made within 90 days of opening the case, unless another rule provides otherwise',
);
export const SERVICE_CITATION = apl(
  '六十一',
  '行政处罚决定书应当在宣告后当场交付当事人；当事人不在场的，行政机关应当在七日内依照《民事诉讼法》的有关规定送达当事人',
  'the decision is handed over on the spot, or served within 7 (working) days',
);
export const HEARING_CITATION = apl(
  '六十三',
  '拟作出较大数额罚款，没收较大数额违法所得、较大价值非法财物，降低资质等级、吊销许可证件，责令停产停业、责令关闭、限制从业，或者其他较重的行政处罚的，应当告知当事人有要求听证的权利',
  'for large fines or confiscations, downgrades, revocations, suspensions, closures, practice bans or other heavy penalties the party may ask for a hearing',
);
export const HEARING_PROCEDURE_CITATION = apl(
  '六十四',
  '当事人要求听证的，应当在行政机关告知后五日内提出；行政机关应当在举行听证的七日前通知当事人听证的时间、地点；听证由行政机关指定的非本案调查人员主持',
  'a hearing is requested within 5 (working) days of the notice; the party is told the time and place 7 (working) days before; it is chaired by someone who did not investigate the case',
);
export const PAYMENT_CITATION = apl(
  '六十七',
  '当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款',
  'a fine is paid within 15 days of receiving the decision',
);
export const SURCHARGE_CITATION = apl(
  '七十二',
  '到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额',
  'a late fine is increased by 3% of the fine per day, the increase never exceeding the fine',
);
export const WORKING_DAY_PERIODS_CITATION = apl(
  '八十五',
  '本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日',
  'only the 2, 3, 5 and 7-day periods of this law are working days; other periods are calendar days',
);
export const REFERRAL_CITATION = apl(
  '二十七',
  '违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关，依法追究刑事责任',
  'a suspected crime is referred to the judicial authorities without delay',
);
export const CALENDAR_PERIOD_CITATION: Citation = {
  zh: '《民法典》第二百零一条：开始的当日不计入；第二百零三条：期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日',
  en: 'Civil Code arts. 201 and 203: the first day is not counted; a period ending on a rest day ends on the next working day',
};
export const DOUBLE_PUBLICITY_PENALTY_CITATION: Citation = {
  zh: '“双公示”：行政处罚决定自作出之日起7个工作日内上网公开（国办发〔2018〕118号；国发〔2016〕33号）',
  en: '"Double publicity": penalty decisions go online within 7 working days (State Council General Office 2018 No. 118; State Council 2016 No. 33)',
};
export const CREDIT_REPAIR_CITATION: Citation = {
  zh: '《信用修复管理办法》（国家发展改革委，2026年4月1日起施行）：轻微失信信息原则上不公示（确需公示的不超过3个月）；一般失信信息最短公示3个月、最长1年；严重失信信息最短1年、最长3年；公示期自处罚决定之日起算，最长期满自动停止公示',
  en: 'Credit Repair Measures (NDRC, in force 2026-04-01): minor penalties not published (at most 3 months if necessary); general: 3 months to 1 year; serious: 1 to 3 years; counted from the decision date, display stops automatically at the maximum',
};
export const MINORS_NOT_PUBLISHED_CITATION: Citation = {
  zh: '《未成年人保护法》第一百零三条；各地行政处罚结果信息网上公开办法：涉及未成年人的案件不予公开',
  en: 'Minors Protection Law art. 103; local rules on online publication of penalties: cases involving minors are not published',
};
export const SEED_001_ENFORCEMENT: Citation = {
  zh: '连开委办〔2020〕107号 四（一）：全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度，落实医疗卫生行政裁量权基准制度；完善案件移送等工作制度',
  en: 'Lianyungang 2020 No. 107, 4(1): the three enforcement systems, discretion benchmarks, case transfer',
};
export const SEED_001_REINSPECTION: Citation = {
  zh: '连开委办〔2020〕107号 四（六）：加强医疗卫生机构的日常巡查、专项督查、专项整治、处罚后复查等工作',
  en: 'Lianyungang 2020 No. 107, 4(6): patrols, special checks and re-inspection after penalties',
};
export const SEED_001_COMPLAINTS: Citation = {
  zh: '连开委办〔2020〕107号 二（五）：畅通投诉举报渠道，建立投诉举报奖励制度',
  en: 'Lianyungang 2020 No. 107, 2(5): open channels for complaints and reports, with rewards',
};
/** A number the law leaves to local rules or practice: shipped as a default an administrator adjusts. */
export const LOCAL_DEFAULT = (zh: string, en: string): Citation => ({
  zh: `默认值（可由管理员调整）：${zh}`,
  en: `Default, adjustable by an administrator: ${en}`,
});
