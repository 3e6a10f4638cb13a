import type { Citation } from '../calendar/calendar.js';
import { DomainError } from '../errors.js';
import {
  CIRCUMSTANCE_NAMES,
  type Circumstance,
  PENALTY_KIND_NAMES,
  PENALTY_KINDS,
  type PenaltyContent,
  type PenaltyKind,
} from './penalties.js';

/**
 * The discretion benchmark (行政裁量权基准): for each violation its legal basis, what the law allows,
 * and per circumstance (轻微/一般/严重) the suggested penalty. A decision outside the suggestion
 * needs a written reason; a decision outside what the law allows is refused. Versioned data: the
 * tiers below are the shipped defaults, which a unit replaces with its province's benchmark.
 */
export type FineRule =
  | { kind: 'amount'; min: number; max: number }
  /** A multiple of the illegal income, with a floor income (e.g. "不足一万元的，按一万元计算"). */
  | { kind: 'income_multiple'; minTimes: number; maxTimes: number; floorIncome: number };

export interface BenchmarkTier {
  descriptionZh: string;
  descriptionEn: string;
  kinds: PenaltyKind[];
  fine: FineRule | null;
}

export interface BenchmarkEntry {
  code: string;
  nameZh: string;
  nameEn: string;
  basis: Citation;
  statutory: { kinds: PenaltyKind[]; fine: FineRule | null };
  tiers: Record<Circumstance, BenchmarkTier>;
}

export interface BenchmarkTable {
  entries: BenchmarkEntry[];
  citation: Citation;
}

const tier = (zh: string, en: string, kinds: PenaltyKind[], fine: FineRule | null): BenchmarkTier => ({
  descriptionZh: zh,
  descriptionEn: en,
  kinds,
  fine,
});
const amount = (min: number, max: number): FineRule => ({ kind: 'amount', min, max });
const times = (minTimes: number, maxTimes: number): FineRule => ({
  kind: 'income_multiple',
  minTimes,
  maxTimes,
  floorIncome: 10_000,
});

