/*
 * GB 32100-2015 表1: 登记管理部门代码 (position 1) and 机构类别代码 (position 2, read with position 1).
 * Hospitals are usually 12 事业单位 (public), 52 民办非企业单位 (private non-profit) or 91 企业.
 */

export interface CodeName {
  zh: string;
  en: string;
}

export const REGISTRATION_AUTHORITIES: Readonly<Record<string, CodeName>> = {
  '1': { zh: '机构编制', en: 'Commission for public sector reform' },
  '2': { zh: '外交', en: 'Foreign affairs' },
  '3': { zh: '司法行政', en: 'Justice administration' },
  '4': { zh: '文化', en: 'Culture' },
  '5': { zh: '民政', en: 'Civil affairs' },
  '6': { zh: '旅游', en: 'Tourism' },
  '7': { zh: '宗教', en: 'Religious affairs' },
  '8': { zh: '工会', en: 'Trade unions' },
  '9': { zh: '工商', en: 'Market regulation (industry and commerce)' },
  A: { zh: '中央军委改革和编制办公室', en: 'CMC reform and organisation office' },
  N: { zh: '农业', en: 'Agriculture' },
  Y: { zh: '其他', en: 'Other' },
};

/** Keyed by positions 1–2. */
export const INSTITUTION_CATEGORIES: Readonly<Record<string, CodeName>> = {
  '11': { zh: '机关', en: 'Government organ' },
  '12': { zh: '事业单位', en: 'Public institution' },
  '13': {
    zh: '中央编办直接管理机构编制的群众团体',
    en: 'Mass organisation under the central establishment office',
  },
  '19': { zh: '其他', en: 'Other' },
  '21': { zh: '外国常驻新闻机构', en: 'Resident foreign news agency' },
  '29': { zh: '其他', en: 'Other' },
  '31': { zh: '律师执业机构', en: 'Law firm' },
  '32': { zh: '公证处', en: 'Notary office' },
  '33': { zh: '基层法律服务所', en: 'Grassroots legal service office' },
  '34': { zh: '司法鉴定机构', en: 'Forensic appraisal institution' },
  '35': { zh: '仲裁委员会', en: 'Arbitration commission' },
  '39': { zh: '其他', en: 'Other' },
  '41': { zh: '外国在华文化中心', en: 'Foreign cultural centre in China' },
  '49': { zh: '其他', en: 'Other' },
  '51': { zh: '社会团体', en: 'Social organisation' },
  '52': { zh: '民办非企业单位', en: 'Private non-enterprise unit' },
  '53': { zh: '基金会', en: 'Foundation' },
  '59': { zh: '其他', en: 'Other' },
  '61': { zh: '外国旅游部门常驻代表机构', en: 'Representative office of a foreign tourism authority' },
  '62': {
    zh: '港澳台地区旅游部门常驻内地（大陆）代表机构',
    en: 'Representative office of a Hong Kong, Macao or Taiwan tourism authority',
  },
  '69': { zh: '其他', en: 'Other' },
  '71': { zh: '宗教活动场所', en: 'Place of religious activity' },
  '72': { zh: '宗教院校', en: 'Religious college' },
  '79': { zh: '其他', en: 'Other' },
  '81': { zh: '基层工会', en: 'Grassroots trade union' },
  '89': { zh: '其他', en: 'Other' },
  '91': { zh: '企业', en: 'Enterprise' },
  '92': { zh: '个体工商户', en: 'Individual business' },
  '93': { zh: '农民专业合作社', en: "Farmers' specialised cooperative" },
  A1: { zh: '军队事业单位', en: 'Military public institution' },
  A9: { zh: '其他', en: 'Other' },
  N1: { zh: '组级集体经济组织', en: 'Group-level collective economic organisation' },
  N2: { zh: '村级集体经济组织', en: 'Village-level collective economic organisation' },
  N3: { zh: '乡镇级集体经济组织', en: 'Township-level collective economic organisation' },
  N9: { zh: '其他', en: 'Other' },
  Y1: { zh: '其他', en: 'Other' },
};
