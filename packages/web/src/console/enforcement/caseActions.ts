import type { CaseDetail } from '../../api/enforcement';
import type { FieldSpec } from './ActionForm';
import type { EnforcementLabels } from './labels';

const PENALTY_KINDS = [
  'warning',
  'criticism',
  'fine',
  'confiscation',
  'licence_suspension',
  'qualification_downgrade',
  'revocation',
  'suspension',
  'closure',
  'practice_restriction',
];

interface Choices {
  labels: EnforcementLabels;
  violations: { value: string; label: string }[];
  roster: { value: number; label: string }[];
}

/** The fields of each case action, as the server's CaseActionRequest names them. */
export function caseActionFields(
  action: string,
  c: CaseDetail,
  { labels, violations, roster }: Choices,
): FieldSpec[] {
  const opts = (codes: string[]) => codes.map((v) => ({ value: v, label: labels.option(v) }));
  // A penalty starts from the one before it: the proposal from the notice, a change from the decision.
  const base =
    action === 'notify' ? null : action === 'propose_decision' ? c.notice : (c.decision ?? c.proposal);
  const penalty: FieldSpec[] = [
    {
      name: 'kinds',
      kind: 'kinds',
      required: true,
      options: PENALTY_KINDS.map((k) => ({ value: k, label: labels.penaltyKind(k) })),
      initial: base?.kinds ?? c.violation?.suggestedKinds,
    },
    {
      name: 'fineAmount',
      kind: 'number',
      required: true,
      initial: base?.fineAmount ?? c.violation?.suggestedFine?.min ?? 0,
    },
    { name: 'confiscationAmount', kind: 'number', initial: base?.confiscationAmount ?? 0 },
    { name: 'outsideRangeReason', kind: 'textarea', max: 2000 },
  ];
  const activeOfficers = c.officers
    .filter((o) => !o.recusedOn)
    .map((o) => ({ value: o.inspectorId, label: `${o.name}（${o.certificateNo}）` }));
  switch (action) {
    case 'approve_opening':
      return [{ name: 'opinion', kind: 'textarea', max: 1000 }];
    case 'refuse_opening':
      return [{ name: 'reason', kind: 'textarea', required: true, max: 2000 }];
    case 'record_violation':
      return [
        { name: 'violationCode', kind: 'select', required: true, options: violations },
        {
          name: 'circumstance',
          kind: 'select',
          required: true,
          options: opts(['minor', 'general', 'serious']),
        },
        { name: 'facts', kind: 'textarea', required: true, initial: c.facts ?? undefined },
        { name: 'illegalIncome', kind: 'number' },
      ];
    case 'add_officer':
      return [{ name: 'officerId', kind: 'select', required: true, options: roster }];
    case 'recuse_officer':
      return [
        { name: 'officerId', kind: 'select', required: true, options: activeOfficers },
        { name: 'source', kind: 'select', required: true, options: opts(['officer', 'party', 'leader']) },
        { name: 'reason', kind: 'textarea', required: true, max: 1000 },
        { name: 'replacementOfficerId', kind: 'select', options: roster },
      ];
    case 'extend_deadline':
      return [
        { name: 'days', kind: 'number', required: true, min: 1, max: 365, initial: 30 },
        { name: 'reason', kind: 'textarea', required: true, max: 1000 },
      ];
    case 'notify':
      return [...penalty, { name: 'noticedOn', kind: 'date' }];
    case 'record_statement':
      return [
        { name: 'text', kind: 'textarea', required: true },
        { name: 'receivedOn', kind: 'date' },
      ];
    case 'waive_rights':
    case 'withdraw_hearing_request':
      return [{ name: 'note', kind: 'textarea', required: true, max: 1000 }];
    case 'request_hearing':
      return [{ name: 'requestedOn', kind: 'date' }];
    case 'schedule_hearing':
      return [
        { name: 'date', kind: 'date', required: true },
        { name: 'place', kind: 'text', required: true, max: 300 },
        { name: 'hostName', kind: 'text', required: true, max: 50 },
      ];
    case 'hold_hearing':
      return [
        { name: 'record', kind: 'textarea', required: true },
        { name: 'partyAttended', kind: 'bool', initial: true },
        { name: 'heldOn', kind: 'date' },
      ];
    case 'propose_decision':
      return penalty;
    case 'submit_legal_review':
      return [{ name: 'note', kind: 'textarea', max: 1000 }];
    case 'approve_legal_review':
    case 'return_legal_review':
      return [{ name: 'opinion', kind: 'textarea', required: true, max: 4000 }];
    case 'decide':
      return [
        { name: 'publicFacts', kind: 'textarea' },
        { name: 'namesToMask', kind: 'names' },
        { name: 'publishMinor', kind: 'bool' },
      ];
    case 'serve':
      return [
        {
          name: 'method',
          kind: 'select',
          required: true,
          options: opts(['in_person', 'left_at_address', 'mail', 'electronic', 'announcement']),
          initial: 'in_person',
        },
        { name: 'recipient', kind: 'text', required: true, max: 100 },
        { name: 'servedOn', kind: 'date' },
        { name: 'place', kind: 'text', max: 300 },
        { name: 'lateReason', kind: 'textarea', max: 1000 },
      ];
    case 'record_payment':
      return [
        { name: 'amount', kind: 'number', required: true, initial: c.payment.outstandingToday || undefined },
        { name: 'paidOn', kind: 'date' },
        { name: 'receiptNo', kind: 'text', max: 100 },
      ];
    case 'record_execution':
      return [
        { name: 'note', kind: 'textarea', required: true, max: 2000 },
        { name: 'executedOn', kind: 'date' },
      ];
    case 'close':
      return [{ name: 'report', kind: 'textarea', required: true, max: 4000 }];
    case 'close_without_penalty':
      return [
        {
          name: 'outcome',
          kind: 'select',
          required: true,
          options: opts(['no_violation', 'not_punishable', 'referred']),
        },
        { name: 'reason', kind: 'textarea', required: true, max: 4000 },
      ];
    case 'change_decision':
      return [...penalty, { name: 'reason', kind: 'textarea', required: true, max: 2000 }];
    case 'revoke_decision':
      return [{ name: 'reason', kind: 'textarea', required: true, max: 2000 }];
    default:
      return [];
  }
}

/** Actions whose form sets a penalty: the form shows the discretion benchmark's range above it. */
export const PENALTY_ACTIONS = new Set(['notify', 'propose_decision', 'change_decision']);