export const DEFAULT_BENCHMARK: BenchmarkTable = {
  citation: {
    zh: '本系统默认裁量基准（示例档次，须以本省卫生健康行政处罚裁量基准替换）；法定幅度见各条依据',
    en: 'Shipped default benchmark (example tiers, to be replaced by the province’s benchmark); the legal ranges are in each basis',
  },
  entries: [
    {
      code: 'unlicensed_practice',
      nameZh: '未取得《医疗机构执业许可证》擅自执业',
      nameEn: 'Practising without a medical institution licence',
      basis: {
        zh: '《基本医疗卫生与健康促进法》第九十九条第一款：责令停止执业活动，没收违法所得和药品、医疗器械，并处违法所得五倍以上二十倍以下的罚款，违法所得不足一万元的，按一万元计算',
        en: 'Basic Healthcare Law art. 99(1): stop, confiscate income, medicines and devices, fine 5–20 times the income (at least counted as 10,000 yuan)',
      },
      statutory: { kinds: ['fine', 'confiscation'], fine: times(5, 20) },
      tiers: {
        minor: tier('执业时间短、未造成危害后果', 'brief, no harm', ['fine', 'confiscation'], times(5, 8)),
        general: tier(
          '执业时间较长或有一定社会影响',
          'longer, some public impact',
          ['fine', 'confiscation'],
          times(8, 14),
        ),
        serious: tier(
          '造成患者健康损害或拒不停止执业',
          'harm to patients, or refuses to stop',
          ['fine', 'confiscation'],
          times(14, 20),
        ),
      },
    },
    {
      code: 'beyond_registered_scope',
      nameZh: '诊疗活动超出登记或者备案范围',
      nameEn: 'Services beyond the registered scope',
      basis: {
        zh: '《医疗机构管理条例》（2022年修订）第四十六条：予以警告、责令其改正，没收违法所得，并可以根据情节处以1万元以上10万元以下的罚款；情节严重的，吊销其《医疗机构执业许可证》或者责令其停止执业活动',
        en: 'Regulations on Medical Institutions (2022) art. 46: warning, confiscation, fine 10,000–100,000 yuan; serious: revocation or suspension',
      },
      statutory: {
        kinds: ['warning', 'confiscation', 'fine', 'revocation', 'suspension'],
        fine: amount(10_000, 100_000),
      },
      tiers: {
        minor: tier(
          '首次发现、及时改正、未造成危害后果',
          'first time, corrected, no harm',
          ['warning', 'confiscation'],
          null,
        ),
        general: tier(
          '超范围开展一般诊疗项目',
          'ordinary services beyond scope',
          ['warning', 'confiscation', 'fine'],
          amount(10_000, 50_000),
        ),
        serious: tier(
          '开展限制类技术或造成危害后果',
          'restricted techniques or harm',
          ['confiscation', 'fine', 'revocation'],
          amount(50_000, 100_000),
        ),
      },
    },
    {
      code: 'non_technical_staff',
      nameZh: '使用非卫生技术人员从事医疗卫生技术工作',
      nameEn: 'Using unqualified staff for medical work',
      basis: {
        zh: '《医疗机构管理条例》（2022年修订）第四十七条：责令其限期改正，并可以处以1万元以上10万元以下的罚款；情节严重的，吊销其《医疗机构执业许可证》或者责令其停止执业活动',
        en: 'Regulations on Medical Institutions (2022) art. 47: rectify, fine 10,000–100,000 yuan; serious: revocation or suspension',
      },
      statutory: { kinds: ['fine', 'revocation', 'suspension'], fine: amount(10_000, 100_000) },
      tiers: {
        minor: tier('使用1人、时间短', 'one person, briefly', ['fine'], amount(10_000, 30_000)),
        general: tier('使用2人以上或时间较长', 'two or more, or longer', ['fine'], amount(30_000, 70_000)),
        serious: tier(
          '造成患者健康损害',
          'harm to patients',
          ['fine', 'revocation'],
          amount(70_000, 100_000),
        ),
      },
    },
    {
      code: 'physician_off_registration',
      nameZh: '医师未按照注册的执业地点、执业类别、执业范围执业',
      nameEn: 'Physician practising outside the registered place, category or scope',
      basis: {
        zh: '《医师法》第五十七条：责令改正，给予警告，没收违法所得，并处一万元以上三万元以下的罚款；情节严重的，责令暂停六个月以上一年以下执业活动直至吊销医师执业证书',
        en: 'Physicians Law art. 57: warning, confiscation, fine 10,000–30,000 yuan; serious: suspension of 6–12 months up to revocation',
      },
      statutory: {
        kinds: ['warning', 'confiscation', 'fine', 'suspension', 'revocation'],
        fine: amount(10_000, 30_000),
      },
      tiers: {
        minor: tier(
          '偶发、未造成危害后果',
          'occasional, no harm',
          ['warning', 'fine'],
          amount(10_000, 15_000),
        ),
        general: tier('多次发生', 'repeated', ['warning', 'confiscation', 'fine'], amount(15_000, 25_000)),
        serious: tier(
          '造成危害后果',
          'harm caused',
          ['confiscation', 'fine', 'suspension'],
          amount(25_000, 30_000),
        ),
      },
    },
    {
      code: 'public_place_no_licence',
      nameZh: '公共场所未依法取得卫生许可证擅自营业',
      nameEn: 'Public place operating without a hygiene licence',
      basis: {
        zh: '《公共场所卫生管理条例实施细则》第三十五条：责令限期改正，给予警告，并处以五百元以上五千元以下罚款；擅自营业曾受过处罚、擅自营业三个月以上或者以涂改、转让、倒卖、伪造的卫生许可证擅自营业的，处以五千元以上三万元以下罚款',
        en: 'Public Places Hygiene Rules art. 35: warning and 500–5,000 yuan; 5,000–30,000 yuan when repeated, over three months, or with a forged licence',
      },
      statutory: { kinds: ['warning', 'fine'], fine: amount(500, 30_000) },
      tiers: {
        minor: tier('擅自营业不足一个月', 'under one month', ['warning', 'fine'], amount(500, 2_000)),
        general: tier(
          '擅自营业一个月以上三个月以下',
          'one to three months',
          ['warning', 'fine'],
          amount(2_000, 5_000),
        ),
        serious: tier(
          '曾受处罚、三个月以上或伪造许可证',
          'repeated, over three months, or forged',
          ['warning', 'fine'],
          amount(5_000, 30_000),
        ),
      },
    },
    {
      code: 'public_place_health_certificate',
      nameZh: '安排未获得有效健康合格证明的从业人员直接为顾客服务',
      nameEn: 'Staff serving customers without a valid health certificate',
      basis: {
        zh: '《公共场所卫生管理条例实施细则》第三十八条：责令限期改正，给予警告，并处以五百元以上五千元以下罚款；逾期不改正的，处以五千元以上一万五千元以下罚款',
        en: 'Public Places Hygiene Rules art. 38: warning and 500–5,000 yuan; 5,000–15,000 yuan if not rectified in time',
      },
      statutory: { kinds: ['warning', 'fine'], fine: amount(500, 15_000) },
      tiers: {
        minor: tier('1人', 'one person', ['warning', 'fine'], amount(500, 1_500)),
        general: tier('2人以上', 'two or more', ['warning', 'fine'], amount(1_500, 5_000)),
        serious: tier('逾期不改正', 'not rectified in time', ['fine'], amount(5_000, 15_000)),
      },
    },
    {
      code: 'medical_waste_register',
      nameZh: '未对医疗废物进行登记或者未保存登记资料，逾期不改正',
      nameEn: 'Medical waste not registered (not rectified in time)',
      basis: {
        zh: '《医疗废物管理条例》第四十五条：责令限期改正，给予警告；逾期不改正的，处2000元以上5000元以下的罚款',
        en: 'Medical Waste Regulations art. 45: warning; 2,000–5,000 yuan if not rectified in time',
      },
      statutory: { kinds: ['warning', 'fine'], fine: amount(2_000, 5_000) },
      tiers: {
        minor: tier('限期内改正', 'rectified in time', ['warning'], null),
        general: tier('逾期未改正', 'not rectified in time', ['warning', 'fine'], amount(2_000, 3_500)),
        serious: tier(
          '逾期未改正且拒不配合',
          'not rectified, uncooperative',
          ['warning', 'fine'],
          amount(3_500, 5_000),
        ),
      },
    },
    {
      code: 'radiology_without_permit',
      nameZh: '未取得放射诊疗许可从事放射诊疗工作',
      nameEn: 'Radiological diagnosis or treatment without a permit',
      basis: {
        zh: '《放射诊疗管理规定》第三十八条：给予警告、责令限期改正，并可以根据情节处以3000元以下的罚款；情节严重的，吊销其《医疗机构执业许可证》',
        en: 'Radiological Diagnosis and Treatment Rules art. 38: warning, rectify, fine up to 3,000 yuan; serious: revocation',
      },
      statutory: { kinds: ['warning', 'fine', 'revocation'], fine: amount(0, 3_000) },
      tiers: {
        minor: tier('及时改正、未造成危害后果', 'corrected, no harm', ['warning'], null),
        general: tier('开展时间较长', 'for a longer time', ['warning', 'fine'], amount(1_000, 3_000)),
        serious: tier('造成危害后果', 'harm caused', ['warning', 'fine', 'revocation'], amount(2_000, 3_000)),
      },
    },
  ],
};

