import type { Citation } from '../calendar/calendar.js';
import {
  CREDIT_CITATIONS,
  type CreditSubjectType,
  type PenaltySeverity,
  weijianDefault,
} from './citations.js';

/**
 * 不良执业行为记分 (demerit points) for institutions and practitioners. The defaults follow the
 * Tianjin 2010 rules as the reference reports them: 1, 2, 4, 6 or 10 points per event, a one-year
 * cycle, consequences at 12, 16 and above 20 points. The behaviours listed and the consequence of
 * each band are Weijian's reading on that scale; every value is data an administrator can change.
 * Article numbers of the Regulation on Medical Institutions follow the 1994 text and its 2022
 * revision as far as they were checked; where not, the citation says so.
 */
export const DEMERIT_POINT_VALUES = [1, 2, 4, 6, 10] as const;

export interface DemeritBehaviour {
  code: string;
  /** Who the behaviour is scored on. */
  subject: CreditSubjectType;
  points: number;
  /** The act, as shown to the party. */
  actZh: string;
  actEn: string;
  /** The rule broken (the article behind the points). */
  article: Citation;
  /** Penalty violation codes (from the enforcement module) this behaviour is recorded for. */
  violationCodes: string[];
}

export const CONSEQUENCES = [
  'written_notice',
  'key_supervision',
  'meeting_with_head',
  'public_notice',
  'defer_revalidation',
  'refer_enforcement',
  'training',
  'assessment_review',
] as const;
export type Consequence = (typeof CONSEQUENCES)[number];
export const CONSEQUENCE_NAMES: Readonly<Record<Consequence, { zh: string; en: string }>> = {
  written_notice: { zh: '书面警示', en: 'Written notice' },
  key_supervision: { zh: '列为重点监管对象', en: 'Key supervision' },
  meeting_with_head: { zh: '约谈主要负责人', en: 'Meeting with the head (约谈)' },
  public_notice: { zh: '通报并向社会公示', en: 'Public notice' },
  defer_revalidation: { zh: '暂缓校验', en: 'Revalidation deferred' },
  refer_enforcement: { zh: '移送依法处理', en: 'Referred for enforcement' },
  training: { zh: '离岗培训', en: 'Training away from practice' },
  assessment_review: { zh: '定期考核重点审查', en: 'Periodic assessment reviewed' },
};

export interface DemeritBand {
  /** Points in the cycle from which the band applies (inclusive). */
  minPoints: number;
  labelZh: string;
  labelEn: string;
  consequences: Consequence[];
}

export interface DemeritCycleRule {
  /**
   * `annual`: calendar years (Tianjin). `revalidation`: the establishment's revalidation period
   * (1 year under 100 beds, else 3), counted from its licence's anchor date.
   */
  mode: 'annual' | 'revalidation';
  citation: Citation;
}

export interface DemeritRules {
  behaviours: DemeritBehaviour[];
  /** Points of a penalty whose violation code no behaviour lists, by its severity. */
  penaltyPointsBySeverity: Record<PenaltySeverity, number>;
  /** A penalty that revokes a licence scores this many. */
  revocationPoints: number;
  bands: Record<CreditSubjectType, DemeritBand[]>;
  cycle: Record<CreditSubjectType, DemeritCycleRule>;
  citation: Citation;
}

const REG = '《医疗机构管理条例》';
const a = (zh: string, en: string): Citation => ({ zh, en });

