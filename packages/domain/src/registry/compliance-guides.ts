import type { Citation } from '../calendar/calendar.js';
import type { EstablishmentKind } from './categories.js';
import type { EstablishmentFlag } from './establishment-fields.js';
import { SEED_002_ANNEX_3 } from './responsibility-map.js';

/**
 * 合规指引 (compliance guides) per establishment kind: who supervises ("谁来管"), what is checked
 * ("管什么"), how often and how ("怎么管") — seed 002 三(四). These are the defaults; administrators
 * edit them as data and every edit is a new version.
 */
export interface GuideDepartment {
  departmentCode: string;
  role: 'lead' | 'joint';
  matterZh: string;
  citation: Citation;
}
export interface GuideItem {
  code: string;
  nameZh: string;
  departmentCode: string;
  basisZh: string;
}
export interface GuideFrequency {
  appliesToZh: string;
  /** Establishments with any of these flags (empty = all of the kind). */
  flags: EstablishmentFlag[];
  /** Minimum share inspected per year by random draw (0.2 = 20%), or null. */
  minShare: number | null;
  /** Full coverage: every establishment at least this many times a year, or null. */
  timesPerYear: number | null;
  ruleZh: string;
  citation: Citation;
}
export interface GuideStep {
  order: number;
  nameZh: string;
  descriptionZh: string;
  departmentCode: string | null;
  citation: Citation | null;
}
export interface ComplianceGuideContent {
  titleZh: string;
  summaryZh: string;
  departments: GuideDepartment[];
  items: GuideItem[];
  frequency: GuideFrequency[];
  process: GuideStep[];
}

const S2 = (part: string, en: string): Citation => ({
  zh: `济历城卫健发〔2022〕20号 ${part}`,
  en: `Licheng Health 2022 No. 20, ${en}`,
});
const S1 = (part: string, en: string): Citation => ({
  zh: `连开委办〔2020〕107号 ${part}`,
  en: `Lianyungang Development Zone 2020 No. 107, ${en}`,
});
const ANNEX = (dept: string, en: string): Citation => ({
  zh: `${SEED_002_ANNEX_3.zh}：${dept}`,
  en: `${SEED_002_ANNEX_3.en}: ${en}`,
});
const PUBLIC_HEALTH = S1('三(六) 强化公共卫生服务监管', 'III(6) public-health services');

const RANDOM_20: GuideFrequency = {
  appliesToZh: '全部',
  flags: [],
  minShare: 0.2,
  timesPerYear: null,
  ruleZh: '“双随机、一公开”抽查，每年抽查比例不低于 20%',
  citation: S1('四(二) 强化事中事后监管', 'IV(2) random inspections, at least 20%'),
};

const PROCESS: GuideStep[] = [
  {
    order: 1,
    nameZh: '双随机抽取',
    descriptionZh: '卫生健康部门牵头制定抽查计划，随机抽取检查对象和执法人员；重点行业实行部门联合“双随机”。',
    departmentCode: 'health',
    citation: S2('三(六) 优化再造监管流程', 'III(6)'),
  },
  {
    order: 2,
    nameZh: '联合检查',
    descriptionZh: '各部门同时入场，“进一次门、查多件事，一次检查、全面体检”，按本指引的检查事项逐项检查。',
    departmentCode: null,
    citation: S2('三(六) 优化再造监管流程', 'III(6) one visit, many checks'),
  },
  {
    order: 3,
    nameZh: '结果公示',
    descriptionZh: '检查结果录入系统并依法公示，个人信息脱敏。',
    departmentCode: null,
    citation: S2('二(六) 监管结果全公开', 'II(6) results public'),
  },
  {
    order: 4,
    nameZh: '整改与复查',
    descriptionZh: '发现问题的，责令限期整改并复查；违法的依法立案查处，涉嫌犯罪的移送公安机关。',
    departmentCode: null,
    citation: S2('二(三) 监管流程全闭环', 'II(3) closed loop'),
  },
  {
    order: 5,
    nameZh: '信用记录与差异化监管',
    descriptionZh:
      '结果记入信用档案，按风险等级采取驻点式、一码监管、不良记分、非现场、承诺式信用或分级分类监管。',
    departmentCode: 'health',
    citation: S2('三(七) 完善综合监管措施', 'III(7) differentiated modes'),
  },
];

