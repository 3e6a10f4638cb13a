import type { Citation } from '../calendar/calendar.js';
import type {
  CommitmentCondition,
  DataLookup,
  MaterialRequirement,
  ModelText,
  PermitGuide,
  PermitTypeDefinition,
  PermitTypeVersion,
  RevalidationRule,
} from './catalogue.js';
import { cite, type ReformMode, SEED_000, SEED_003, SEED_004 } from './modes.js';

/**
 * The shipped catalogue: the 13 items of seed 000 (Dalian FTZ, 2020) and the maternal-child items
 * of seed 004 (Guangxi, 2021), plus two environment items seed 003's joint approval needs. Every
 * default carries its citation. Where a source gives no figure, the general rule of the
 * 行政许可法 applies and says so; administrators adjust any of it as a new version.
 */

/** The 13 reform items of seed 000 (二: 备案 2, 告知承诺 1, 优化审批 10). */
export const SEED_000_ITEMS: Readonly<Record<string, string>> = {
  '000-1': '诊所设置审批（改为备案）',
  '000-2': '诊所执业登记（改为备案）',
  '000-3': '公共场所卫生许可（告知承诺）',
  '000-4': '消毒产品生产企业卫生许可',
  '000-5': '饮用水供水单位卫生许可',
  '000-6': '放射卫生技术服务机构资质认可',
  '000-7': '放射诊疗许可',
  '000-8': '设置戒毒医疗机构或者医疗机构从事戒毒治疗业务许可',
  '000-9': '计划生育技术服务机构设立许可',
  '000-10': '母婴保健专项技术服务许可',
  '000-11': '医疗机构人体器官移植执业资格认定',
  '000-12': '医疗机构（不含诊所）设置审批和执业登记',
  '000-13': '麻醉药品和第一类精神药品购用印鉴卡',
};

/** The items of seed 004 (二). */
export const SEED_004_ITEMS: Readonly<Record<string, string>> = {
  '004-1': '计划生育技术服务机构设立许可（取消，纳入母婴保健专项技术服务许可）',
  '004-2': '医疗机构开展人类辅助生殖技术许可（自治区级）',
  '004-3': '医疗机构设置人类精子库审批（自治区级）',
  '004-4': '婚前医学检查机构审批（下放县级）',
  '004-5': '产前筛查机构审批（下放县级）',
  '004-6': '婚前医学检查、产前筛查人员审批（仍由设区的市级）',
};

const LAW_42: Citation = {
  zh: '《行政许可法》第四十二条：自受理之日起二十日内作出决定（第八十二条：以工作日计算）',
  en: 'Administrative Licensing Law art. 42: decide within 20 days of acceptance (art. 82: working days)',
};
const LAW_32: Citation = {
  zh: '《行政许可法》第三十二条：申请材料不齐全的，应当当场或者在五日内一次告知申请人需要补正的全部内容',
  en: 'Administrative Licensing Law art. 32: tell the applicant everything to correct at once, on the spot or within 5 days',
};
const law = (zh: string, en: string): Citation => ({ zh, en });
const S0 = (zh: string, en: string) => cite(SEED_000, zh, en);
const S4 = (zh: string, en: string) => cite(SEED_004, zh, en);

const MEDICAL_REVALIDATION: RevalidationRule = {
  kind: 'medical_institution',
  noticeDaysBefore: 90,
  citation: law(
    '《医疗机构管理条例》第二十二条：床位不满100张的医疗机构每年校验1次，床位在100张以上的每3年校验1次，校验由原登记机关办理；《医疗机构管理条例实施细则》：校验期满前3个月申请校验',
    'Regulation on Medical Institutions art. 22: yearly under 100 beds, every 3 years from 100 beds, by the registering authority; implementing rules: apply 3 months before',
  ),
};

const material = (code: string, nameZh: string, nameEn: string, required = true): MaterialRequirement => ({
  code,
  nameZh,
  nameEn,
  required,
  removed: null,
});

const removed = (
  code: string,
  nameZh: string,
  nameEn: string,
  citation: Citation,
  replacedBy: DataLookup | null,
): MaterialRequirement => ({ code, nameZh, nameEn, required: false, removed: { citation, replacedBy } });

const APPLICATION_FORM = material('application_form', '申请书（申请表）', 'Application form');

const BUSINESS_LICENSE_COPY = (citation: Citation) =>
  removed(
    'business_license_copy',
    '营业执照复印件',
    'Copy of the business licence',
    citation,
    'market.business_license',
  );

const STEPS: Record<ReformMode, string[]> = {
  abolished: ['该事项已取消审批，不再受理申请。'],
  filing: [
    '在机构门户（/my）或窗口填写备案信息并上传材料',
    '提交后当场获得备案编号和备案凭证，无需实地勘察、检验检测或专家评审',
    '备案后卫生健康监督机构进行事后核查',
  ],
  commitment: [
    '阅读告知书列明的许可条件',
    '在线签署告知承诺书并提交申请',
    '窗口工作人员只作形式审查，当场作出许可决定',
    '承诺内容向社会公开；监督机构在规定期限内核查承诺是否属实，不实的责令限期整改，逾期不整改或整改后仍不达标的依法撤销许可',
  ],
  approval: [
    '在机构门户（/my）或窗口提交申请和材料',
    '五个工作日内受理或不予受理；材料不全的一次性告知补正内容（补正期间不计时）',
    '审查；需现场审核或专家评审的，所需时间不计入办理时限（《行政许可法》第四十五条）',
    '在承诺时限内作出书面决定；不予许可的书面说明理由',
  ],
};

function guide(summaryZh: string, summaryEn: string, mode: ReformMode, extra: string[] = []): PermitGuide {
  return {
    summaryZh,
    summaryEn,
    stepsZh: [...STEPS[mode], ...extra],
    noteZh:
      '行政许可不收取任何费用（《行政许可法》第五十八条）。可在机构门户在线办理，也可到政务服务中心窗口办理。',
  };
}