const INSTITUTION: [string, number, string, string, Citation, string[]][] = [
  [
    'I01',
    1,
    '未在明显处所悬挂执业许可证、诊疗科目、诊疗时间和收费标准',
    'Licence, subjects, hours and fees not displayed',
    a(`${REG}第二十六条`, 'Regulation on Medical Institutions art. 26'),
    ['licence_not_displayed'],
  ],
  [
    'I02',
    1,
    '医务人员上岗未佩戴载明姓名、职务或职称的标牌',
    'Staff on duty without name badges',
    a(
      `${REG}关于工作人员佩戴标牌的规定（条文序号待核）`,
      'Regulation on Medical Institutions, name-badge rule (article to be checked)',
    ),
    ['no_name_badge'],
  ],
  [
    'I03',
    2,
    '病历书写、保管不符合规定',
    'Medical records not written or kept as required',
    a('《医疗机构病历管理规定》（2013年版）', 'Provisions on Medical Records of Medical Institutions (2013)'),
    ['medical_records'],
  ],
  [
    'I04',
    2,
    '未按规定公示医疗服务价格或违规收费',
    'Prices not published or fees charged irregularly',
    a(
      '《医疗机构管理条例》及价格主管部门规定（条文序号待核）',
      'Regulation on Medical Institutions and pricing rules (article to be checked)',
    ),
    ['price_publicity'],
  ],
  [
    'I05',
    4,
    '消毒、灭菌或医院感染管理不符合规定',
    'Disinfection, sterilisation or infection control not as required',
    a(
      '《传染病防治法》第五十一条；《医院感染管理办法》',
      'Law on the Prevention and Treatment of Infectious Diseases art. 51; Measures on Hospital Infection Management',
    ),
    ['infection_control', 'disinfection'],
  ],
  [
    'I06',
    4,
    '医疗废物未按规定分类收集、暂存或交接',
    'Medical waste not sorted, stored or handed over as required',
    a('《医疗废物管理条例》第十六条、第十七条', 'Regulation on Medical Waste arts. 16–17'),
    ['medical_waste', 'medical_waste_register'],
  ],
  [
    'I07',
    4,
    '超出登记的诊疗科目范围开展诊疗活动',
    'Practising beyond the registered clinical subjects',
    a(
      `${REG}关于按核准登记的诊疗科目开展诊疗活动的规定（1994年文本第二十七条）`,
      'Regulation on Medical Institutions, registered-subjects rule (art. 27 of the 1994 text)',
    ),
    ['beyond_subjects', 'beyond_registered_scope'],
  ],
  [
    'I08',
    6,
    '使用非卫生技术人员从事医疗卫生技术工作',
    'Non-health-professionals doing clinical work',
    a(
      `${REG}关于不得使用非卫生技术人员的规定（1994年文本第二十八条）`,
      'Regulation on Medical Institutions, unqualified-staff rule (art. 28 of the 1994 text)',
    ),
    ['unqualified_staff', 'non_technical_staff'],
  ],
  [
    'I09',
    6,
    '出具虚假医学证明文件',
    'False medical certificates issued',
    a(
      `${REG}关于出具证明文件的规定（1994年文本第三十二条）`,
      'Regulation on Medical Institutions, certificates rule (art. 32 of the 1994 text)',
    ),
    ['false_certificate'],
  ],
  [
    'I10',
    6,
    '麻醉药品、精神药品管理使用不符合规定',
    'Narcotic and psychotropic drugs not managed as required',
    a(
      '《麻醉药品和精神药品管理条例》第三十六条及以下',
      'Regulation on Narcotic and Psychotropic Drugs art. 36 ff.',
    ),
    ['narcotics'],
  ],
  [
    'I11',
    10,
    '未取得或使用过期、伪造的执业许可证开展诊疗活动',
    'Practising without a valid licence',
    a(`${REG}第二十四条`, 'Regulation on Medical Institutions art. 24'),
    ['unlicensed_practice', 'illegal_practice'],
  ],
  [
    'I12',
    10,
    '造成医疗事故或重大医疗纠纷且负主要责任',
    'A medical accident with main responsibility',
    a('《医疗事故处理条例》', 'Regulation on the Handling of Medical Accidents'),
    ['medical_accident'],
  ],
  [
    'I13',
    6,
    '未取得放射诊疗许可从事放射诊疗工作',
    'Radiological diagnosis or treatment without the permit',
    a('《放射诊疗管理规定》第三十八条', 'Provisions on Radiological Diagnosis and Treatment art. 38'),
    ['radiology_without_permit'],
  ],
];