export function benchmarkEntry(table: BenchmarkTable, code: string): BenchmarkEntry {
  const e = table.entries.find((x) => x.code === code);
  if (!e) {
    throw new DomainError(
      'unknown_violation',
      `裁量基准中没有违法行为 ${code}`,
      `No violation ${code} in the benchmark`,
      {
        violations: table.entries.map((x) => x.code),
      },
    );
  }
  return e;
}

export function fineRange(rule: FineRule, illegalIncome: number): { min: number; max: number } {
  if (rule.kind === 'amount') return { min: rule.min, max: rule.max };
  const base = Math.max(illegalIncome, rule.floorIncome);
  return { min: base * rule.minTimes, max: base * rule.maxTimes };
}

export interface BenchmarkCheck {
  circumstance: Circumstance;
  suggested: {
    kinds: PenaltyKind[];
    fine: { min: number; max: number } | null;
    descriptionZh: string;
    descriptionEn: string;
  };
  statutory: { kinds: PenaltyKind[]; fine: { min: number; max: number } | null };
  /** Departures from the suggestion: allowed with a written reason. */
  deviations: { code: string; messageZh: string; messageEn: string }[];
  /** What the law does not allow: refused. */
  unlawful: { code: string; messageZh: string; messageEn: string }[];
  withinBenchmark: boolean;
}