function applicationFormText(nameZh: string): ModelText {
  return {
    code: 'application_form',
    titleZh: `${nameZh}申请表（示范文本）`,
    titleEn: `Application form (model text): ${nameZh}`,
    bodyZh: [
      `申请事项：${nameZh}`,
      '申请单位名称：＿＿＿＿＿＿  统一社会信用代码：＿＿＿＿＿＿',
      '地址：＿＿＿＿＿＿  法定代表人（主要负责人）：＿＿＿＿＿＿',
      '联系人及电话：＿＿＿＿＿＿',
      '申请内容（许可项目、范围）：＿＿＿＿＿＿',
      '本单位保证所填内容和所附材料真实、有效。',
      '申请单位（盖章）        年  月  日',
    ].join('\n'),
  };
}

function commitmentText(nameZh: string, conditions: CommitmentCondition[]): ModelText {
  return {
    code: 'commitment',
    titleZh: `${nameZh}告知承诺书（示范文本）`,
    titleEn: `Notification and commitment (model text): ${nameZh}`,
    bodyZh: [
      `行政机关告知：申请${nameZh}，依法应当具备下列条件：`,
      ...conditions.map((c, i) => `${i + 1}. ${c.textZh}`),
      '申请人承诺：本单位已知悉上述条件，现已符合并将持续符合；所提交材料真实有效；',
      '愿意接受行政机关的核查；如承诺不实，愿意承担被责令限期整改、依法撤销许可并记入信用记录的后果，因虚假承诺造成的损失由本单位承担。',
      '承诺内容将向社会公开。',
      '申请人（签章）        年  月  日',
    ].join('\n'),
  };
}

interface Draft
  extends Omit<
    PermitTypeDefinition,
    | 'acceptLimitDays'
    | 'conditions'
    | 'siteInspection'
    | 'expertReview'
    | 'twoInOne'
    | 'publicNoticeDays'
    | 'verificationDays'
    | 'validityYears'
    | 'revalidation'
    | 'publication'
    | 'eligibleCategoryPrefixes'
    | 'excludedCategoryPrefixes'
    | 'replacedBy'
    | 'requiresLicenseOf'
    | 'checks'
    | 'modelTexts'
    | 'departmentCode'
  > {
  departmentCode?: string;
  conditions?: CommitmentCondition[];
  siteInspection?: boolean;
  expertReview?: boolean;
  twoInOne?: boolean;
  publicNoticeDays?: number;
  verificationDays?: number | null;
  validityYears?: number | null;
  revalidation?: RevalidationRule | null;
  publication?: PermitTypeDefinition['publication'];
  eligibleCategoryPrefixes?: string[];
  excludedCategoryPrefixes?: string[];
  replacedBy?: string | null;
  requiresLicenseOf?: string | null;
  checks?: PermitTypeDefinition['checks'];
}

function define(d: Draft): PermitTypeDefinition {
  const conditions = d.conditions ?? [];
  return {
    ...d,
    departmentCode: d.departmentCode ?? 'health',
    acceptLimitDays: 5,
    conditions,
    siteInspection: d.siteInspection ?? false,
    expertReview: d.expertReview ?? false,
    twoInOne: d.twoInOne ?? false,
    publicNoticeDays: d.publicNoticeDays ?? 0,
    verificationDays: d.verificationDays ?? null,
    validityYears: d.validityYears ?? null,
    revalidation: d.revalidation ?? null,
    publication: d.publication ?? null,
    eligibleCategoryPrefixes: d.eligibleCategoryPrefixes ?? [],
    excludedCategoryPrefixes: d.excludedCategoryPrefixes ?? [],
    replacedBy: d.replacedBy ?? null,
    requiresLicenseOf: d.requiresLicenseOf ?? null,
    checks: d.checks ?? [],
    modelTexts:
      d.mode === 'abolished'
        ? []
        : [
            applicationFormText(d.nameZh),
            ...(d.mode === 'commitment' ? [commitmentText(d.nameZh, conditions)] : []),
          ],
  };
}

const PUBLIC_PLACE_CONDITIONS: CommitmentCondition[] = [
  ['air', '室内空气质量符合《公共场所卫生指标及限值要求》（GB 37488）', 'Indoor air meets GB 37488'],
  [
    'water',
    '集中空调、沐浴、游泳用水等水质符合卫生标准',
    'Water (bathing, pool, air-conditioning) meets the standards',
  ],
  ['daylight', '采光符合卫生标准', 'Daylight meets the standard'],
  ['lighting', '照明符合卫生标准', 'Lighting meets the standard'],
  ['noise', '噪声符合卫生标准', 'Noise meets the standard'],
  [
    'utensils',
    '顾客用具清洗消毒保洁，符合卫生标准',
    'Customer articles are cleaned and disinfected to the standard',
  ],
  [
    'facilities',
    '卫生设施（通风、给排水、消毒、防虫防鼠等）齐全并正常运行',
    'Hygiene facilities are complete and working',
  ],
  [
    'staff_health',
    '从业人员取得有效健康合格证明并经卫生知识培训',
    'Staff hold valid health certificates and hygiene training',
  ],
].map(([code, textZh, textEn]) => ({ code: code!, textZh: textZh!, textEn: textEn! }));

const ART_PUBLICATION = {
  halfYearlyList: true,
  newApplicationWithinMonths: 1,
  citation: S4(
    '二（二）：每半年向社会公布1次已取得许可的医疗机构名单；接到新的设置申请后1个月内向社会公开申请机构信息；每年1月15日、7月15日前完成截至上一年度12月31日、本年度6月30日的名单复核',
    '2(2): approved list every half year (as of 31 Dec / 30 Jun, by 15 Jan / 15 Jul); new applications public within one month',
  ),
};

