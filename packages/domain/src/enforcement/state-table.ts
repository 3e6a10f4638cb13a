import { DomainError } from '../errors.js';

/**
 * Enforcement workflows as declared state tables (the same shape as licensing's): a transition is
 * an action, the states it may start from, the state it leads to ('=' keeps the state) and who may
 * take it. The server guards every action with `guardEnforcementTransition`; the web shows the
 * buttons `enforcementActions` returns.
 */
export type EnforcementRole = 'handler' | 'investigator' | 'reviewer' | 'approver';

export const ENFORCEMENT_ROLE_NAMES: Readonly<Record<EnforcementRole, { zh: string; en: string }>> = {
  handler: { zh: '投诉举报办理人员', en: 'Complaint handler' },
  investigator: { zh: '执法办案人员', en: 'Case officer' },
  reviewer: { zh: '法制审核人员', en: 'Legal reviewer' },
  approver: { zh: '部门负责人', en: 'Head of the unit' },
};

export interface EnforcementStateDef {
  labelZh: string;
  labelEn: string;
  terminal: boolean;
}

export interface EnforcementTransition<S extends string, A extends string> {
  action: A;
  from: readonly S[];
  to: S | '=';
  roles: readonly EnforcementRole[];
  labelZh: string;
  labelEn: string;
}

export interface EnforcementWorkflow<S extends string, A extends string> {
  name: string;
  initial: S;
  states: Readonly<Record<S, EnforcementStateDef>>;
  transitions: readonly EnforcementTransition<S, A>[];
}

export interface EnforcementAction<A extends string> {
  action: A;
  labelZh: string;
  labelEn: string;
}

export function enforcementActions<S extends string, A extends string>(
  workflow: EnforcementWorkflow<S, A>,
  state: S,
  roles: Iterable<EnforcementRole>,
): EnforcementAction<A>[] {
  const held = new Set(roles);
  return workflow.transitions
    .filter((tr) => tr.from.includes(state) && tr.roles.some((r) => held.has(r)))
    .map((tr) => ({ action: tr.action, labelZh: tr.labelZh, labelEn: tr.labelEn }));
}

/**
 * The transition for `action` from `state`: `invalid_transition` (409, listing the allowed actions)
 * when the state does not allow it, `forbidden` when the roles do not.
 */
export function guardEnforcementTransition<S extends string, A extends string>(
  workflow: EnforcementWorkflow<S, A>,
  state: S,
  action: A,
  roles: Iterable<EnforcementRole>,
): EnforcementTransition<S, A> & { next: S } {
  const held = [...roles];
  const transition = workflow.transitions.find((tr) => tr.action === action && tr.from.includes(state));
  if (!transition) {
    const allowed = enforcementActions(workflow, state, held).map((a) => a.action);
    const def = workflow.states[state];
    throw new DomainError(
      'invalid_transition',
      `当前状态“${def.labelZh}”下不能执行“${action}”${allowed.length ? `；可执行：${allowed.join('、')}` : '；当前没有可执行的操作'}`,
      `Cannot ${action} in state "${def.labelEn}"${allowed.length ? `; allowed: ${allowed.join(', ')}` : '; no action is allowed now'}`,
      { state, action, allowedActions: allowed },
    );
  }
  if (!transition.roles.some((r) => held.includes(r))) {
    throw new DomainError(
      'forbidden',
      `您无权执行“${transition.labelZh}”（需要：${transition.roles.map((r) => ENFORCEMENT_ROLE_NAMES[r].zh).join('、')}）`,
      `You may not "${transition.labelEn}" (needs: ${transition.roles.map((r) => ENFORCEMENT_ROLE_NAMES[r].en).join(', ')})`,
      { state, action, roles: transition.roles },
    );
  }
  return { ...transition, next: transition.to === '=' ? state : transition.to };
}
