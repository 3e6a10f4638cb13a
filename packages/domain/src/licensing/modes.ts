import type { Citation } from '../calendar/calendar.js';

/**
 * The four reform modes of 证照分离 (国发〔2019〕25号, seed 000 二、三; 国发〔2021〕7号, seed 004):
 * a permit is abolished, turned into a filing, granted on a signed commitment, or kept as an
 * approval whose service is optimised.
 */
export const REFORM_MODES = ['abolished', 'filing', 'commitment', 'approval'] as const;
export type ReformMode = (typeof REFORM_MODES)[number];

export const REFORM_MODE_NAMES: Readonly<Record<ReformMode, { zh: string; en: string }>> = {
  abolished: { zh: '直接取消审批', en: 'Approval abolished' },
  filing: { zh: '审批改为备案', en: 'Approval replaced by filing' },
  commitment: { zh: '实行告知承诺', en: 'Notification and commitment' },
  approval: { zh: '优化审批服务', en: 'Optimised approval' },
};

export const SEED_000: Citation = {
  zh: '大卫健办发〔2020〕31号《关于在辽宁自由贸易试验区（大连片区）开展“证照分离”改革全覆盖试点的通知》',
  en: 'Dalian Health Commission 2020 No. 31 on the full-coverage "separating permits from licences" pilot',
};
export const SEED_004: Citation = {
  zh: '桂卫妇幼发〔2021〕15号《广西妇幼健康领域“证照分离”改革工作实施方案》',
  en: 'Guangxi Health Commission 2021 No. 15, maternal and child health "separating permits from licences" plan',
};
export const SEED_003: Citation = {
  zh: '《进一步促进全区社会办医持续健康规范发展工作方案（征求意见稿）》',
  en: 'Autonomous-region plan for privately run medical institutions (draft for comment)',
};

export const cite = (base: Citation, partZh: string, partEn: string): Citation => ({
  zh: `${base.zh} ${partZh}`,
  en: `${base.en}, ${partEn}`,
});

export const REFORM_MODE_CITATIONS: Readonly<Record<ReformMode, Citation>> = {
  abolished: cite(SEED_004, '二（一）：直接取消计划生育技术服务机构设立许可', '2(1): permit abolished'),
  filing: cite(
    SEED_000,
    '三：原则上不得将实地勘察、检验检测、专家评审等作为备案事项的办理前提',
    '3: no site inspection, testing or expert review as a precondition of a filing',
  ),
  commitment: cite(
    SEED_000,
    '三：将企业承诺内容向社会公开…发现不符合承诺条件的，责令限期整改，逾期不整改或整改后仍达不到要求的，依法撤销许可证件',
    '3: publish the commitment; order rectification of a false one, then withdraw the licence',
  ),
  approval: cite(
    SEED_000,
    '三：压减材料和环节、优化办事流程、压缩办理时限、提高透明度',
    '3: fewer materials and steps, shorter limits, more transparency',
  ),
};

/** Levels of government that approve (审批层级). */
export const PERMIT_LEVELS = ['province', 'city', 'county'] as const;
export type PermitLevel = (typeof PERMIT_LEVELS)[number];

export const PERMIT_LEVEL_NAMES: Readonly<Record<PermitLevel, { zh: string; en: string }>> = {
  province: { zh: '省级', en: 'Province' },
  city: { zh: '设区的市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
};

/** The region code of the approving level above an establishment's region (GB/T 2260 prefixes). */
export function competentRegionCode(establishmentRegion: string, level: PermitLevel): string {
  const county = establishmentRegion.slice(0, 6);
  if (level === 'county') return county;
  if (level === 'city') return `${county.slice(0, 4)}00`;
  return `${county.slice(0, 2)}0000`;
}

/** The level of a unit's region, as an approving level (towns and villages hold none). */
export function levelOfRegion(level: string): PermitLevel | null {
  return level === 'province' || level === 'city' || level === 'county' ? level : null;
}