const DEFINITIONS: PermitTypeDefinition[] = [
  define({
    code: 'clinic_filing',
    nameZh: '诊所设置和执业备案',
    nameEn: 'Clinic filing (setting up and practice)',
    licenseNameZh: '《诊所备案凭证》',
    numberPrefix: '诊备',
    legalBasis: [law('《医疗机构管理条例》', 'Regulation on Medical Institutions'), S0('附件1', 'annex 1')],
    level: 'county',
    mode: 'filing',
    statutoryLimitDays: null,
    committedLimitDays: 0,
    materials: [
      material('filing_form', '诊所备案信息表', 'Clinic filing form'),
      material('premises', '诊所用房产权证明或者使用证明', 'Proof of the right to use the premises'),
      removed(
        'doctor_certificates',
        '医师执业证书、职称证书复印件',
        'Copies of doctors’ practising and title certificates',
        S0('附件1 二：注重对医师资质和能力的审核', 'annex 1 §2: the doctors’ qualifications are checked'),
        'registry.practitioners',
      ),
      BUSINESS_LICENSE_COPY(S0('附件1', 'annex 1')),
    ],
    verificationDays: 20,
    revalidation: MEDICAL_REVALIDATION,
    eligibleKinds: ['medical'],
    eligibleCategoryPrefixes: ['D2'],
    checks: ['clinic_doctors'],
    guide: guide(
      '取消自贸区设置诊所的规划限制，诊所设置审批和执业登记改为备案管理；重点审核医师资质：在诊所（不含中医诊所）执业的医师须取得中级及以上职称，开办专科诊所的医师须在医疗机构执业满5年。',
      'Setting up and registering a clinic became a filing; the doctors must hold an intermediate title or above (not for TCM clinics), and a specialty clinic’s doctor 5 years of practice.',
      'filing',
    ),
    seedItems: ['000-1', '000-2'],
    citation: S0(
      '附件1 一至三：诊所设置审批和执业登记改为备案管理；医师要取得中级及以上职称资格；执业满5年开办专科诊所',
      'annex 1 §§1–3: clinic approval and registration replaced by filing; intermediate title; 5 years for specialty clinics',
    ),
  }),
  define({
    code: 'public_place_hygiene',
    nameZh: '公共场所卫生许可',
    nameEn: 'Public place hygiene licence',
    licenseNameZh: '《公共场所卫生许可证》',
    numberPrefix: '卫公',
    legalBasis: [
      law('《公共场所卫生管理条例》第八条', 'Regulation on Public Place Hygiene art. 8'),
      law('《公共场所卫生管理条例实施细则》', 'Implementing rules of the Regulation on Public Place Hygiene'),
    ],
    level: 'county',
    mode: 'commitment',
    statutoryLimitDays: 20,
    committedLimitDays: 0,
    materials: [
      APPLICATION_FORM,
      material('floor_plan', '经营场所平面布局图', 'Floor plan of the premises', false),
      removed(
        'hygiene_test_report',
        '卫生检测或者评价报告',
        'Hygiene test or evaluation report',
        S0('附件2 一：对依法应当具备的条件实行告知承诺', 'annex 2 §1: conditions covered by the commitment'),
        null,
      ),
      BUSINESS_LICENSE_COPY(S0('附件2', 'annex 2')),
    ],
    conditions: PUBLIC_PLACE_CONDITIONS,
    verificationDays: 20,
    validityYears: 4,
    eligibleKinds: ['public_place'],
    guide: guide(
      '对空气、水质、采光、照明、噪音、顾客用具和卫生设施等应当具备的条件实行告知承诺，经形式审查合格后当场作出审批决定。',
      'Conditions (air, water, light, noise, articles, facilities) are committed to; after a formal review the decision is made on the spot.',
      'commitment',
    ),
    seedItems: ['000-3'],
    citation: S0(
      '附件2 一：实行告知承诺，经形式审查合格后当场作出审批决定；公示告知承诺告知书和承诺书示范文本',
      'annex 2 §1: commitment, formal review, decision on the spot; model texts published',
    ),
  }),
  define({
    code: 'disinfectant_producer',
    nameZh: '消毒产品生产企业卫生许可',
    nameEn: 'Hygiene licence of a disinfectant-product maker',
    licenseNameZh: '《消毒产品生产企业卫生许可证》',
    numberPrefix: '卫消',
    legalBasis: [
      law('《消毒管理办法》', 'Disinfection Management Measures'),
      law('《消毒产品生产企业卫生许可规定》', 'Rules on hygiene licences of disinfectant makers'),
    ],
    level: 'city',
    mode: 'approval',
    statutoryLimitDays: 20,
    committedLimitDays: 8,
    materials: [
      APPLICATION_FORM,
      material('site_plan', '厂区平面图和生产车间布局图', 'Site and workshop plans'),
      material('quality_system', '生产工艺流程和质量管理制度', 'Process flow and quality management rules'),
      BUSINESS_LICENSE_COPY(
        S0('附件3 一：不再要求提供工商营业执照复印件', 'annex 3 §1: no business-licence copy'),
      ),
    ],
    siteInspection: true,
    validityYears: 4,
    eligibleKinds: ['disinfection'],
    guide: guide(
      '不再要求提供营业执照复印件；审批时限由法定20个工作日压缩到8个工作日以内。',
      'No business-licence copy; the limit is cut from 20 to 8 working days.',
      'approval',
    ),
    seedItems: ['000-4'],
    citation: S0(
      '附件3 一：不再要求提供工商营业执照复印件，审批时限由法定20个工作日压缩到8个工作日以内',
      'annex 3 §1: no business-licence copy; 20 → 8 working days',
    ),
  }),
  define({
    code: 'water_supplier',
    nameZh: '饮用水供水单位卫生许可',
    nameEn: 'Hygiene licence of a drinking-water supplier',
    licenseNameZh: '《供水单位卫生许可证》',
    numberPrefix: '卫水',
    legalBasis: [
      law('《传染病防治法》第二十九条', 'Law on the Prevention of Infectious Diseases art. 29'),
      law('《生活饮用水卫生监督管理办法》', 'Drinking Water Hygiene Supervision Measures'),
    ],
    level: 'county',
    mode: 'approval',
    statutoryLimitDays: 20,
    committedLimitDays: 8,
    materials: [
      APPLICATION_FORM,
      material('water_test_report', '水质检验报告', 'Water quality test report'),
      material('facilities', '供水设施、净水消毒设施说明', 'Description of supply and treatment facilities'),
      removed(
        'staff_health_certificates',
        '从业人员健康体检合格证明',
        'Staff health certificates',
        S0(
          '附件3 一：不再要求提供从业人员健康体检合格证明，现场审核时督促落实体检和培训',
          'annex 3 §1: no staff health certificates; checked during the site review instead',
        ),
        null,
      ),
    ],
    siteInspection: true,
    validityYears: 4,
    eligibleKinds: ['drinking_water'],
    guide: guide(
      '不再要求提供从业人员健康体检合格证明；受理后开展现场审核，督促落实供、管水人员健康体检和卫生知识培训。',
      'No staff health certificates; the site review checks health examinations and training.',
      'approval',
    ),
    seedItems: ['000-5'],
    citation: S0('附件3 一', 'annex 3 §1'),
  }),
  define({
    code: 'radiation_service_org',
    nameZh: '放射卫生技术服务机构资质认可',
    nameEn: 'Accreditation of a radiation-health technical service organisation',
    licenseNameZh: '《放射卫生技术服务机构资质证书》',
    numberPrefix: '放技',
    legalBasis: [
      law('《职业病防治法》', 'Law on the Prevention of Occupational Diseases'),
      law('《放射卫生技术服务机构管理办法》', 'Measures on radiation-health service organisations'),
    ],
    level: 'province',
    mode: 'approval',
    statutoryLimitDays: 20,
    committedLimitDays: 8,
    materials: [
      APPLICATION_FORM,
      material('staff_list', '专业技术人员名单及资格证明', 'Technical staff and their qualifications'),
      material('instruments', '仪器设备清单及检定证书', 'Instruments and calibration certificates'),
      removed(
        'quality_manual',
        '申请单位简介、质量管理手册和程序文件目录',
        'Profile, quality manual and procedure list',
        S0('附件4 一：自2019年11月29日起取消', 'annex 4 §1: dropped from 29 Nov 2019'),
        null,
      ),
    ],
    expertReview: true,
    eligibleKinds: ['radiation'],
    eligibleCategoryPrefixes: ['V2'],
    guide: guide(
      '取消提交申请单位简介、质量管理手册和程序文件目录等材料的要求。',
      'The profile, quality manual and procedure list are no longer asked for.',
      'approval',
    ),
    seedItems: ['000-6'],
    citation: S0('附件4 一；办理时限按8个工作日承诺', 'annex 4 §1; committed limit 8 working days'),
  }),
  define({
    code: 'radiation_diagnosis',
    nameZh: '放射诊疗许可',
    nameEn: 'Radiological diagnosis and treatment licence',
    licenseNameZh: '《放射诊疗许可证》',
    numberPrefix: '放诊',
    legalBasis: [law('《放射诊疗管理规定》', 'Rules on radiological diagnosis and treatment')],
    level: 'county',
    mode: 'approval',
    statutoryLimitDays: 20,
    committedLimitDays: 8,
    materials: [
      APPLICATION_FORM,
      material('equipment', '放射诊疗设备清单', 'List of radiological equipment'),
      material(
        'evaluation',
        '放射诊疗建设项目职业病危害控制效果评价报告',
        'Control-effect evaluation of the project',
      ),
      material(
        'staff_training',
        '放射工作人员培训和健康检查资料',
        'Radiation workers’ training and health records',
      ),
    ],
    siteInspection: true,
    revalidation: {
      ...MEDICAL_REVALIDATION,
      citation: law(
        '《放射诊疗管理规定》：《放射诊疗许可证》与《医疗机构执业许可证》同时校验',
        'Rules on radiological diagnosis: revalidated together with the practice licence',
      ),
    },
    eligibleKinds: ['medical', 'radiation'],
    excludedCategoryPrefixes: ['V2'],
    guide: guide(
      '审批时限由20个工作日压减至8个工作日；不予批准的，书面说明理由。',
      'Limit cut from 20 to 8 working days; a refusal states its reasons in writing.',
      'approval',
    ),
    seedItems: ['000-7'],
    citation: S0(
      '附件4 二：审批时限由20个工作日压减至8个工作日，对合格的予以批准；不予批准的，应当书面说明理由',
      'annex 4 §2: 20 → 8 working days; refusals explained in writing',
    ),
  }),
  define({
    code: 'detox_treatment',
    nameZh: '设置戒毒医疗机构或者医疗机构从事戒毒治疗业务许可',
    nameEn: 'Licence to set up a detoxification institution or provide detoxification treatment',
    licenseNameZh: '戒毒治疗业务许可批准文件',
    numberPrefix: '戒毒',
    legalBasis: [
      law('《禁毒法》第三十六条', 'Narcotics Control Law art. 36'),
      law('《戒毒条例》', 'Regulation on Drug Rehabilitation'),
    ],
    level: 'province',
    mode: 'approval',
    statutoryLimitDays: 20,
    committedLimitDays: 8,
    materials: [
      APPLICATION_FORM,
      material('plan', '戒毒治疗业务开展方案和管理制度', 'Treatment plan and management rules'),
      material('staff', '戒毒医疗专业人员名单及资格证明', 'Detoxification staff and qualifications'),
    ],
    siteInspection: true,
    revalidation: MEDICAL_REVALIDATION,
    eligibleKinds: ['medical'],
    guide: guide('审批时限从20个工作日压减至8个工作日。', 'Limit cut from 20 to 8 working days.', 'approval'),
    seedItems: ['000-8'],
    citation: S0('附件5 一：审批时限从20个工作日压减至8个工作日', 'annex 5 §1: 20 → 8 working days'),
  }),
  define({
    code: 'maternal_special_technique',
    nameZh: '母婴保健专项技术服务许可',
    nameEn: 'Licence for special maternal and infant health techniques',
    licenseNameZh: '《母婴保健技术服务执业许可证》',
    numberPrefix: '母婴',
    legalBasis: [
      law('《母婴保健法》第三十二条', 'Maternal and Infant Health Law art. 32'),
      law(
        '《母婴保健专项技术服务许可及人员资格管理办法》（国家卫生健康委令第7号）',
        'NHC Order No. 7 on maternal-infant technique licences',
      ),
    ],
    level: 'county',
    mode: 'approval',
    statutoryLimitDays: 20,
    committedLimitDays: 20,
    materials: [
      APPLICATION_FORM,
      material(
        'technique_scope',
        '拟开展的技术项目（含结扎手术和终止妊娠手术）及实施方案',
        'Techniques applied for (incl. sterilisation and termination) and plan',
      ),
      material(
        'staff_certificates',
        '有关人员的《母婴保健技术考核合格证书》',
        'Staff maternal-infant technique certificates',
      ),
    ],
    siteInspection: true,
    revalidation: {
      kind: 'fixed',
      years: 3,
      noticeDaysBefore: 90,
      citation: S0(
        '附件7 一：《母婴保健技术服务执业许可证》3年有效期满需重新办理审批手续，改为每3年进行1次校验，校验由原登记机关办理',
        'annex 7 §1: instead of re-approval after 3 years, revalidation every 3 years by the registering authority',
      ),
    },
    eligibleKinds: ['medical'],
    guide: guide(
      '许可证有效期满重新审批改为每3年校验1次；原计划生育技术服务项目中的结扎手术和终止妊娠手术统一纳入本许可。',
      'Revalidated every 3 years instead of re-approval; sterilisation and termination of pregnancy are licensed here.',
      'approval',
    ),
    seedItems: ['000-10', '004-1'],
    citation: S0('附件7 一', 'annex 7 §1'),
  }),
  define({
    code: 'organ_transplant',
    nameZh: '医疗机构人体器官移植执业资格认定',
    nameEn: 'Human organ transplantation qualification of a medical institution',
    licenseNameZh: '人体器官移植执业资格认定批准文件',
    numberPrefix: '器移',
    legalBasis: [law('《人体器官捐献和移植条例》', 'Regulation on Human Organ Donation and Transplantation')],
    level: 'province',
    mode: 'approval',
    statutoryLimitDays: 20,
    committedLimitDays: 20,
    materials: [
      APPLICATION_FORM,
      material(
        'capacity',
        '人体器官移植技术能力说明（人员、设备、伦理委员会）',
        'Transplant capacity (staff, equipment, ethics committee)',
      ),
    ],
    expertReview: true,
    eligibleKinds: ['medical'],
    eligibleCategoryPrefixes: ['A'],
    guide: guide(
      '依照服务指南和技术规范严格审查技术能力；符合条件的予以认定并办理相关诊疗科目登记。',
      'Technical capacity is reviewed against the guide and norms; qualifying hospitals are recognised.',
      'approval',
    ),
    seedItems: ['000-11'],
    citation: S0('附件8 一（三）', 'annex 8 §1(3)'),
  }),
  define({
    code: 'medical_institution_practice',
    nameZh: '医疗机构执业登记（设置审批与执业登记两证合一）',
    nameEn: 'Practice registration of a medical institution (setting-up approval merged)',
    licenseNameZh: '《医疗机构执业许可证》',
    numberPrefix: '医执',
    legalBasis: [
      law('《医疗机构管理条例》第十五条', 'Regulation on Medical Institutions art. 15'),
      law('《医疗机构管理条例实施细则》第二十五条、第二十六条', 'Implementing rules arts. 25–26'),
    ],
    level: 'county',
    mode: 'approval',
    statutoryLimitDays: 20,
    committedLimitDays: 20,
    materials: [
      APPLICATION_FORM,
      material(
        'feasibility',
        '设置可行性研究（选址布局、功能定位、诊疗科目、人员、床位、设备）',
        'Feasibility study (site, functions, subjects, staff, beds, equipment)',
      ),
      material('premises', '医疗机构用房产权证明或者使用证明', 'Proof of the right to use the premises'),
      material('rules', '医疗机构规章制度', 'Rules of the institution'),
      material(
        'staff_list',
        '医疗机构主要负责人和各科室负责人名录及有关资格证书',
        'Heads of the institution and departments with certificates',
      ),
      removed(
        'capital_verification',
        '验资证明',
        'Capital verification certificate',
        S0(
          '附件9 一（一）、二（一）：不再提供验资证明，申请人对注册资金的真实性负责',
          'annex 9 §1(1), §2(1): no capital verification',
        ),
        null,
      ),
    ],
    siteInspection: true,
    twoInOne: true,
    publicNoticeDays: 5,
    revalidation: MEDICAL_REVALIDATION,
    eligibleKinds: ['medical'],
    excludedCategoryPrefixes: ['D2'],
    checks: ['two_in_one_exclusions'],
    guide: guide(
      '除三级医院、三级妇幼保健院、急救中心、急救站、临床检验中心、中外合资合作和港澳台独资医疗机构外，设置审批与执业登记合并为一个环节，仅发放《医疗机构执业许可证》；受理后对机构基本情况进行公示；不再提供验资证明。',
      'Except the listed types, setting-up approval and practice registration are one step; the applicant is publicly shown after acceptance; no capital verification.',
      'approval',
      ['受理后公示申请机构基本情况，公示期满后作出决定'],
    ),
    seedItems: ['000-12'],
    citation: S0(
      '附件9 一（一）：《设置医疗机构批准书》与《医疗机构执业许可证》合一，仅在执业登记时发放；受理后应当对申请登记的医疗机构基本情况进行公示',
      'annex 9 §1(1): one licence, issued at registration; public notice after acceptance',
    ),
  }),
  define({
    code: 'medical_institution_setup',
    nameZh: '设置医疗机构审批（两证合一排除类型）',
    nameEn: 'Setting-up approval of a medical institution (types excluded from 两证合一)',
    licenseNameZh: '《设置医疗机构批准书》',
    numberPrefix: '医设',
    legalBasis: [law('《医疗机构管理条例》第九条、第十条', 'Regulation on Medical Institutions arts. 9–10')],
    level: 'county',
    mode: 'approval',
    statutoryLimitDays: 20,
    committedLimitDays: 20,
    materials: [
      APPLICATION_FORM,
      material('feasibility', '可行性研究报告', 'Feasibility study'),
      material('site', '选址报告和建筑设计平面图', 'Site report and building plans'),
      removed(
        'capital_verification',
        '验资证明',
        'Capital verification certificate',
        S0('附件9 二（一）', 'annex 9 §2(1)'),
        null,
      ),
    ],
    expertReview: true,
    eligibleKinds: ['medical'],
    excludedCategoryPrefixes: ['D2'],
    checks: ['setup_only_when_excluded'],
    guide: guide(
      '仅适用于三级医院、三级妇幼保健院、急救中心、急救站、临床检验中心、中外合资合作和港澳台独资医疗机构；其他医疗机构直接申请执业登记（两证合一）。',
      'Only for the types excluded from 两证合一; other institutions apply for practice registration directly.',
      'approval',
    ),
    seedItems: ['000-12'],
    citation: S0('附件9 一（一）', 'annex 9 §1(1)'),
  }),
  define({
    code: 'narcotic_seal_card',
    nameZh: '麻醉药品和第一类精神药品购用印鉴卡',
    nameEn: 'Seal card for purchasing narcotic and class-I psychotropic drugs',
    licenseNameZh: '《麻醉药品、第一类精神药品购用印鉴卡》',
    numberPrefix: '印鉴',
    legalBasis: [
      law(
        '《麻醉药品和精神药品管理条例》第三十六条',
        'Regulation on Narcotic and Psychotropic Drugs art. 36',
      ),
    ],
    level: 'city',
    mode: 'approval',
    statutoryLimitDays: 20,
    committedLimitDays: 20,
    materials: [
      APPLICATION_FORM,
      material(
        'prescribers',
        '具有麻醉药品和第一类精神药品处方资格的执业医师名单',
        'Doctors with prescribing rights for these drugs',
      ),
      material(
        'management_rules',
        '麻醉药品和第一类精神药品安全储存和管理制度',
        'Storage and management rules',
      ),
      removed(
        'practice_license_copy',
        '《医疗机构执业许可证》副本复印件',
        'Copy of the practice licence',
        S0(
          '附件10 一：不再要求提供《医疗机构执业许可证》副本复印件',
          'annex 10 §1: no copy of the practice licence',
        ),
        'registry.practice_license',
      ),
      removed(
        'doctor_registration',
        '医师执业注册证明',
        'Doctors’ registration certificates',
        S0(
          '附件10 二：通过医师护士电子化注册系统查询核实',
          'annex 10 §2: checked in the electronic registration system',
        ),
        'registry.practitioners',
      ),
    ],
    validityYears: 3,
    eligibleKinds: ['medical'],
    checks: ['practice_license_lookup'],
    guide: guide(
      '不再要求提供《医疗机构执业许可证》副本复印件，由系统查询名录库中的执业许可证和医师电子化注册信息核实。',
      'No copy of the practice licence: the system reads the licence and the doctors’ registrations from the registry.',
      'approval',
    ),
    seedItems: ['000-13'],
    citation: S0('附件10 一、二', 'annex 10 §§1–2'),
  }),
  define({
    code: 'assisted_reproduction',
    nameZh: '医疗机构开展人类辅助生殖技术许可',
    nameEn: 'Licence for a medical institution to provide assisted reproduction',
    licenseNameZh: '《人类辅助生殖技术批准证书》',
    numberPrefix: '辅生',
    legalBasis: [law('《人类辅助生殖技术管理办法》', 'Measures on Human Assisted Reproduction Technology')],
    level: 'province',
    mode: 'approval',
    statutoryLimitDays: 20,
    committedLimitDays: 20,
    materials: [
      APPLICATION_FORM,
      material(
        'feasibility',
        '可行性报告（规划符合性、技术人员、设备、伦理委员会）',
        'Feasibility (plan, staff, equipment, ethics committee)',
      ),
    ],
    expertReview: true,
    publication: ART_PUBLICATION,
    eligibleKinds: ['medical'],
    guide: guide(
      '由自治区卫生健康委审批；接到新的申请后1个月内向社会公开申请机构信息；已取得许可的机构名单每半年公布1次。',
      'Approved at region level; new applications are public within a month; the approved list is published every half year.',
      'approval',
    ),
    seedItems: ['004-2'],
    citation: S4('二（二）1：由自治区卫生健康委审批', '2(2)1: approved by the regional health commission'),
  }),
  define({
    code: 'human_sperm_bank',
    nameZh: '医疗机构设置人类精子库审批',
    nameEn: 'Approval of a human sperm bank',
    licenseNameZh: '《人类精子库批准证书》',
    numberPrefix: '精库',
    legalBasis: [law('《人类精子库管理办法》', 'Measures on Human Sperm Banks')],
    level: 'province',
    mode: 'approval',
    statutoryLimitDays: 20,
    committedLimitDays: 20,
    materials: [APPLICATION_FORM, material('feasibility', '设置可行性报告', 'Feasibility report')],
    expertReview: true,
    publication: ART_PUBLICATION,
    eligibleKinds: ['medical'],
    guide: guide(
      '由自治区卫生健康委审批；接到新的申请后1个月内向社会公开申请机构信息；已取得许可的机构名单每半年公布1次。',
      'Approved at region level; new applications are public within a month; the approved list is published every half year.',
      'approval',
    ),
    seedItems: ['004-3'],
    citation: S4('二（二）1', '2(2)1'),
  }),
  define({
    code: 'premarital_exam_institution',
    nameZh: '婚前医学检查机构审批',
    nameEn: 'Approval of an institution for premarital medical examinations',
    licenseNameZh: '《母婴保健技术服务执业许可证》（婚前医学检查）',
    numberPrefix: '婚检',
    legalBasis: [
      law('《母婴保健专项技术服务许可及人员资格管理办法》（国家卫生健康委令第7号）', 'NHC Order No. 7'),
    ],
    level: 'county',
    mode: 'approval',
    statutoryLimitDays: 20,
    committedLimitDays: 20,
    materials: [
      APPLICATION_FORM,
      material(
        'staff_certificates',
        '有关人员的《母婴保健技术考核合格证书》',
        'Staff technique certificates',
      ),
    ],
    siteInspection: true,
    revalidation: { kind: 'fixed', years: 3, noticeDaysBefore: 90, citation: S0('附件7 一', 'annex 7 §1') },
    eligibleKinds: ['medical'],
    guide: guide(
      '自2021年7月1日起机构审批下放至县级卫生健康行政部门；人员审批仍由设区的市级卫生健康行政部门负责。',
      'Institution approval moved to county level from 1 July 2021; personnel approval stays at city level.',
      'approval',
    ),
    seedItems: ['004-4'],
    citation: S4('二（三）1（1）：审批权限下放至县级卫生健康行政部门', '2(3)1(1): moved to county level'),
  }),
  define({
    code: 'prenatal_screening_institution',
    nameZh: '产前筛查机构审批',
    nameEn: 'Approval of an institution for prenatal screening',
    licenseNameZh: '《母婴保健技术服务执业许可证》（产前筛查）',
    numberPrefix: '产筛',
    legalBasis: [
      law('《产前诊断技术管理办法》', 'Measures on Prenatal Diagnosis'),
      law('《母婴保健专项技术服务许可及人员资格管理办法》（国家卫生健康委令第7号）', 'NHC Order No. 7'),
    ],
    level: 'county',
    mode: 'approval',
    statutoryLimitDays: 20,
    committedLimitDays: 20,
    materials: [
      material(
        'registration_form',
        '申请登记书（机构基本信息、可行性、与产前诊断机构合作情况）',
        'Registration form (basics, feasibility, cooperation with a prenatal diagnosis centre)',
      ),
      material(
        'doctor_certificates',
        '有关医师的《母婴保健技术考核合格证书》或加注技术类别的《医师执业证书》',
        'Doctors’ technique certificates',
      ),
      removed(
        'practice_license',
        '《医疗机构执业许可证》及其副本',
        'Practice licence and its copy',
        S0('附件10 二（以数据查询代替纸质材料）', 'annex 10 §2 (data lookup instead of paper)'),
        'registry.practice_license',
      ),
    ],
    siteInspection: true,
    revalidation: { kind: 'fixed', years: 3, noticeDaysBefore: 90, citation: S0('附件7 一', 'annex 7 §1') },
    eligibleKinds: ['medical'],
    checks: ['practice_license_lookup'],
    guide: guide(
      '机构审批下放至县级；机构条件符合开展产前筛查技术医疗机构基本标准；《医疗机构执业许可证》由系统查询核实。',
      'Approved at county level; the practice licence is read from the registry.',
      'approval',
    ),
    seedItems: ['004-5'],
    citation: S4('二（三）1（1）、（3）', '2(3)1(1), (3)'),
  }),
  define({
    code: 'maternal_personnel_qualification',
    nameZh: '婚前医学检查、产前筛查人员资格审批',
    nameEn: 'Personnel qualification for premarital examination and prenatal screening',
    licenseNameZh: '《母婴保健技术考核合格证书》',
    numberPrefix: '母人',
    legalBasis: [
      law('《母婴保健专项技术服务许可及人员资格管理办法》（国家卫生健康委令第7号）', 'NHC Order No. 7'),
    ],
    level: 'city',
    mode: 'approval',
    statutoryLimitDays: 20,
    committedLimitDays: 20,
    materials: [
      APPLICATION_FORM,
      material('assessment', '人员考核合格材料', 'Assessment results of the staff'),
    ],
    eligibleKinds: ['medical'],
    guide: guide(
      '开展婚前医学检查、产前筛查的人员审批仍由设区的市级卫生健康行政部门负责。',
      'Personnel approval stays with the city health authority.',
      'approval',
    ),
    seedItems: ['004-6'],
    citation: S4(
      '二（三）1（1）：人员审批工作仍由设区市的卫生健康行政部门负责',
      '2(3)1(1): personnel stays at city level',
    ),
  }),
  define({
    code: 'environmental_registration',
    nameZh: '建设项目环境影响登记表备案（医疗机构）',
    nameEn: 'Environmental impact registration form filing (medical institutions)',
    licenseNameZh: '建设项目环境影响登记表备案回执',
    numberPrefix: '环备',
    legalBasis: [law('《环境影响评价法》第二十二条', 'Environmental Impact Assessment Law art. 22')],
    level: 'county',
    departmentCode: 'environment',
    mode: 'filing',
    statutoryLimitDays: null,
    committedLimitDays: 0,
    materials: [
      material('registration_form', '建设项目环境影响登记表', 'Environmental impact registration form'),
    ],
    eligibleKinds: ['medical'],
    guide: guide(
      '设置20张床位以下或环境影响很小、不需要进行环境影响评价的医疗机构，实行环境影响登记表备案管理。',
      'Institutions under 20 beds or with very small impact file a registration form instead of an assessment.',
      'filing',
    ),
    seedItems: ['003-3'],
    citation: cite(
      SEED_003,
      '二（三）：跨部门联动审批、首家受理窗口负责；设置20张床位以下的医疗机构可实行环境影响登记表备案管理',
      '2(3): joint approval with a first-accepting window; environmental registration for small institutions',
    ),
  }),
  define({
    code: 'radiation_safety_license',
    nameZh: '辐射安全许可证（使用Ⅲ类射线装置）',
    nameEn: 'Radiation safety licence (class III ray equipment)',
    licenseNameZh: '《辐射安全许可证》',
    numberPrefix: '环辐',
    legalBasis: [
      law(
        '《放射性同位素与射线装置安全和防护条例》',
        'Regulation on the Safety of Radioisotopes and Ray Equipment',
      ),
    ],
    level: 'county',
    departmentCode: 'environment',
    mode: 'approval',
    statutoryLimitDays: 20,
    committedLimitDays: 20,
    materials: [
      APPLICATION_FORM,
      material('protection', '辐射安全防护设施和管理制度', 'Protection facilities and rules'),
    ],
    siteInspection: true,
    validityYears: 5,
    eligibleKinds: ['medical', 'radiation'],
    guide: guide(
      '使用射线装置的医疗机构与放射诊疗许可一并申请的，由首家受理窗口统一受理、统一告知时限。',
      'Applied for together with the radiological licence at one window with one combined deadline.',
      'approval',
    ),
    seedItems: ['003-3'],
    citation: cite(SEED_003, '二（三）：跨部门联动审批', '2(3): joint approval across departments'),
  }),
];

