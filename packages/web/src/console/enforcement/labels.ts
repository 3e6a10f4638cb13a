import { useTranslation } from 'react-i18next';
import type { ActionOption } from '../../api/enforcement';

type Names = Record<string, string>;

/** Names of enforcement codes in the UI's language; a code these lists do not know shows as it is. */
export function useEnforcementLabels() {
  const { t, i18n } = useTranslation();
  const group = (key: string) => {
    const names = t(key as 'enforcement.caseStates', { returnObjects: true }) as Names;
    return (code: string | null | undefined) => (code ? (names[code] ?? code) : '—');
  };
  return {
    caseState: group('enforcement.caseStates'),
    complaintState: group('enforcement.complaintStates'),
    leadState: group('enforcement.leadStates'),
    publicationState: group('enforcement.publicationStates'),
    leadSource: group('enforcement.leadSources'),
    channel: group('enforcement.channels'),
    severity: group('enforcement.severity'),
    penaltyKind: group('enforcement.penaltyKinds'),
    caseStep: group('enforcement.caseSteps'),
    field: group('enforcement.fields'),
    option: group('enforcement.options'),
    action: (a: ActionOption) => (i18n.language === 'en' ? a.labelEn : a.labelZh),
  };
}

export type EnforcementLabels = ReturnType<typeof useEnforcementLabels>;

/** Tag colours by state: waiting on us (blue/orange), done (green), ended without effect (grey). */
export const STATE_COLORS: Record<string, string> = {
  received: 'blue',
  accepted: 'processing',
  not_accepted: 'default',
  concluded: 'cyan',
  closed: 'green',
  open: 'blue',
  no_action: 'default',
  rectification: 'orange',
  case: 'purple',
  proposed: 'blue',
  not_opened: 'default',
  investigating: 'processing',
  notified: 'gold',
  hearing_requested: 'orange',
  hearing_scheduled: 'orange',
  heard: 'orange',
  legal_review: 'magenta',
  pending_decision: 'volcano',
  decided: 'purple',
  served: 'geekblue',
  executed: 'cyan',
  revoked: 'default',
};

export const yuan = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
