import type { Citation } from '../calendar/calendar.js';

/**
 * 职责分工 (responsibility map): which department supervises what. The defaults transcribe seed 002
 * annex 3 (济历城卫健发〔2022〕20号 附件3 医疗服务领域“综合监管一件事”部门职责分工); administrators
 * edit them as data, and every edit is a new version.
 */
export interface DepartmentDuty {
  departmentCode: string;
  dutiesZh: string;
  dutiesEn: string;
  citation: Citation;
}

const ANNEX3 = '济历城卫健发〔2022〕20号 附件3《医疗服务领域“综合监管一件事”部门职责分工》';
const ANNEX3_EN = 'Licheng Health 2022 No. 20, annex 3 (division of duties)';

export const SEED_002_ANNEX_3: Citation = { zh: ANNEX3, en: ANNEX3_EN };

export const DEFAULT_RESPONSIBILITY_MAP: readonly DepartmentDuty[] = [
  {
    departmentCode: 'health',
    dutiesZh:
      '作为责任主体，牵头开展“综合监管一件事”制度建设，协调发起部门联合“双随机”；依法负责医疗机构的运行监管，加强医疗服务质量、安全和行为监管，负责职责范围内的执法监督，负责医疗卫生机构、医务人员、医疗技术监管。',
    dutiesEn:
      'Lead department: builds the joint-supervision system and initiates joint random inspections; supervises the operation of medical institutions, the quality, safety and conduct of medical services, institutions, medical staff and medical technology; enforcement within its remit.',
    citation: { zh: `${ANNEX3}：卫生健康部门`, en: `${ANNEX3_EN}: health` },
  },
  {
    departmentCode: 'supervision',
    dutiesZh: '承担卫生健康部门职责范围内的执法监督（现场检查、调查取证、行政处罚的具体实施）。',
    dutiesEn: "Carries out the health department's enforcement: inspections, evidence and penalties.",
    citation: {
      zh: `${ANNEX3}：卫生健康部门“负责职责范围内的执法监督”；附件1 领导小组成员含区卫生和计划生育监督所`,
      en: `${ANNEX3_EN}: health "enforcement within its remit"; annex 1 lists the supervision institute`,
    },
  },
  {
    departmentCode: 'police',
    dutiesZh:
      '依法查处打击各类扰乱正常医疗秩序、伤害医务人员等违法犯罪行为，打击非法行医犯罪活动，配合加强平安医院建设。',
    dutiesEn:
      'Fights crimes that disturb medical order or harm medical staff and the crime of illegal medical practice; supports safe-hospital work.',
    citation: { zh: `${ANNEX3}：公安部门`, en: `${ANNEX3_EN}: police` },
  },
  {
    departmentCode: 'approval',
    dutiesZh:
      '依照职责做好承接的医疗卫生审批登记事项相关许可工作；负责医疗卫生行业民办非企业单位和医疗卫生行业组织登记工作，及时与卫健部门互通信息。',
    dutiesEn:
      'Grants the health licences and registrations transferred to it; registers private non-enterprise units and organisations of the health sector; shares information with the health department.',
    citation: { zh: `${ANNEX3}：行政审批部门`, en: `${ANNEX3_EN}: administrative approval` },
  },
  {
    departmentCode: 'market',
    dutiesZh:
      '负责医疗卫生行业价格监督检查、反垄断与不正当竞争执法工作；负责药品、医疗器械的监管，负责执业药师的管理。',
    dutiesEn:
      'Price inspections, anti-monopoly and unfair-competition enforcement in the health sector; supervision of medicines and medical devices; licensed pharmacists.',
    citation: { zh: `${ANNEX3}：市场监管部门`, en: `${ANNEX3_EN}: market regulation` },
  },
  {
    departmentCode: 'environment',
    dutiesZh: '负责对医疗机构辐射安全及医疗废物转运、处置情况进行监督检查。',
    dutiesEn:
      'Inspects radiation safety and the transfer and disposal of medical waste at medical institutions.',
    citation: { zh: `${ANNEX3}：生态环境部门`, en: `${ANNEX3_EN}: environment` },
  },
  {
    departmentCode: 'insurance',
    dutiesZh:
      '按照职责监督管理纳入医保范围内医疗机构相关服务行为和医疗费用，依法查处医疗保障方面违法违规行为。',
    dutiesEn:
      'Supervises the services and costs of institutions covered by medical insurance and punishes insurance violations.',
    citation: { zh: `${ANNEX3}：医疗保障部门`, en: `${ANNEX3_EN}: medical insurance` },
  },
];