/** 计划生育技术服务机构设立许可: optimised in 2020 (seed 000), abolished from 1 July 2021 (seed 004). */
const FAMILY_PLANNING_2020 = define({
  code: 'family_planning_institution',
  nameZh: '计划生育技术服务机构设立许可',
  nameEn: 'Licence to set up a family-planning technical service institution',
  licenseNameZh: '《计划生育技术服务机构执业许可证》',
  numberPrefix: '计生',
  legalBasis: [law('《计划生育技术服务管理条例》', 'Regulation on Family-Planning Technical Services')],
  level: 'city',
  mode: 'approval',
  statutoryLimitDays: 20,
  committedLimitDays: 20,
  materials: [
    APPLICATION_FORM,
    material('qualification', '机构设置条件和人员资格材料', 'Conditions and staff qualifications'),
  ],
  expertReview: true,
  revalidation: {
    kind: 'fixed',
    years: 3,
    noticeDaysBefore: 90,
    citation: S0(
      '附件6 二：每3年校验一次；暂缓校验期满仍不能通过校验的，注销',
      'annex 6 §2: revalidated every 3 years',
    ),
  },
  eligibleKinds: ['medical'],
  guide: guide(
    '取消设置审查环节，申请单位直接申请办理执业许可；经专家组实地考察、核实后作出决定。',
    'The setting-up review is dropped; the institution applies directly for the practice licence after an expert visit.',
    'approval',
  ),
  seedItems: ['000-9'],
  citation: S0(
    '附件6 一（一）、（二）：向市卫生健康委提出书面申请；经专家组实地考察、核实',
    'annex 6 §1: apply to the city; expert visit',
  ),
});

