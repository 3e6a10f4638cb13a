import { OWNERSHIP_NAMES, PROFIT_NAMES, STATUS_NAMES } from './establishment-fields.js';
import type { ImportTemplate } from './template.js';

/**
 * The establishment import template (registry issue, "Import and export"): the first sheet has
 * exactly these twelve headers; the second sheet explains each column and its allowed values.
 * Export writes the same columns, so an exported file can be edited and imported again.
 */
export const ESTABLISHMENT_COLUMN_KEYS = [
  'name',
  'uscc',
  'category',
  'regionCode',
  'address',
  'legalRepresentative',
  'contactPhone',
  'ownership',
  'forProfit',
  'beds',
  'clinicalSubjects',
  'status',
] as const;
export type EstablishmentColumnKey = (typeof ESTABLISHMENT_COLUMN_KEYS)[number];

export const ESTABLISHMENT_TEMPLATE: ImportTemplate<EstablishmentColumnKey> = {
  sheetName: '机构名录',
  helpSheetName: '填写说明',
  columns: [
    {
      key: 'name',
      header: '机构名称',
      required: true,
      explainZh: '登记的机构全称',
      allowedZh: '必填，不超过 200 字',
      example: '济南示例口腔诊所',
      width: 32,
    },
    {
      key: 'uscc',
      header: '统一社会信用代码',
      required: true,
      explainZh: '18 位统一社会信用代码（GB 32100-2015），导入时据此匹配已有机构：已存在则更新，不存在则新增',
      allowedZh:
        '必填；18 位数字或大写字母（不含 I、O、Z、S、V），须通过校验位检查；校验不通过但确系登记机关核发的代码，可由有权限的人员说明理由后予以确认。请将该列设为“文本”格式',
      example: '91350100M000100Y43',
      width: 22,
    },
    {
      key: 'category',
      header: '机构类别',
      required: true,
      explainZh:
        '医疗卫生机构按 WS 218-2002 卫生机构类别代码（如 A100 综合医院、A511 口腔医院、D211 普通诊所、D600 村卫生室）；公共场所等其他监管对象使用本系统代码（S101 宾馆、酒店，S202 理发店，T100 集中式供水单位 等，见“机构类别代码”页）',
      allowedZh: '必填；填写代码（如 A100）或名称（如 综合医院）',
      example: 'D215',
      width: 14,
    },
    {
      key: 'regionCode',
      header: '行政区划代码',
      required: true,
      explainZh: '机构所在的县级（6 位）或乡镇、街道级（9 位）行政区划代码',
      allowedZh: '必填；现行有效的县级或乡镇（街道）级代码，且在您的管辖范围内',
      example: '370112',
      width: 14,
    },
    {
      key: 'address',
      header: '地址',
      required: true,
      explainZh: '执业（经营）地址',
      allowedZh: '必填，不超过 300 字',
      example: '济南市历城区示例路 1 号',
      width: 36,
    },
    {
      key: 'legalRepresentative',
      header: '法定代表人',
      required: false,
      explainZh: '法定代表人或主要负责人姓名',
      allowedZh: '选填，不超过 50 字',
      example: '张三',
      width: 12,
    },
    {
      key: 'contactPhone',
      header: '联系电话',
      required: false,
      explainZh:
        '机构联系电话。固定电话按机构信息明文保存；手机号属于个人信息，加密保存，导出时脱敏显示（如 138****5678），原样导回视为不变',
      allowedZh: '选填；手机号（11 位）、固定电话（如 0531-88886666）或 400/800 号码',
      example: '0531-88886666',
      width: 16,
    },
    {
      key: 'ownership',
      header: '举办主体',
      required: false,
      explainZh: '举办主体性质',
      allowedZh: `${Object.values(OWNERSHIP_NAMES).join(' / ')}（医疗卫生机构必填）`,
      example: '社会办',
      width: 10,
    },
    {
      key: 'forProfit',
      header: '经营性质',
      required: false,
      explainZh: '营利性或非营利性',
      allowedZh: `${PROFIT_NAMES.true} / ${PROFIT_NAMES.false}（医疗卫生机构必填）`,
      example: '营利性',
      width: 10,
    },
    {
      key: 'beds',
      header: '床位数',
      required: false,
      explainZh: '核定床位数（住宿场所为客房床位数）',
      allowedZh: '选填；不小于 0 的整数',
      example: '0',
      width: 8,
    },
    {
      key: 'clinicalSubjects',
      header: '诊疗科目',
      required: false,
      explainZh:
        '核准登记的诊疗科目，按《医疗机构诊疗科目名录》（卫医发〔1994〕27号）填写，多个用分号、逗号或顿号分隔',
      allowedZh: '仅医疗卫生机构填写；科目代码（如 03、12、03.01）或一级科目名称（如 内科、口腔科）',
      example: '12;02',
      width: 24,
    },
    {
      key: 'status',
      header: '状态',
      required: true,
      explainZh: '机构当前状态',
      allowedZh: `必填；${Object.values(STATUS_NAMES).join(' / ')}`,
      example: '执业',
      width: 8,
    },
  ],
};
