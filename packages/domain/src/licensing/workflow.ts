import { DomainError } from '../errors.js';
import type { ReformMode } from './modes.js';

/**
 * The workflows as declared state tables, shared by the server (which guards every action with
 * them) and the web (which shows the buttons `availableActions` returns). A workflow is a list of
 * transitions: an action, the states it may start from, the state it leads to and who may take it.
 * Conditions that are not a matter of state (deadlines, a correction already used, a notice still
 * running) are checked by the use cases and answered with their own codes.
 */
export type WorkflowRole = 'applicant' | 'approver' | 'inspector';

export const WORKFLOW_ROLE_NAMES: Readonly<Record<WorkflowRole, { zh: string; en: string }>> = {
  applicant: { zh: '申请人（机构或代办窗口）', en: 'Applicant (institution or window on its behalf)' },
  approver: { zh: '审批人员', en: 'Approval officer' },
  inspector: { zh: '监督执法人员', en: 'Inspector' },
};

export interface StateDef {
  labelZh: string;
  labelEn: string;
  terminal: boolean;
  /** Which clock runs in this state: acceptance, decision, none, or stopped (correction, excluded period). */
  clock: 'accept' | 'decide' | 'stopped' | 'none';
}

export interface TransitionDef<S extends string = string, A extends string = string> {
  action: A;
  from: readonly S[];
  to: S;
  roles: readonly WorkflowRole[];
  labelZh: string;
  labelEn: string;
}

export interface WorkflowDef<S extends string = string, A extends string = string> {
  name: string;
  initial: S | null;
  states: Readonly<Record<S, StateDef>>;
  transitions: readonly TransitionDef<S, A>[];
}

