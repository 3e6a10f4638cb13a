import type { Citation } from '../calendar/calendar.js';
import type { PenaltySeverity } from '../enforcement/penalties.js';

/**
 * The texts the credit rules come from. Where only a report of a text was seen, or an article
 * number could not be checked, the citation says so: these are shown next to every score, so a
 * reader must be able to tell a quoted rule from a Weijian default.
 */
export const CREDIT_CITATIONS = {
  tianjin2010: {
    zh: '天津市 2010 年医疗机构不良执业行为记分办法：每次违规记 1、2、4、6、10 分，一年为一个记分周期，累计 12 分、12–16 分、16–20 分、20 分以上分档处理（据 news.022china.com 报道；原文未取得，分档边界的开闭待核）',
    en: 'Tianjin 2010 demerit-point rules for medical institutions: 1/2/4/6/10 points per event, an annual cycle, bands at 12, 12–16, 16–20 and over 20 points (as reported by news.022china.com; the text itself was not retrieved, band boundaries to be checked)',
  },
  samr2022: {
    zh: '国市监信发〔2022〕6号《市场监管总局关于推进企业信用风险分类管理进一步提升监管效能的意见》：信用风险分为 A（低）、B（一般）、C（较高）、D（高）四类，对 A 类“无事不扰”，分类结果与“双随机、一公开”的抽查比例和频次挂钩',
    en: 'SAMR 2022 No. 6 (classified management of enterprise credit risk): classes A (low), B (ordinary), C (elevated), D (high); class A is "not disturbed without cause"; classes set random-inspection ratios and frequencies',
  },
  creditRepair2026: {
    zh: '《信用修复管理办法》（国家发展和改革委员会令第36号，2026年4月1日起施行）：失信信息分轻微、一般、严重三类；轻微原则上不公示（确需公示的不超过3个月），一般最短3个月、最长1年，严重最短1年、最长3年；修复后终止公示、停止共享和使用，同步解除失信惩戒措施（条文序号待核）',
    en: 'Credit Repair Measures (NDRC Order No. 36, in force 2026-04-01): dishonesty information is minor, general or serious; minor is normally not published (at most 3 months), general 3 months to 1 year, serious 1 to 3 years; after repair publication ends, sharing and use stop and the joint punishments are lifted (article numbers to be checked)',
  },
  seed001Credit: {
    zh: '连开委办〔2020〕107号 四(三)：建立医疗卫生机构及从业人员信用档案，实施信用分类监管，建立健全黑名单制度，加大失信惩戒力度；四(四)：公开行政许可、行政处罚、检查和不良执业行为记分等信息',
    en: 'Lianyungang Development Zone 2020 No. 107, IV(3): credit files for institutions and practitioners, classified credit supervision, a blacklist, joint punishment; IV(4): permits, penalties, inspections and demerit points are published',
  },
  seed001Risk: {
    zh: '连开委办〔2020〕107号 四(五)：建立医疗卫生风险分级管控机制，通过风险分析、异常监测、风险预警等手段实现精准管控',
    en: 'Lianyungang 2020 No. 107, IV(5): risk grading, anomaly monitoring and early warning for targeted control',
  },
  seed001Monitoring: {
    zh: '连开委办〔2020〕107号 五(三)：扩大在线监测在生活饮用水、医疗废物等方面的应用',
    en: 'Lianyungang 2020 No. 107, V(3): extend online monitoring of drinking water, medical waste and the like',
  },
  seed002Modes: {
    zh: '济历城卫健发〔2022〕20号 二(七)：对存在高危风险或既往出现过严重违法行为的机构采取驻点式监管；对既往出现过轻微违法行为的机构采取“一码监管”、不良记分监管；已安装“智慧卫监”远程监控系统的机构采取非现场监管；对一直守法经营的机构采取承诺式信用监管，减少监督频次；在医疗美容机构、口腔医疗机构推行量化分级',
    en: 'Licheng Health 2022 No. 20, II(7): stationed supervision for high risk or past serious violations; one-code and demerit supervision after minor violations; remote supervision where 智慧卫监 is installed; commitment-based credit supervision with fewer inspections for a clean record; quantitative grading of medical-beauty and dental clinics',
  },
  seed002Grading: {
    zh: '济历城卫健发〔2022〕20号 附件2 第8项：对医疗美容机构、口腔医疗机构实行量化分级管理，根据不同风险等级采取不同监管力度',
    en: 'Licheng Health 2022 No. 20, annex 2 item 8: quantitative grading of medical-beauty and dental institutions, supervision intensity by grade',
  },
  seed002Remote: {
    zh: '济历城卫健发〔2022〕20号 二(五)(六)：使用“智慧卫监”平台实现非现场监管，拓宽大数据风险预警应用',
    en: 'Licheng Health 2022 No. 20, II(5)(6): remote supervision on the 智慧卫监 platform and big-data risk warning',
  },
  seed000Commitment: {
    zh: '大卫健办发〔2020〕31号 三、四：依法查处虚假承诺、违规经营等行为并记入信用记录',
    en: 'Dalian Health 2020 No. 31, III–IV: false commitments and irregular operation are punished and entered in the credit record',
  },
  stateCouncil2015: {
    zh: '国办发〔2015〕58号：对投诉举报多、列入经营异常名录或有严重违法违规记录的市场主体加大随机抽查力度',
    en: 'State Council General Office 2015 No. 58: more random checks on entities with many complaints, on the abnormal-operations list or with serious violations',
  },
  foodRisk2016: {
    zh: '《食品生产经营风险分级管理办法（试行）》（2016）：按静态与动态风险因素评定 A–D 级，A 级每年至少检查 1 次，B 级 1–2 次，C 级 2–3 次，D 级 3–4 次（卫监按此类比设定检查频次）',
    en: 'Food production and trade risk grading measures (trial, 2016): static and dynamic factors give A–D; at least 1 check a year for A, 1–2 for B, 2–3 for C, 3–4 for D (Weijian sets frequencies by analogy)',
  },
  revalidationPeriod: {
    zh: '《医疗机构管理条例实施细则》第三十五条：床位不满 100 张的医疗机构校验期为 1 年，其他为 3 年',
    en: 'Implementing Rules of the Regulation on Medical Institutions art. 35: revalidation every year under 100 beds, otherwise every 3 years',
  },
  riskMethod: {
    zh: '卫监风险评分方法（docs/risk-model.md）：仿英国 FSA《食品法实务守则》附件5 与我国食品风险分级的静态＋动态加分制，权重与分界点公开，每项附理由代码；执法人员身份从不作为因素',
    en: "Weijian risk method (docs/risk-model.md): an additive static + dynamic points score after the FSA Food Law Code of Practice Annex 5 and China's food risk grading; weights and cut-points are published, every part carries a reason code; inspector identity is never a factor",
  },
} as const satisfies Record<string, Citation>;