const PRACTITIONER: [string, number, string, string, Citation, string[]][] = [
  [
    'P01',
    1,
    '上岗未佩戴标牌或未按规定着装',
    'On duty without name badge',
    a(
      `${REG}关于工作人员佩戴标牌的规定（条文序号待核）`,
      'Regulation on Medical Institutions, name-badge rule (article to be checked)',
    ),
    [],
  ],
  [
    'P02',
    2,
    '病历、处方书写不规范',
    'Medical records or prescriptions not written as required',
    a(
      '《处方管理办法》；《医疗机构病历管理规定》',
      'Prescription Management Measures; Provisions on Medical Records',
    ),
    ['prescription', 'medical_records'],
  ],
  [
    'P03',
    4,
    '违反诊疗规范、技术操作规程',
    'Clinical norms or technical procedures breached',
    a('《医师法》（2021）第二十三条', 'Physicians Law (2021) art. 23'),
    ['clinical_norms'],
  ],
  [
    'P04',
    4,
    '未按规定报告传染病疫情或医疗质量安全事件',
    'Infectious disease or adverse event not reported',
    a('《传染病防治法》第三十条', 'Law on the Prevention and Treatment of Infectious Diseases art. 30'),
    ['failure_to_report'],
  ],
  [
    'P05',
    6,
    '超出注册的执业地点、类别、范围执业',
    'Practising beyond the registered place, category or scope',
    a('《医师法》（2021）第十四条', 'Physicians Law (2021) art. 14'),
    ['beyond_registration', 'physician_off_registration'],
  ],
  [
    'P06',
    6,
    '出具虚假医学证明文件',
    'False medical certificates issued',
    a('《医师法》（2021）第五十六条', 'Physicians Law (2021) art. 56'),
    ['false_certificate'],
  ],
  [
    'P07',
    10,
    '收受回扣、索要财物或牟取不正当利益且情节严重',
    'Kickbacks or improper gain, serious',
    a('《医师法》（2021）第三十一条', 'Physicians Law (2021) art. 31'),
    ['kickbacks'],
  ],
  [
    'P08',
    10,
    '未经注册或被吊销执业证书后执业',
    'Practising unregistered or after revocation',
    a('《医师法》（2021）第五十九条', 'Physicians Law (2021) art. 59'),
    ['unregistered_practice', 'illegal_practice'],
  ],
];

const behaviour =
  (subject: CreditSubjectType) =>
  ([code, points, actZh, actEn, article, violationCodes]: [
    string,
    number,
    string,
    string,
    Citation,
    string[],
  ]): DemeritBehaviour => ({
    code,
    subject,
    points,
    actZh,
    actEn,
    article,
    violationCodes,
  });

export const DEFAULT_DEMERIT_RULES: DemeritRules = {
  behaviours: [
    ...INSTITUTION.map(behaviour('establishment')),
    ...PRACTITIONER.map(behaviour('practitioner')),
  ],
  penaltyPointsBySeverity: { minor: 2, general: 4, serious: 6 },
  revocationPoints: 10,
  bands: {
    establishment: [
      {
        minPoints: 12,
        labelZh: '累计 12 分',
        labelEn: '12 points',
        consequences: ['written_notice', 'key_supervision'],
      },
      {
        minPoints: 16,
        labelZh: '累计 16 分',
        labelEn: '16 points',
        consequences: ['meeting_with_head', 'public_notice', 'key_supervision'],
      },
      {
        minPoints: 21,
        labelZh: '累计超过 20 分',
        labelEn: 'over 20 points',
        consequences: ['defer_revalidation', 'refer_enforcement', 'public_notice'],
      },
    ],
    practitioner: [
      {
        minPoints: 12,
        labelZh: '累计 12 分',
        labelEn: '12 points',
        consequences: ['written_notice', 'training'],
      },
      {
        minPoints: 16,
        labelZh: '累计 16 分',
        labelEn: '16 points',
        consequences: ['meeting_with_head', 'training'],
      },
      {
        minPoints: 21,
        labelZh: '累计超过 20 分',
        labelEn: 'over 20 points',
        consequences: ['assessment_review', 'refer_enforcement'],
      },
    ],
  },
  cycle: {
    establishment: { mode: 'annual', citation: CREDIT_CITATIONS.tianjin2010 },
    practitioner: { mode: 'annual', citation: CREDIT_CITATIONS.tianjin2010 },
  },
  citation: CREDIT_CITATIONS.tianjin2010,
};