const lead = (matterZh: string, citation: Citation): GuideDepartment => ({
  departmentCode: 'health',
  role: 'lead',
  matterZh,
  citation,
});
const supervision = (citation: Citation): GuideDepartment => ({
  departmentCode: 'supervision',
  role: 'joint',
  matterZh: '现场检查与行政处罚的具体实施',
  citation,
});
const item = (code: string, nameZh: string, departmentCode: string, basisZh: string): GuideItem => ({
  code,
  nameZh,
  departmentCode,
  basisZh,
});

const MEDICAL: ComplianceGuideContent = {
  titleZh: '医疗卫生机构综合监管合规指引',
  summaryZh: '卫生健康部门牵头，公安、行政审批、市场监管、生态环境、医疗保障部门按职责分工共同监管。',
  departments: [
    lead('医疗机构运行、医疗服务质量安全和行为、医务人员和医疗技术监管', ANNEX('卫生健康部门', 'health')),
    supervision(ANNEX('卫生健康部门', 'health')),
    {
      departmentCode: 'police',
      role: 'joint',
      matterZh: '医疗秩序、伤医和非法行医犯罪',
      citation: ANNEX('公安部门', 'police'),
    },
    {
      departmentCode: 'approval',
      role: 'joint',
      matterZh: '审批登记事项、民办非企业单位登记',
      citation: ANNEX('行政审批部门', 'approval'),
    },
    {
      departmentCode: 'market',
      role: 'joint',
      matterZh: '价格、药品、医疗器械、执业药师',
      citation: ANNEX('市场监管部门', 'market'),
    },
    {
      departmentCode: 'environment',
      role: 'joint',
      matterZh: '辐射安全、医疗废物转运处置',
      citation: ANNEX('生态环境部门', 'environment'),
    },
    {
      departmentCode: 'insurance',
      role: 'joint',
      matterZh: '医保定点服务行为和医疗费用',
      citation: ANNEX('医疗保障部门', 'insurance'),
    },
  ],
  items: [
    item(
      'MED-01',
      '机构资质：执业许可证或诊所备案凭证、校验情况、登记事项与实际一致',
      'supervision',
      '《医疗机构管理条例》',
    ),
    item(
      'MED-02',
      '人员资质：医师、护士执业注册，多点执业备案，执业范围',
      'supervision',
      '《医师法》《护士条例》',
    ),
    item('MED-03', '医疗质量安全核心制度落实', 'health', '《医疗质量管理办法》'),
    item('MED-04', '传染病防治与医院感染控制、消毒隔离', 'supervision', '《传染病防治法》'),
    item('MED-05', '放射诊疗许可与放射防护', 'supervision', '《放射诊疗管理规定》'),
    item('MED-06', '医疗秩序与平安医院建设', 'police', '《治安管理处罚法》'),
    item(
      'MED-07',
      '医疗服务价格、药品与医疗器械质量',
      'market',
      '《价格法》《药品管理法》《医疗器械监督管理条例》',
    ),
    item(
      'MED-08',
      '辐射安全许可与医疗废物转运处置',
      'environment',
      '《放射性同位素与射线装置安全和防护条例》《医疗废物管理条例》',
    ),
    item('MED-09', '医保基金使用', 'insurance', '《医疗保障基金使用监督管理条例》'),
  ],
  frequency: [
    RANDOM_20,
    {
      appliesToZh: '医疗美容机构、中医备案诊所、口腔医疗机构',
      flags: ['medical_beauty', 'tcm_filed_clinic', 'dental'],
      minShare: null,
      timesPerYear: 1,
      ruleZh: '重点行业执法检查全覆盖，实行部门联合“双随机”',
      citation: S2('二(一) 重点对象全覆盖', 'II(1) key sectors in full'),
    },
    {
      appliesToZh: '个体诊所、村卫生室',
      flags: ['individual_clinic', 'village_clinic'],
      minShare: null,
      timesPerYear: 1,
      ruleZh: '差异化监督检查全覆盖',
      citation: S2('二(一) 重点对象全覆盖', 'II(1) differentiated full coverage'),
    },
  ],
  process: PROCESS,
};

