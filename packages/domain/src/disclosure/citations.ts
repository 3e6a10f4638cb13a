import type { Citation } from '../calendar/calendar.js';

/**
 * The texts that decide what the public portal and the open data show. Periods and masking are here,
 * once, so that a page, an API answer and a downloaded file can never disagree.
 */
export const OPEN_BY_DEFAULT_CITATION: Citation = {
  zh: '种子文件002 二(六)：坚持“以公开为常态、以不公开为例外”原则，除涉及个人隐私、国家安全、国家秘密或公共利益信息外，监管结果全公开',
  en: 'Seed 002 II(6): supervision results are public as the rule, except personal privacy, state secrets and public interest',
};
export const PORTAL_PUBLICATION_CITATION: Citation = {
  zh: '种子文件001 四(四)：监管部门在门户网站公开医疗卫生行政许可、行政处罚、检查和不良执业行为记分等信息',
  en: 'Seed 001 IV(4): the regulator publishes licences, penalties, inspections and demerit points on its portal',
};
export const TWO_PUBLICITIES_CITATION: Citation = {
  zh: '国发〔2016〕33号、国办发〔2018〕118号：行政许可、行政处罚信息自作出决定之日起7个工作日内上网公开（“双公示”）',
  en: 'State Council 2016 No. 33 and 2018 No. 118: licensing and penalty decisions go online within 7 working days',
};
export const PENALTY_PERIOD_CITATION: Citation = {
  zh: '《信用修复管理办法》（2026年4月1日起施行）：一般失信行为公示最短3个月、最长1年，严重失信行为最短1年、最长3年，最长公示期届满自动停止公示；轻微不公示',
  en: 'Credit Repair Measures (from 2026-04-01): general 3 months–1 year, serious 1–3 years, display stops at the maximum; minor ones are not published',
};
export const WITHDRAWAL_CITATION: Citation = {
  zh: '《行政处罚法》第四十八条：公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，应当在三日内撤回并说明理由',
  en: 'Administrative Penalty Law art. 48: a changed, revoked or void decision is withdrawn from publication within 3 days, with reasons',
};
export const PRIVACY_CITATION: Citation = {
  zh: '《个人信息保护法》第六条、第二十八条；《政府信息公开条例》第十五条、第三十七条：涉及个人隐私的内容作区分处理后公开，姓名保留姓氏，证件号码、联系方式、住址不公开',
  en: 'PIPL arts. 6, 28; Open Government Information Regulations arts. 15, 37: personal data is redacted before release (surname kept; ID numbers, contacts and addresses of persons withheld)',
};
export const OFFICER_PUBLICITY_CITATION: Citation = {
  zh: '国办发〔2018〕118号（行政执法公示制度）：执法人员姓名、执法证号等身份信息向社会公开',
  en: 'State Council Office 2018 No. 118 (enforcement publicity): officers’ names and certificate numbers are public',
};
export const RANDOM_INSPECTION_CITATION: Citation = {
  zh: '国办发〔2015〕58号：“双随机、一公开”，抽查情况及查处结果及时向社会公开',
  en: 'State Council Office 2015 No. 58: random inspections and their results are published',
};
export const BLACKLIST_CITATION: Citation = {
  zh: '种子文件002 二(七)及信用监管规则：列入严重失信名单并标记公示的主体，在名单期限内公示，移出后停止公示',
  en: 'Seed 002 II(7) and the credit rules: blacklist entries marked for publication are shown while listed, and no longer once removed',
};
export const REVOCATION_CITATION: Citation = {
  zh: '《行政处罚法》第九条（吊销许可证件为行政处罚）与《信用修复管理办法》：吊销、撤销许可作为严重失信信息，自决定之日起最长公示3年',
  en: 'Administrative Penalty Law art. 9 (revocation is a penalty) and the Credit Repair Measures: revoked and withdrawn licences are shown for at most 3 years from the decision',
};
export const ART_LIST_CITATION: Citation = {
  zh: '种子文件004：经批准开展人类辅助生殖技术的机构和人类精子库名单每半年向社会公布一次；新申请在受理后一个月内公示',
  en: 'Seed 004: approved assisted-reproduction institutions and sperm banks are listed half-yearly; new applications are published within a month',
};
export const COMMITMENT_CITATION: Citation = {
  zh: '种子文件000 三：实行告知承诺制的，将企业承诺内容向社会公开，接受社会监督',
  en: 'Seed 000 III: for permits granted on commitment, what the establishment committed to is made public',
};
export const SUPERVISION_MODE_PUBLICITY_CITATION: Citation = {
  zh: '济历城卫健发〔2022〕20号（种子文件002）二(七)：对既往出现过轻微违法行为的机构采取“一码监管”、不良记分监管，加强社会监督和行业自律；对守法经营的机构采取承诺式信用监管；在医疗美容、口腔医疗机构推行量化分级；二(六)：监管结果以公开为常态',
  en: 'Seed 002 II(7): one-code and demerit supervision "strengthen social supervision"; commitment-based credit supervision for a clean record; quantitative grading of medical-beauty and dental clinics; II(6): supervision results are public as the rule',
};
export const SUPERVISION_MODE_WITHHELD_CITATION: Citation = {
  zh: '《政府信息公开条例》第十六条：内部工作流程及履职过程中形成的过程性信息可以不予公开。驻点式监管、非现场监管由内部风险分级（高危风险）和远程监控安排决定，公开会提示抽查力度，不予公开',
  en: 'Open Government Information Regulations art. 16: internal working information may be withheld. Stationed and remote supervision follow the internal risk grading and monitoring arrangements, which would reveal inspection intensity, so they are not published',
};
