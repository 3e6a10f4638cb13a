/**
 * Permissions are named actions, declared once here; roles are sets of them that an administrator
 * can adjust (the defaults below seed the built-in roles). Modules add their actions as they land.
 */
export const PERMISSIONS = {
  'identity.user.read': '查看用户 View users',
  'identity.user.manage': '管理用户 Create, edit and disable users, reset passwords and second factors',
  'identity.role.manage': '管理角色 Edit roles and their permissions',
  'identity.unit.manage': '管理单位 Create and edit units',
  'identity.region.manage': '管理区划 Add street/town regions',
  'identity.scope.all-departments':
    '跨部门管理 Administer users, units and audit records of every department in the region',
  'identity.audit.read': '查看审计日志 Read and export the audit trail',
  'identity.person.read-sensitive': '查看完整个人信息 See full ID and phone numbers (itself audited)',
  'identity.api-key.manage': "管理接口密钥 Create and revoke the establishment's API keys",
  'calendar.arrangement.manage': '维护放假安排 Enter and approve holiday arrangements',
  'registry.read': '查看监管对象名录 View establishments, practitioners, compliance guides',
  'registry.edit': '维护监管对象名录 Create and edit establishments, practitioners, multi-site filings',
  'registry.import': '导入名录 Import establishments and practitioners from spreadsheets',
  'registry.export': '导出名录 Export filtered lists to Excel',
  'registry.uscc.accept':
    '确认校验未通过的统一社会信用代码 Accept a credit code that fails its check, with a reason',
  'registry.guide.manage': '维护合规指引和职责分工 Edit compliance guides and the responsibility map',
  'licensing.read': '查看许可 View applications, licences, revalidations and the licensing inbox',
  'licensing.apply':
    '申请许可 Apply (institutions for themselves, window staff on their behalf), upload materials, sign commitments',
  'licensing.decide': '审批许可 Accept, review and decide applications; act on licences and revalidations',
  'licensing.verify': '核查承诺 Verify commitments and check filings after the decision',
  'licensing.catalogue.manage':
    '维护事项清单 Edit the permit catalogue (each edit a new version) and licensing settings',
  'licensing.report.read':
    '许可统计 On-time rates, escalated overdue items and the yearly evaluation figures',
  'inspection.read':
    '查看双随机抽查 View checklists, lists, the roster, campaigns, inspections and their figures',
  'inspection.checklist.manage':
    '维护一表两清单 Edit checklists, the item list, the responsibility list and the policy values',
  'inspection.roster.manage':
    '维护执法人员名录库 Add and edit officers and record their conflicts of interest',
  'inspection.conflict.declare': '申报回避 Declare one’s own conflicts of interest',
  'inspection.campaign.manage': '编制抽查计划 Plan campaigns, close the pool, draw, replace closed targets',
  'inspection.campaign.approve': '批准抽查计划 Approve and publish campaign plans (not one’s own)',
  'inspection.inspection.record':
    '录入检查结果 Record inspections: form, photos, findings, rectification orders, leads',
  'inspection.result.publish': '公示检查结果 Publish inspection results',
  'complaint.read': '查看投诉举报 View complaints and reports of one’s unit (reporters’ identities masked)',
  'complaint.handle': '办理投诉举报 Enter, accept, route, conclude and answer complaints; record rewards',
  'complaint.reporter.read':
    '查看举报人身份 See a reporter’s identity (handling unit only; each reading is audited)',
  'enforcement.read':
    '查看线索与案件 View leads, cases, their records and documents, referrals and publications',
  'enforcement.investigate':
    '执法办案 Triage leads, propose cases, collect evidence, notify, hear, serve, execute, refer',
  'enforcement.review': '法制审核 Review major decisions for legality (not in cases one handled)',
  'enforcement.approve': '审批案件 Approve opening, recusals, extensions, decisions and closure',
  'enforcement.publish': '执法公示 Publish penalty decisions and record credit repair',
  'enforcement.policy.manage':
    '维护裁量基准和执法设置 Edit the discretion benchmark and enforcement settings (each edit a new version)',
  'credit.read':
    '查看信用与风险 View credit files, demerit points, credit and risk levels, modes, the blacklist, gradings and warnings',
  'credit.demerit.record':
    '记录不良执业行为记分 Record demerit points from findings and penalties, and revoke them with a reason',
  'credit.override':
    '调整监管方式和等级 Override an establishment’s mode, risk level or credit level with a written reason',
  'credit.blacklist.manage': '管理黑名单 Decide credit-repair applications, end expired listings',
  'credit.blacklist.propose':
    '提议列入或移出黑名单 Propose a listing on, or a removal from, the blacklist (another officer approves)',
  'credit.blacklist.approve':
    '审核黑名单提议 Approve or reject blacklist proposals made by another officer (four-eyes)',
  'credit.blacklist.defend':
    '陈述申辩 State (or record) the subject’s defence against a proposed blacklist listing',
  'credit.grading.record': '量化分级评定 Record quantitative grading of medical-beauty and dental clinics',
  'credit.alert.handle':
    '处置风险预警 Assign, check and handle warnings; run the warning scan and escalation',
  'credit.rules.manage':
    '维护信用与风险规则 Edit credit, risk, mode, grading and warning rules (each edit a new version), narcotic quotas; recompute',
  'credit.monitoring.upload': '上传监测数据 Upload monitoring batches (institutions’ systems, with API keys)',
  'credit.repair.apply': '申请信用修复 Apply for credit repair to leave the blacklist',
  'oversight.read':
    '查看监管驾驶舱 View the dashboard, the records behind its figures, grids and their open items',
  'oversight.report': '生成监管报告 Generate the evaluation, random-inspection and monthly reports',
  'oversight.grid.manage':
    '管理网格 Define grids (areas, staff, duties), plan and record patrols, special campaigns and re-checks',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(p: string): p is Permission {
  return Object.hasOwn(PERMISSIONS, p);
}

export interface BuiltinRole {
  code: string;
  nameZh: string;
  nameEn: string;
  forKind: 'staff' | 'institution';
  permissions: Permission[];
}

/** The roles of the identity issue; administrators adjust their permissions later. */
export const BUILTIN_ROLES: BuiltinRole[] = [
  {
    code: 'admin',
    nameZh: '系统管理员',
    nameEn: 'Administrator',
    forKind: 'staff',
    permissions: ALL_PERMISSIONS.filter((p) => p !== 'identity.api-key.manage'),
  },
  {
    code: 'approver',
    nameZh: '审批人员',
    nameEn: 'Approval officer',
    forKind: 'staff',
    permissions: [
      'registry.read',
      'registry.edit',
      'registry.export',
      'registry.uscc.accept',
      'licensing.read',
      'licensing.apply',
      'licensing.decide',
      'credit.read',
    ],
  },
  {
    code: 'inspector',
    nameZh: '监督执法人员',
    nameEn: 'Inspector',
    forKind: 'staff',
    permissions: [
      'registry.read',
      'registry.edit',
      'registry.export',
      'licensing.read',
      'licensing.verify',
      'inspection.read',
      'inspection.conflict.declare',
      'inspection.inspection.record',
      'complaint.read',
      'complaint.handle',
      'complaint.reporter.read',
      'enforcement.read',
      'enforcement.investigate',
      'credit.read',
      'credit.demerit.record',
      'credit.grading.record',
      'credit.alert.handle',
      'credit.blacklist.propose',
      'credit.blacklist.defend',
    ],
  },
  {
    code: 'legal_reviewer',
    nameZh: '法制审核人员',
    nameEn: 'Legal reviewer',
    forKind: 'staff',
    permissions: [
      'registry.read',
      'licensing.read',
      'inspection.read',
      'complaint.read',
      'enforcement.read',
      'enforcement.review',
      'credit.read',
    ],
  },
  {
    code: 'leader',
    nameZh: '部门负责人',
    nameEn: 'Department leader',
    forKind: 'staff',
    permissions: [
      'identity.user.read',
      'identity.audit.read',
      'registry.read',
      'registry.export',
      'licensing.read',
      'licensing.report.read',
      'inspection.read',
      'inspection.roster.manage',
      'inspection.campaign.manage',
      'inspection.campaign.approve',
      'inspection.result.publish',
      'complaint.read',
      'complaint.handle',
      'enforcement.read',
      'enforcement.approve',
      'enforcement.publish',
      'credit.read',
      'credit.override',
      'credit.blacklist.manage',
      'credit.blacklist.propose',
      'credit.blacklist.approve',
      'credit.blacklist.defend',
      'credit.alert.handle',
      'oversight.read',
      'oversight.report',
      'oversight.grid.manage',
    ],
  },
  {
    code: 'viewer',
    nameZh: '数据查询',
    nameEn: 'Data viewer',
    forKind: 'staff',
    permissions: [
      'registry.read',
      'licensing.read',
      'inspection.read',
      'enforcement.read',
      'credit.read',
      'oversight.read',
    ],
  },
  {
    code: 'institution',
    nameZh: '机构用户',
    nameEn: 'Institution user',
    forKind: 'institution',
    permissions: [
      'identity.api-key.manage',
      'registry.read',
      'licensing.read',
      'licensing.apply',
      'credit.read',
      'credit.monitoring.upload',
      'credit.repair.apply',
      'credit.blacklist.defend',
    ],
  },
];