function publicHealth(titleZh: string, matterZh: string, items: GuideItem[], extra: GuideDepartment[] = []) {
  return {
    titleZh,
    summaryZh: '卫生健康部门负责公共卫生监督，卫生健康监督所实施现场检查；相关许可由行政审批部门办理。',
    departments: [
      lead(matterZh, PUBLIC_HEALTH),
      supervision(PUBLIC_HEALTH),
      {
        departmentCode: 'approval',
        role: 'joint' as const,
        matterZh: '卫生许可的受理与审批',
        citation: ANNEX('行政审批部门', 'approval'),
      },
      ...extra,
    ],
    items,
    frequency: [RANDOM_20],
    process: PROCESS,
  } satisfies ComplianceGuideContent;
}

export const DEFAULT_COMPLIANCE_GUIDES: Readonly<Record<EstablishmentKind, ComplianceGuideContent>> = {
  medical: MEDICAL,
  public_place: publicHealth('公共场所卫生合规指引', '公共场所卫生监督', [
    item('PP-01', '卫生许可证（依法需要许可的场所）', 'supervision', '《公共场所卫生管理条例》'),
    item('PP-02', '从业人员健康合格证明', 'supervision', '《公共场所卫生管理条例》'),
    item(
      'PP-03',
      '卫生管理制度与档案、公共用品用具清洗消毒',
      'supervision',
      '《公共场所卫生管理条例实施细则》',
    ),
    item('PP-04', '集中空调通风系统与卫生检测', 'supervision', '《公共场所卫生管理条例实施细则》'),
  ]),
  drinking_water: publicHealth('生活饮用水卫生合规指引', '生活饮用水卫生监督', [
    item('DW-01', '供水单位卫生许可', 'supervision', '《生活饮用水卫生监督管理办法》'),
    item('DW-02', '直接从事供、管水人员健康检查', 'supervision', '《生活饮用水卫生监督管理办法》'),
    item('DW-03', '水质检测与涉水产品卫生许可批件', 'supervision', '《生活饮用水卫生监督管理办法》'),
  ]),
  disinfection: publicHealth('消毒产品生产企业合规指引', '消毒产品卫生监督', [
    item('DS-01', '生产企业卫生许可证', 'supervision', '《消毒管理办法》'),
    item('DS-02', '产品卫生安全评价与标签说明书', 'supervision', '《消毒管理办法》'),
    item('DS-03', '生产条件与质量管理', 'supervision', '《消毒管理办法》'),
  ]),
  radiation: publicHealth(
    '放射卫生合规指引',
    '放射诊疗与放射工作人员职业健康监督',
    [
      item('RD-01', '放射诊疗许可', 'supervision', '《放射诊疗管理规定》'),
      item(
        'RD-02',
        '放射工作人员个人剂量监测与职业健康检查',
        'supervision',
        '《放射工作人员职业健康管理办法》',
      ),
      item('RD-03', '辐射安全许可与防护设施', 'environment', '《放射性同位素与射线装置安全和防护条例》'),
    ],
    [
      {
        departmentCode: 'environment',
        role: 'joint',
        matterZh: '辐射安全',
        citation: ANNEX('生态环境部门', 'environment'),
      },
    ],
  ),
  school: publicHealth('学校卫生合规指引', '学校及托幼机构卫生监督', [
    item('SC-01', '教学环境与生活设施卫生', 'supervision', '《学校卫生工作条例》'),
    item('SC-02', '传染病防控与饮用水卫生', 'supervision', '《传染病防治法》《学校卫生工作条例》'),
  ]),
  occupational: publicHealth('职业卫生合规指引', '职业卫生监督', [
    item('OC-01', '职业病危害项目申报与危害因素检测', 'supervision', '《职业病防治法》'),
    item('OC-02', '劳动者职业健康检查与档案', 'supervision', '《职业病防治法》'),
  ]),
  other: publicHealth('其他监管对象合规指引', '卫生健康监督', [
    item('OT-01', '依法需要的资质与卫生管理制度', 'supervision', '相关法律法规'),
  ]),
};