const FAMILY_PLANNING_2021: PermitTypeDefinition = {
  ...FAMILY_PLANNING_2020,
  mode: 'abolished',
  statutoryLimitDays: null,
  committedLimitDays: null,
  materials: [],
  expertReview: false,
  replacedBy: 'maternal_special_technique',
  modelTexts: [],
  guide: {
    summaryZh:
      '自2021年7月1日起取消，纳入“母婴保健专项技术服务许可”统一审批；现有《计划生育技术服务机构执业许可证》有效期到期后自动失效；结扎手术和终止妊娠手术纳入母婴保健专项技术服务许可。',
    summaryEn:
      'Abolished from 1 July 2021 and merged into the maternal-infant special technique licence; existing licences lapse at expiry.',
    stepsZh: [
      '请改为申请“母婴保健专项技术服务许可”。',
      '未完成整合的机构须先取得《医疗机构执业许可证》后方可开展诊疗活动。',
    ],
    noteZh: '现有许可证有效期到期后自动失效。',
  },
  seedItems: ['000-9', '004-1'],
  citation: S4(
    '二（一）1：自2021年7月1日起取消“计划生育技术服务机构设立许可”，纳入“母婴保健专项技术服务许可”进行统一审批管理',
    '2(1)1: abolished from 1 July 2021, merged into the maternal-infant special technique licence',
  ),
};