export const APPLICATION_STATES = [
  'draft',
  'signed',
  'submitted',
  'correction_requested',
  'under_review',
  'excluded_period',
  'public_notice',
  'filed',
  'granted',
  'refused',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_ACTIONS = [
  'sign_commitment',
  'submit',
  'accept',
  'reject',
  'request_correction',
  'resubmit',
  'start_site_inspection',
  'start_expert_review',
  'end_excluded_period',
  'start_public_notice',
  'end_public_notice',
  'grant',
  'refuse',
  'withdraw',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

const S: Record<ApplicationState, StateDef> = {
  draft: { labelZh: '草稿', labelEn: 'Draft', terminal: false, clock: 'none' },
  signed: { labelZh: '已签署承诺', labelEn: 'Commitment signed', terminal: false, clock: 'none' },
  submitted: {
    labelZh: '已提交待受理',
    labelEn: 'Submitted, awaiting acceptance',
    terminal: false,
    clock: 'accept',
  },
  correction_requested: {
    labelZh: '待补正',
    labelEn: 'Corrections requested',
    terminal: false,
    clock: 'stopped',
  },
  under_review: { labelZh: '审查中', labelEn: 'Under review', terminal: false, clock: 'decide' },
  excluded_period: {
    labelZh: '现场审核／专家评审（不计时）',
    labelEn: 'Site inspection or expert review (clock stopped)',
    terminal: false,
    clock: 'stopped',
  },
  public_notice: { labelZh: '公示中', labelEn: 'Public notice', terminal: false, clock: 'decide' },
  filed: { labelZh: '已备案', labelEn: 'Filed', terminal: true, clock: 'none' },
  granted: { labelZh: '准予许可', labelEn: 'Granted', terminal: true, clock: 'none' },
  refused: { labelZh: '不予许可', labelEn: 'Refused', terminal: true, clock: 'none' },
  rejected: { labelZh: '不予受理', labelEn: 'Not accepted', terminal: true, clock: 'none' },
  withdrawn: { labelZh: '已撤回', labelEn: 'Withdrawn by the applicant', terminal: true, clock: 'none' },
};

type T = TransitionDef<ApplicationState, ApplicationAction>;
const t = (
  action: ApplicationAction,
  from: ApplicationState[],
  to: ApplicationState,
  roles: WorkflowRole[],
  labelZh: string,
  labelEn: string,
): T => ({ action, from, to, roles, labelZh, labelEn });

const WITHDRAW = (from: ApplicationState[]) =>
  t('withdraw', from, 'withdrawn', ['applicant'], '撤回申请', 'Withdraw the application');

export const FILING_WORKFLOW: WorkflowDef<ApplicationState, ApplicationAction> = {
  name: 'filing',
  initial: 'draft',
  states: S,
  transitions: [
    t(
      'submit',
      ['draft'],
      'filed',
      ['applicant'],
      '提交备案（当场获得备案编号）',
      'File (number given at once)',
    ),
    WITHDRAW(['draft']),
  ],
};

export const COMMITMENT_WORKFLOW: WorkflowDef<ApplicationState, ApplicationAction> = {
  name: 'commitment',
  initial: 'draft',
  states: S,
  transitions: [
    t('sign_commitment', ['draft'], 'signed', ['applicant'], '签署告知承诺书', 'Sign the commitment'),
    t('submit', ['signed'], 'submitted', ['applicant'], '提交申请', 'Submit'),
    t(
      'grant',
      ['submitted'],
      'granted',
      ['approver'],
      '形式审查合格，当场准予许可',
      'Formal review passed: grant on the spot',
    ),
    t(
      'reject',
      ['submitted'],
      'rejected',
      ['approver'],
      '形式审查不合格，不予受理',
      'Formal review failed: not accepted',
    ),
    WITHDRAW(['draft', 'signed', 'submitted']),
  ],
};

export const APPROVAL_WORKFLOW: WorkflowDef<ApplicationState, ApplicationAction> = {
  name: 'approval',
  initial: 'draft',
  states: S,
  transitions: [
    t('submit', ['draft'], 'submitted', ['applicant'], '提交申请', 'Submit'),
    t('accept', ['submitted'], 'under_review', ['approver'], '受理', 'Accept'),
    t('reject', ['submitted'], 'rejected', ['approver'], '不予受理', 'Reject (not accepted)'),
    t(
      'request_correction',
      ['submitted'],
      'correction_requested',
      ['approver'],
      '一次性告知补正',
      'Request corrections (once, complete)',
    ),
    t(
      'resubmit',
      ['correction_requested'],
      'submitted',
      ['applicant'],
      '提交补正材料',
      'Submit the corrections',
    ),
    t(
      'start_site_inspection',
      ['under_review'],
      'excluded_period',
      ['approver'],
      '开始现场审核（不计入时限）',
      'Start the site inspection (not counted)',
    ),
    t(
      'start_expert_review',
      ['under_review'],
      'excluded_period',
      ['approver'],
      '开始专家评审（不计入时限）',
      'Start the expert review (not counted)',
    ),
    t(
      'end_excluded_period',
      ['excluded_period'],
      'under_review',
      ['approver'],
      '结束现场审核／专家评审',
      'End the inspection or review',
    ),
    t(
      'start_public_notice',
      ['under_review'],
      'public_notice',
      ['approver'],
      '开始公示',
      'Start the public notice',
    ),
    t(
      'end_public_notice',
      ['public_notice'],
      'under_review',
      ['approver'],
      '公示期满',
      'Close the public notice',
    ),
    t('grant', ['under_review'], 'granted', ['approver'], '准予许可', 'Grant'),
    t(
      'refuse',
      ['under_review'],
      'refused',
      ['approver'],
      '不予许可（书面说明理由）',
      'Refuse (reasons in writing)',
    ),
    WITHDRAW(['draft', 'submitted', 'correction_requested', 'under_review']),
  ],
};

/** An abolished type has no workflow: nothing can be applied for. */
export const ABOLISHED_WORKFLOW: WorkflowDef<ApplicationState, ApplicationAction> = {
  name: 'abolished',
  initial: null,
  states: S,
  transitions: [],
};

export const WORKFLOWS: Readonly<Record<ReformMode, WorkflowDef<ApplicationState, ApplicationAction>>> = {
  abolished: ABOLISHED_WORKFLOW,
  filing: FILING_WORKFLOW,
  commitment: COMMITMENT_WORKFLOW,
  approval: APPROVAL_WORKFLOW,
};

/** Verification of a commitment and the check after a filing (事中事后监管). */
export const TASK_STATES = ['open', 'rectifying', 'conforming', 'failed'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_ACTIONS = [
  'record_conforming',
  'order_rectification',
  'record_rectified',
  'record_failed',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export const TASK_WORKFLOW: WorkflowDef<TaskState, TaskAction> = {
  name: 'verification',
  initial: 'open',
  states: {
    open: { labelZh: '待核查', labelEn: 'To verify', terminal: false, clock: 'decide' },
    rectifying: { labelZh: '限期整改中', labelEn: 'Rectification ordered', terminal: false, clock: 'decide' },
    conforming: { labelZh: '核查属实', labelEn: 'Found conforming', terminal: true, clock: 'none' },
    failed: {
      labelZh: '承诺不实，已撤销许可',
      labelEn: 'False: licence withdrawn',
      terminal: true,
      clock: 'none',
    },
  },
  transitions: [
    {
      action: 'record_conforming',
      from: ['open'],
      to: 'conforming',
      roles: ['inspector'],
      labelZh: '核查属实',
      labelEn: 'Record: conforming',
    },
    {
      action: 'order_rectification',
      from: ['open'],
      to: 'rectifying',
      roles: ['inspector'],
      labelZh: '发现不符合承诺条件，责令限期整改',
      labelEn: 'Not as committed: order rectification with a deadline',
    },
    {
      action: 'record_rectified',
      from: ['rectifying'],
      to: 'conforming',
      roles: ['inspector'],
      labelZh: '整改合格',
      labelEn: 'Rectified',
    },
    {
      action: 'record_failed',
      from: ['rectifying'],
      to: 'failed',
      roles: ['inspector'],
      labelZh: '逾期不整改或整改后仍不达标（撤销许可）',
      labelEn: 'Not rectified: withdraw the licence',
    },
  ],
};

/** Revalidation (校验) of a licence. */
export const REVALIDATION_STATES = [
  'scheduled',
  'noticed',
  'submitted',
  'deferred',
  'passed',
  'failed',
] as const;
export type RevalidationState = (typeof REVALIDATION_STATES)[number];
export const REVALIDATION_ACTIONS = [
  'send_notice',
  'submit',
  'pass',
  'defer',
  'recheck_pass',
  'recheck_fail',
] as const;
export type RevalidationAction = (typeof REVALIDATION_ACTIONS)[number];

export const REVALIDATION_WORKFLOW: WorkflowDef<RevalidationState, RevalidationAction> = {
  name: 'revalidation',
  initial: 'scheduled',
  states: {
    scheduled: { labelZh: '待校验', labelEn: 'Scheduled', terminal: false, clock: 'none' },
    noticed: { labelZh: '已发校验通知', labelEn: 'Notice sent', terminal: false, clock: 'none' },
    submitted: { labelZh: '已提交校验材料', labelEn: 'Submitted', terminal: false, clock: 'decide' },
    deferred: {
      labelZh: '暂缓校验（整改期）',
      labelEn: 'Deferred (rectification period)',
      terminal: false,
      clock: 'decide',
    },
    passed: { labelZh: '校验合格', labelEn: 'Passed', terminal: true, clock: 'none' },
    failed: {
      labelZh: '校验不合格，注销许可',
      labelEn: 'Failed: licence deregistered',
      terminal: true,
      clock: 'none',
    },
  },
  transitions: [
    {
      action: 'send_notice',
      from: ['scheduled'],
      to: 'noticed',
      roles: ['approver'],
      labelZh: '发送校验通知',
      labelEn: 'Send the notice',
    },
    {
      action: 'submit',
      from: ['scheduled', 'noticed'],
      to: 'submitted',
      roles: ['applicant'],
      labelZh: '提交校验申请',
      labelEn: 'Submit for revalidation',
    },
    {
      action: 'pass',
      from: ['submitted'],
      to: 'passed',
      roles: ['approver'],
      labelZh: '校验合格',
      labelEn: 'Pass',
    },
    {
      action: 'defer',
      from: ['submitted'],
      to: 'deferred',
      roles: ['approver'],
      labelZh: '暂缓校验（1至6个月整改期）',
      labelEn: 'Defer (1–6 months to rectify)',
    },
    {
      action: 'recheck_pass',
      from: ['deferred'],
      to: 'passed',
      roles: ['approver'],
      labelZh: '复核合格',
      labelEn: 'Re-check passed',
    },
    {
      action: 'recheck_fail',
      from: ['deferred'],
      to: 'failed',
      roles: ['approver'],
      labelZh: '暂缓校验期满仍不合格，注销许可',
      labelEn: 'Re-check failed: deregister the licence',
    },
  ],
};

/** Licences: staff actions on a licence (change, renewal and deregistration are applications). */
export const LICENSE_STATES = ['valid', 'deregistered', 'withdrawn', 'revoked'] as const;
export type LicenseState = (typeof LICENSE_STATES)[number];
export const LICENSE_ACTIONS = ['withdraw', 'revoke', 'deregister'] as const;
export type LicenseAction = (typeof LICENSE_ACTIONS)[number];

export const LICENSE_WORKFLOW: WorkflowDef<LicenseState, LicenseAction> = {
  name: 'license',
  initial: 'valid',
  states: {
    valid: { labelZh: '有效', labelEn: 'Valid', terminal: false, clock: 'none' },
    deregistered: { labelZh: '已注销', labelEn: 'Deregistered', terminal: true, clock: 'none' },
    withdrawn: { labelZh: '已撤销', labelEn: 'Withdrawn', terminal: true, clock: 'none' },
    revoked: { labelZh: '已吊销', labelEn: 'Revoked', terminal: true, clock: 'none' },
  },
  transitions: [
    {
      action: 'withdraw',
      from: ['valid'],
      to: 'withdrawn',
      roles: ['approver'],
      labelZh: '撤销许可（《行政许可法》第六十九条）',
      labelEn: 'Withdraw (Administrative Licensing Law art. 69)',
    },
    {
      action: 'revoke',
      from: ['valid'],
      to: 'revoked',
      roles: ['approver'],
      labelZh: '吊销许可证（行政处罚）',
      labelEn: 'Revoke (a penalty)',
    },
    {
      action: 'deregister',
      from: ['valid'],
      to: 'deregistered',
      roles: ['approver'],
      labelZh: '依法注销（《行政许可法》第七十条）',
      labelEn: 'Deregister (Administrative Licensing Law art. 70)',
    },
  ],
};

export interface AvailableAction<A extends string = string> {
  action: A;
  labelZh: string;
  labelEn: string;
}

/** The actions a holder of `roles` may take in `state`. */
export function availableActions<S extends string, A extends string>(
  workflow: WorkflowDef<S, A>,
  state: S,
  roles: Iterable<WorkflowRole>,
): AvailableAction<A>[] {
  const held = new Set(roles);
  return workflow.transitions
    .filter((tr) => tr.from.includes(state) && tr.roles.some((r) => held.has(r)))
    .map((tr) => ({ action: tr.action, labelZh: tr.labelZh, labelEn: tr.labelEn }));
}

/**
 * The transition for `action` from `state`, or a DomainError: `invalid_transition` (409) listing
 * the actions that are allowed, or `forbidden` (403) when the action is possible but not for
 * these roles.
 */
export function guardTransition<S extends string, A extends string>(
  workflow: WorkflowDef<S, A>,
  state: S,
  action: A,
  roles: Iterable<WorkflowRole>,
): TransitionDef<S, A> {
  const held = [...roles];
  const transition = workflow.transitions.find((tr) => tr.action === action && tr.from.includes(state));
  if (!transition) {
    const allowed = availableActions(workflow, state, held).map((a) => a.action);
    const stateDef = workflow.states[state];
    throw new DomainError(
      'invalid_transition',
      `当前状态“${stateDef.labelZh}”下不能执行“${action}”${allowed.length ? `；可执行：${allowed.join('、')}` : '；当前没有可执行的操作'}`,
      `Cannot ${action} in state "${stateDef.labelEn}"${allowed.length ? `; allowed: ${allowed.join(', ')}` : '; no action is allowed now'}`,
      { state, action, allowedActions: allowed },
    );
  }
  if (!transition.roles.some((r) => held.includes(r))) {
    throw new DomainError(
      'forbidden',
      `您无权执行“${transition.labelZh}”（需要：${transition.roles.map((r) => WORKFLOW_ROLE_NAMES[r].zh).join('、')}）`,
      `You may not "${transition.labelEn}" (needs: ${transition.roles.map((r) => WORKFLOW_ROLE_NAMES[r].en).join(', ')})`,
      { state, action, roles: transition.roles },
    );
  }
  return transition;
}
