import type { EnforcementTransition, EnforcementWorkflow } from './state-table.js';

/**
 * The state table of a penalty case under 行政处罚法 (普通程序): opening with approval (§54),
 * investigation, notice of the intended penalty with the right to a statement or hearing (§44, §63),
 * legal review of major decisions (§58), the decision (§57, §60), service (§61), execution (§67,
 * §72) and closure, then re-inspection. Rules that are not a matter of state (two officers, periods,
 * the 90-day limit, the reviewer's independence) are checked by the use cases with their own codes.
 */
export const CASE_STATES = [
  'proposed',
  'not_opened',
  'investigating',
  'notified',
  'hearing_requested',
  'hearing_scheduled',
  'heard',
  'pending_decision',
  'legal_review',
  'decided',
  'served',
  'executed',
  'closed',
  'revoked',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_ACTIONS = [
  'approve_opening',
  'refuse_opening',
  'record_violation',
  'add_officer',
  'recuse_officer',
  'extend_deadline',
  'notify',
  'record_statement',
  'waive_rights',
  'request_hearing',
  'withdraw_hearing_request',
  'schedule_hearing',
  'hold_hearing',
  'propose_decision',
  'submit_legal_review',
  'approve_legal_review',
  'return_legal_review',
  'decide',
  'serve',
  'record_payment',
  'record_execution',
  'close',
  'close_without_penalty',
  'change_decision',
  'revoke_decision',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** States in which the case is open and its officers are at work (before a decision). */
export const PRE_DECISION_STATES: readonly CaseState[] = [
  'investigating',
  'notified',
  'hearing_requested',
  'hearing_scheduled',
  'heard',
  'pending_decision',
  'legal_review',
];
const DECIDED_STATES: CaseState[] = ['decided', 'served', 'executed', 'closed'];
const OPEN_STATES: CaseState[] = ['proposed', ...PRE_DECISION_STATES, 'decided', 'served', 'executed'];

type T = EnforcementTransition<CaseState, CaseAction>;
const t = (
  action: CaseAction,
  from: readonly CaseState[],
  to: CaseState | '=',
  roles: T['roles'],
  labelZh: string,
  labelEn: string,
): T => ({ action, from, to, roles, labelZh, labelEn });

export const CASE_WORKFLOW: EnforcementWorkflow<CaseState, CaseAction> = {
  name: 'penalty_case',
  initial: 'proposed',
  states: {
    proposed: { labelZh: '立案待审批', labelEn: 'Opening awaiting approval', terminal: false },
    not_opened: { labelZh: '不予立案', labelEn: 'Not opened', terminal: true },
    investigating: { labelZh: '调查取证', labelEn: 'Investigating', terminal: false },
    notified: { labelZh: '已告知，陈述申辩期', labelEn: 'Notice given, statement period', terminal: false },
    hearing_requested: { labelZh: '当事人已要求听证', labelEn: 'Hearing requested', terminal: false },
    hearing_scheduled: { labelZh: '已通知听证', labelEn: 'Hearing scheduled', terminal: false },
    heard: { labelZh: '听证已举行', labelEn: 'Hearing held', terminal: false },
    pending_decision: { labelZh: '待负责人决定', labelEn: 'Awaiting the decision', terminal: false },
    legal_review: { labelZh: '法制审核中', labelEn: 'Legal review', terminal: false },
    decided: { labelZh: '已作出处罚决定，待送达', labelEn: 'Decided, to be served', terminal: false },
    served: { labelZh: '已送达，执行中', labelEn: 'Served, being executed', terminal: false },
    executed: { labelZh: '已执行完毕，待结案', labelEn: 'Executed, to be closed', terminal: false },
    closed: { labelZh: '已结案', labelEn: 'Closed', terminal: true },
    revoked: { labelZh: '处罚决定已撤销', labelEn: 'Decision revoked', terminal: true },
  },
  transitions: [
    t('approve_opening', ['proposed'], 'investigating', ['approver'], '批准立案', 'Approve opening the case'),
    t('refuse_opening', ['proposed'], 'not_opened', ['approver'], '不予立案', 'Refuse to open the case'),
    t(
      'record_violation',
      ['investigating'],
      '=',
      ['investigator'],
      '认定违法行为与情节',
      'Record the violation and circumstances',
    ),
    t('add_officer', OPEN_STATES, '=', ['investigator', 'approver'], '增加办案人员', 'Add an officer'),
    t('recuse_officer', OPEN_STATES, '=', ['approver'], '决定办案人员回避', 'Recuse an officer'),
    t(
      'extend_deadline',
      PRE_DECISION_STATES,
      '=',
      ['approver'],
      '批准延长办案期限',
      'Approve an extension of the time limit',
    ),
    t(
      'notify',
      ['investigating', 'notified'],
      'notified',
      ['investigator'],
      '送达行政处罚事先告知书',
      'Serve the notice of the intended penalty',
    ),
    t(
      'record_statement',
      ['notified', 'heard'],
      '=',
      ['investigator'],
      '记录陈述申辩',
      'Record the party’s statement',
    ),
    t(
      'waive_rights',
      ['notified'],
      '=',
      ['investigator'],
      '当事人放弃陈述申辩和听证',
      'The party waives its rights',
    ),
    t(
      'request_hearing',
      ['notified'],
      'hearing_requested',
      ['investigator'],
      '登记听证申请',
      'Register the request for a hearing',
    ),
    t(
      'withdraw_hearing_request',
      ['hearing_requested', 'hearing_scheduled'],
      'notified',
      ['investigator'],
      '当事人撤回听证申请',
      'The party withdraws its request',
    ),
    t(
      'schedule_hearing',
      ['hearing_requested'],
      'hearing_scheduled',
      ['investigator', 'approver'],
      '通知听证时间地点',
      'Notify the hearing’s time and place',
    ),
    t(
      'hold_hearing',
      ['hearing_scheduled'],
      'heard',
      ['investigator', 'approver'],
      '记录听证',
      'Record the hearing',
    ),
    t(
      'propose_decision',
      ['notified', 'heard'],
      'pending_decision',
      ['investigator'],
      '提出处理意见',
      'Propose the decision',
    ),
    t(
      'submit_legal_review',
      ['pending_decision'],
      'legal_review',
      ['investigator', 'approver'],
      '提交法制审核',
      'Submit for legal review',
    ),
    t(
      'approve_legal_review',
      ['legal_review'],
      'pending_decision',
      ['reviewer'],
      '法制审核通过',
      'Legal review passed',
    ),
    t(
      'return_legal_review',
      ['legal_review'],
      'notified',
      ['reviewer'],
      '法制审核退回',
      'Return from legal review',
    ),
    t('decide', ['pending_decision'], 'decided', ['approver'], '作出行政处罚决定', 'Decide'),
    t('serve', ['decided'], 'served', ['investigator'], '送达行政处罚决定书', 'Serve the decision'),
    t('record_payment', ['served'], '=', ['investigator'], '登记缴纳罚款', 'Record a payment'),
    t('record_execution', ['served'], 'executed', ['investigator'], '登记执行完毕', 'Record the execution'),
    t('close', ['executed'], 'closed', ['approver'], '批准结案', 'Approve closing the case'),
    t(
      'close_without_penalty',
      ['investigating', 'notified', 'heard', 'pending_decision'],
      'closed',
      ['approver'],
      '不予处罚／移送后结案',
      'Close without a penalty (no violation, not punishable, or referred)',
    ),
    t('change_decision', DECIDED_STATES, '=', ['approver'], '变更处罚决定', 'Change the decision'),
    t('revoke_decision', DECIDED_STATES, 'revoked', ['approver'], '撤销处罚决定', 'Revoke the decision'),
  ],
};

/** Actions an officer takes in handling the case: whoever took one may not review it (§58). */
export const HANDLING_ACTIONS: readonly CaseAction[] = [
  'record_violation',
  'notify',
  'record_statement',
  'waive_rights',
  'request_hearing',
  'propose_decision',
];

export const CASE_OPEN_STATES: readonly CaseState[] = OPEN_STATES;