const SEED_000_EFFECTIVE = '2020-08-01';
const SEED_004_EFFECTIVE = '2021-07-01';

/** Every default version (version 1 of each type; the family-planning item also has its 2021 abolition). */
export const DEFAULT_PERMIT_VERSIONS: readonly PermitTypeVersion[] = [
  ...DEFINITIONS.map((definition) => ({
    code: definition.code,
    version: 1,
    effectiveFrom: definition.seedItems[0]!.startsWith('004') ? SEED_004_EFFECTIVE : SEED_000_EFFECTIVE,
    definition,
    note: '默认（来源文件）Default from the source documents',
  })),
  {
    code: FAMILY_PLANNING_2020.code,
    version: 1,
    effectiveFrom: SEED_000_EFFECTIVE,
    definition: FAMILY_PLANNING_2020,
    note: '默认（大卫健办发〔2020〕31号）',
  },
  {
    code: FAMILY_PLANNING_2021.code,
    version: 2,
    effectiveFrom: SEED_004_EFFECTIVE,
    definition: FAMILY_PLANNING_2021,
    note: '桂卫妇幼发〔2021〕15号：取消审批，纳入母婴保健专项技术服务许可',
  },
];

export const DEFAULT_PERMIT_CODES: readonly string[] = [
  ...new Set(DEFAULT_PERMIT_VERSIONS.map((v) => v.code)),
];

export const ACCEPT_LIMIT_CITATION = LAW_32;
export const DECISION_LIMIT_CITATION = LAW_42;