export const PENALTY_POINTS_CITATION = weijianDefault(
  '处罚未对应具体记分行为时，按处罚严重程度记分（轻微 2、一般 4、严重 6 分；吊销许可证 10 分），分值取天津记分档次',
  'a penalty with no listed behaviour scores by severity (minor 2, general 4, serious 6; revocation 10), on the Tianjin scale',
);

/** The behaviour a penalty's violation code maps to, for a subject type. */
export function behaviourForViolation(
  rules: DemeritRules,
  subject: CreditSubjectType,
  violationCode: string | null | undefined,
): DemeritBehaviour | undefined {
  if (!violationCode) return undefined;
  return rules.behaviours.find((b) => b.subject === subject && b.violationCodes.includes(violationCode));
}

/** Points a penalty scores when recorded, and what they stand for. */
export function penaltyDemerit(
  rules: DemeritRules,
  subject: CreditSubjectType,
  penalty: { severity: PenaltySeverity; licenceRevoked: boolean; violationCode?: string | null },
): { points: number; behaviour: DemeritBehaviour | undefined; citation: Citation } {
  const b = behaviourForViolation(rules, subject, penalty.violationCode);
  const bySeverity = penalty.licenceRevoked
    ? rules.revocationPoints
    : rules.penaltyPointsBySeverity[penalty.severity];
  if (b)
    return {
      points: Math.max(b.points, penalty.licenceRevoked ? rules.revocationPoints : 0),
      behaviour: b,
      citation: b.article,
    };
  return { points: bySeverity, behaviour: undefined, citation: PENALTY_POINTS_CITATION };
}

export interface DemeritCycle {
  start: string;
  end: string;
  years: number;
}

/**
 * The cycle containing `asOf`. Annual: the calendar year. Revalidation: periods of 1 year (under
 * 100 beds) or 3 years counted from the anchor (the licence's first day), per 实施细则 art. 35.
 */
export function demeritCycle(
  rule: DemeritCycleRule,
  asOf: string,
  facts: { beds?: number | null; anchor?: string | null } = {},
): DemeritCycle {
  const year = Number(asOf.slice(0, 4));
  if (rule.mode === 'annual' || !facts.anchor) {
    return { start: `${year}-01-01`, end: `${year}-12-31`, years: 1 };
  }
  const years = (facts.beds ?? 0) >= 100 ? 3 : 1;
  const anchor = facts.anchor;
  const [ay, am, ad] = anchor.split('-').map(Number) as [number, number, number];
  const shift = (n: number) => {
    const d = new Date(Date.UTC(ay + n, am - 1, ad));
    return d.toISOString().slice(0, 10);
  };
  let k = 0;
  while (shift(k + years) <= asOf) k += years;
  const end = new Date(Date.parse(`${shift(k + years)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { start: shift(k), end, years };
}

/** The band reached by a number of points, if any (the highest whose minimum is met). */
export function demeritBand(bands: readonly DemeritBand[], points: number): DemeritBand | undefined {
  return [...bands].sort((x, y) => y.minPoints - x.minPoints).find((b) => points >= b.minPoints);
}

/** The next band above the points, for "n points to the next consequence". */
export function nextDemeritBand(bands: readonly DemeritBand[], points: number): DemeritBand | undefined {
  return [...bands].sort((x, y) => x.minPoints - y.minPoints).find((b) => points < b.minPoints);
}

/** Problems with a demerit rule set, as field paths and messages. */
export function demeritRuleProblems(r: DemeritRules): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  r.behaviours.forEach((b, i) => {
    if (!/^[A-Z][A-Z0-9_]{0,19}$/.test(b.code)) problems.push(`behaviours[${i}].code`);
    if (codes.has(b.code)) problems.push(`behaviours[${i}].code duplicate`);
    codes.add(b.code);
    if (!Number.isInteger(b.points) || b.points < 1 || b.points > 20)
      problems.push(`behaviours[${i}].points`);
  });
  for (const s of ['establishment', 'practitioner'] as const) {
    const mins = r.bands[s].map((b) => b.minPoints);
    if (mins.some((m, i) => !Number.isInteger(m) || m < 1 || (i > 0 && m <= mins[i - 1]!))) {
      problems.push(`bands.${s} (ascending positive integers expected)`);
    }
  }
  return problems;
}
