/**
 * The demo city: 济南市 (370100) with 历城区 (370112, where seed 002 comes from), 历下区 (370102)
 * and 章丘区 (370114). The seven departments of seed 002 annex 3, their units, and staff accounts.
 */
export const DEMO_CITY = '370100';
export const DEMO_COUNTIES = { licheng: '370112', lixia: '370102', zhangqiu: '370114' } as const;

/** How each department's office is named at city and county level (the departments themselves are reference data, migration 0002). */
export const UNIT_NAMES: Record<string, { city: string; county: string }> = {
  health: { city: '卫生健康委员会', county: '卫生健康局' },
  supervision: { city: '卫生健康监督所', county: '卫生健康监督所' },
  police: { city: '公安局', county: '公安分局' },
  approval: { city: '行政审批服务局', county: '行政审批服务局' },
  market: { city: '市场监督管理局', county: '市场监督管理局' },
  environment: { city: '生态环境局', county: '生态环境分局' },
  insurance: { city: '医疗保障局', county: '医疗保障局' },
};

/** Streets and towns of 历城区 a deployment adds below the county (GB/T 10114-style 9-digit codes). */
export const LICHENG_TOWNS = [
  '山大路街道',
  '洪家楼街道',
  '东风街道',
  '全福街道',
  '华山街道',
  '荷花路街道',
  '王舍人街道',
  '鲍山街道',
  '郭店街道',
  '唐冶街道',
  '港沟街道',
  '彩石街道',
  '遥墙街道',
  '临港街道',
  '柳埠街道',
  '仲宫街道',
  '西营街道',
];

/** Staff accounts of the demo: username, role, department, region. Every one shares the demo password. */
export const DEMO_STAFF = [
  { username: 'admin', role: 'admin', department: 'health', region: DEMO_CITY },
  { username: 'city.leader', role: 'leader', department: 'health', region: DEMO_CITY },
  { username: 'lc.approver', role: 'approver', department: 'approval', region: DEMO_COUNTIES.licheng },
  { username: 'lc.inspector1', role: 'inspector', department: 'supervision', region: DEMO_COUNTIES.licheng },
  { username: 'lc.inspector2', role: 'inspector', department: 'supervision', region: DEMO_COUNTIES.licheng },
  { username: 'lc.legal', role: 'legal_reviewer', department: 'supervision', region: DEMO_COUNTIES.licheng },
  { username: 'lc.sv.leader', role: 'leader', department: 'supervision', region: DEMO_COUNTIES.licheng },
  { username: 'lc.leader', role: 'leader', department: 'health', region: DEMO_COUNTIES.licheng },
  { username: 'lc.police', role: 'inspector', department: 'police', region: DEMO_COUNTIES.licheng },
  { username: 'lc.market', role: 'inspector', department: 'market', region: DEMO_COUNTIES.licheng },
  { username: 'lc.insurance', role: 'inspector', department: 'insurance', region: DEMO_COUNTIES.licheng },
  { username: 'lx.inspector', role: 'inspector', department: 'supervision', region: DEMO_COUNTIES.lixia },
  { username: 'zq.inspector', role: 'inspector', department: 'supervision', region: DEMO_COUNTIES.zhangqiu },
  { username: 'viewer', role: 'viewer', department: 'health', region: DEMO_CITY },
] as const;

/** The institution user of the demo, bound to a clinic of 历城区 (licensing demo); shares the demo password. */
export const DEMO_INSTITUTION_ACCOUNT = {
  username: 'clinic.demo',
  displayName: '演示诊所',
  role: 'institution',
} as const;
