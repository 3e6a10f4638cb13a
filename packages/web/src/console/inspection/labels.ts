import { useTranslation } from 'react-i18next';
import { departmentLabel, useDepartments } from '../../api/units';
import { useRegistryLabels } from '../registry/labels';

type Names = Record<string, string>;

/** Names of the inspection codes in the UI's language; an unknown code shows as it is. */
export function useInspectionLabels() {
  const { t, i18n } = useTranslation();
  const departments = useDepartments();
  const registry = useRegistryLabels();
  const group = (key: string) => {
    const names = t(key as 'inspection.statuses', { returnObjects: true }) as unknown as Names;
    return (code: string | null | undefined) => (code ? (names[code] ?? code) : '—');
  };
  const department = (code: string) => {
    const d = departments.data?.find((x) => x.code === code);
    return d ? departmentLabel(d, i18n.language) : code;
  };
  return {
    status: group('inspection.statuses'),
    taskStatus: group('inspection.taskStatuses'),
    outcome: group('inspection.outcomes'),
    result: group('inspection.results'),
    severity: group('inspection.severities'),
    disposition: group('inspection.dispositions'),
    rectification: group('inspection.rectificationStatuses'),
    department,
    departments: (codes: string[]) => codes.map(department).join('、'),
    kind: registry.kind,
  };
}

export const CAMPAIGN_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  approved: 'blue',
  frozen: 'purple',
  drawn: 'green',
  cancelled: 'red',
};

export const TASK_STATUS_COLORS: Record<string, string> = {
  assigned: 'blue',
  completed: 'green',
  replaced: 'default',
};

/** A share (0–1) as a percentage with at most two decimals. */
export const percent = (share: number) => `${Math.round(share * 10_000) / 100}%`;

/** A ratio kept as the exact decimal text of the record ("0.2") as a percentage. */
export const ratioPercent = (ratio: string | number) => percent(Number(ratio));

export const campaignPath = (id: number) => `/console/inspection/campaigns/${id}`;
export const taskPath = (id: number) => `/console/inspection/tasks/${id}`;