/** A Weijian default where no text fixes the number: said so, with what it is modelled on. */
export function weijianDefault(zh: string, en: string): Citation {
  return {
    zh: `卫监默认值：${zh}（无全国统一规定，可由管理员调整）`,
    en: `Weijian default: ${en} (no national text fixes it; administrators adjust it)`,
  };
}

/** Penalty severity as the enforcement module reports it (轻微 / 一般 / 严重): its own type. */
export type { PenaltySeverity };
export const PENALTY_SEVERITY_NAMES: Readonly<Record<PenaltySeverity, string>> = {
  minor: '轻微',
  general: '一般',
  serious: '严重',
};

/** Whose credit file: an establishment or a practitioner. */
export const CREDIT_SUBJECT_TYPES = ['establishment', 'practitioner'] as const;
export type CreditSubjectType = (typeof CREDIT_SUBJECT_TYPES)[number];

const DAY_NUMBERS = new Map<string, number>();

/**
 * Days since 1970-01-01 of an ISO date (YYYY-MM-DD…), by integer arithmetic (H. Hinnant's
 * days_from_civil) and memoised: scoring a million files compares tens of millions of dates, and
 * Date.parse costs a microsecond each.
 */
export function dayNumber(iso: string): number {
  let v = DAY_NUMBERS.get(iso);
  if (v === undefined) {
    const y0 = Number(iso.slice(0, 4));
    const m = Number(iso.slice(5, 7));
    const d = Number(iso.slice(8, 10));
    const y = m <= 2 ? y0 - 1 : y0;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
    v = era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
    if (DAY_NUMBERS.size > 100_000) DAY_NUMBERS.clear();
    DAY_NUMBERS.set(iso, v);
  }
  return v;
}

/** Whole days from `from` to `to` (ISO dates; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** An ISO date plus n calendar days. */
export function plusDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
