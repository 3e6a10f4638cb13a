import { type EstablishmentKind, KIND_NAMES } from '../registry/categories.js';
import { DEFAULT_COMPLIANCE_GUIDES } from '../registry/compliance-guides.js';
import { DEFAULT_RESPONSIBILITY_MAP } from '../registry/responsibility-map.js';
import { defaultChecklists } from './checklists.js';

/**
 * "两清单" (seed 001 四(二)): the random-inspection item list (抽查事项清单: item, basis, object
 * kinds, department, method, ratio and frequency) and the supervision-responsibility list
 * (事中事后监管责任清单: who supervises what, on which basis, by which measures). Both are
 * versioned data; these defaults derive from the compliance guides and the responsibility map.
 */
export interface InspectionItemEntry {
  code: string;
  nameZh: string;
  basisZh: string;
  objectKinds: EstablishmentKind[];
  departmentCode: string;
  /** How it is checked (检查方式). */
  method: string;
  /** Sampling ratio (text, as the list states it). */
  ratio: string;
  /** Frequency (抽查频次). */
  frequency: string;
}

export interface ResponsibilityEntry {
  code: string;
  departmentCode: string;
  matterZh: string;
  basisZh: string;
  objectKinds: EstablishmentKind[];
  measuresZh: string;
}

const DEPARTMENT_MATTER: Readonly<Record<string, string>> = {
  health: '医疗卫生机构运行和医疗服务',
  supervision: '卫生健康监督执法',
  police: '医疗秩序',
  approval: '审批登记事项',
  market: '价格、药品和医疗器械',
  environment: '辐射安全和医疗废物处置',
  insurance: '医保基金使用',
};

export function defaultInspectionItems(): InspectionItemEntry[] {
  return defaultChecklists().map((c) => ({
    code: `${c.kind}.${c.departmentCode}`,
    nameZh: `${KIND_NAMES[c.kind].zh}${DEPARTMENT_MATTER[c.departmentCode] ?? ''}情况的抽查`,
    basisZh: [...new Set(c.items.map((i) => i.basis))].join('；'),
    objectKinds: [c.kind],
    departmentCode: c.departmentCode,
    method: '现场检查（双随机抽取检查对象和执法人员）',
    ratio: '不低于 20%；重点行业 100%',
    frequency: '每年至少一次',
  }));
}

export function defaultResponsibilities(): ResponsibilityEntry[] {
  return DEFAULT_RESPONSIBILITY_MAP.map((d) => ({
    code: d.departmentCode,
    departmentCode: d.departmentCode,
    matterZh: d.dutiesZh,
    basisZh: d.citation.zh,
    objectKinds: (Object.keys(DEFAULT_COMPLIANCE_GUIDES) as EstablishmentKind[]).filter((k) =>
      DEFAULT_COMPLIANCE_GUIDES[k].departments.some((x) => x.departmentCode === d.departmentCode),
    ),
    measuresZh: '“双随机、一公开”抽查、部门联合检查、责令整改与复查、线索移交、结果公示',
  }));
}