/** Compares an intended penalty with the benchmark tier and the statutory range. */
export function checkAgainstBenchmark(
  entry: BenchmarkEntry,
  circumstance: Circumstance,
  p: PenaltyContent,
  illegalIncome = 0,
): BenchmarkCheck {
  const t = entry.tiers[circumstance];
  const suggestedFine = t.fine ? fineRange(t.fine, illegalIncome) : null;
  const statutoryFine = entry.statutory.fine ? fineRange(entry.statutory.fine, illegalIncome) : null;
  const deviations: BenchmarkCheck['deviations'] = [];
  const unlawful: BenchmarkCheck['unlawful'] = [];
  for (const k of p.kinds) {
    if (!PENALTY_KINDS.includes(k)) continue;
    if (!entry.statutory.kinds.includes(k)) {
      unlawful.push({
        code: 'kind_not_provided',
        messageZh: `依据未规定“${PENALTY_KIND_NAMES[k].zh}”`,
        messageEn: `The basis does not provide for "${PENALTY_KIND_NAMES[k].en}"`,
      });
    } else if (!t.kinds.includes(k)) {
      deviations.push({
        code: 'kind_not_suggested',
        messageZh: `“${PENALTY_KIND_NAMES[k].zh}”不在${CIRCUMSTANCE_NAMES[circumstance].zh}情节的建议处罚种类中`,
        messageEn: `"${PENALTY_KIND_NAMES[k].en}" is not suggested for ${CIRCUMSTANCE_NAMES[circumstance].en.toLowerCase()} circumstances`,
      });
    }
  }
  const fined = p.kinds.includes('fine');
  if (fined && statutoryFine && p.fineAmount > statutoryFine.max) {
    unlawful.push({
      code: 'fine_above_law',
      messageZh: `罚款 ${p.fineAmount} 元超过法定上限 ${statutoryFine.max} 元`,
      messageEn: `A fine of ${p.fineAmount} yuan exceeds the legal maximum of ${statutoryFine.max} yuan`,
    });
  }
  if (fined && suggestedFine && (p.fineAmount < suggestedFine.min || p.fineAmount > suggestedFine.max)) {
    deviations.push({
      code: p.fineAmount < suggestedFine.min ? 'fine_below_range' : 'fine_above_range',
      messageZh: `罚款 ${p.fineAmount} 元不在建议幅度 ${suggestedFine.min}–${suggestedFine.max} 元内`,
      messageEn: `A fine of ${p.fineAmount} yuan is outside the suggested ${suggestedFine.min}–${suggestedFine.max} yuan`,
    });
  }
  for (const k of t.kinds) {
    if (k !== 'confiscation' && !p.kinds.includes(k)) {
      deviations.push({
        code: 'kind_omitted',
        messageZh: `未给予建议的“${PENALTY_KIND_NAMES[k].zh}”`,
        messageEn: `The suggested "${PENALTY_KIND_NAMES[k].en}" is not given`,
      });
    }
  }
  return {
    circumstance,
    suggested: {
      kinds: t.kinds,
      fine: suggestedFine,
      descriptionZh: t.descriptionZh,
      descriptionEn: t.descriptionEn,
    },
    statutory: { kinds: entry.statutory.kinds, fine: statutoryFine },
    deviations,
    unlawful,
    withinBenchmark: deviations.length === 0,
  };
}

/**
 * Refuses a penalty the law does not allow, and one outside the benchmark without a written reason.
 * 行政处罚法 §34: 行政机关可以依法制定行政处罚裁量基准……并向社会公布.
 */
export function assertBenchmarkRespected(check: BenchmarkCheck, reason: string | null | undefined): void {
  if (check.unlawful.length) {
    throw new DomainError(
      'beyond_statutory_range',
      `拟处罚超出法定种类或幅度：${check.unlawful.map((u) => u.messageZh).join('；')}`,
      `The penalty is outside what the law allows: ${check.unlawful.map((u) => u.messageEn).join('; ')}`,
      { unlawful: check.unlawful, statutory: check.statutory },
    );
  }
  if (!check.withinBenchmark && !reason?.trim()) {
    throw new DomainError(
      'benchmark_reason_required',
      `拟处罚不在裁量基准建议范围内，须书面说明理由：${check.deviations.map((d) => d.messageZh).join('；')}`,
      `The penalty departs from the discretion benchmark; state the reason in writing: ${check.deviations.map((d) => d.messageEn).join('; ')}`,
      {
        deviations: check.deviations,
        suggested: check.suggested,
        errors: [
          {
            path: 'outsideRangeReason',
            code: 'required',
            messageZh: '请说明不按裁量基准处罚的理由',
            messageEn: 'State why the benchmark is not followed',
          },
        ],
      },
    );
  }
}

export const BENCHMARK_CITATION: Citation = {
  zh: '《行政处罚法》第三十四条：行政机关可以依法制定行政处罚裁量基准，规范行使行政处罚裁量权；连开委办〔2020〕107号 四（一）：落实医疗卫生行政裁量权基准制度',
  en: 'Administrative Penalty Law art. 34: discretion benchmarks; Lianyungang 2020 No. 107, 4(1)',
};
