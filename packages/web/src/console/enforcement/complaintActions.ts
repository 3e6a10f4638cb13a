import type { ComplaintCategory } from '../../api/enforcement';
import type { FieldSpec } from './ActionForm';
import type { EnforcementLabels } from './labels';

const DEPARTMENTS = ['supervision', 'health', 'market', 'insurance', 'police', 'environment'];

/** The fields of each complaint action, as the server's ComplaintActionRequest names them. */
export function complaintActionFields(
  action: string,
  labels: EnforcementLabels,
  categories: ComplaintCategory[],
  language: string,
): FieldSpec[] {
  switch (action) {
    case 'accept':
      return [{ name: 'publicNote', kind: 'textarea', max: 1000 }];
    case 'refuse':
      return [{ name: 'reasons', kind: 'textarea', required: true, max: 2000 }];
    case 'reroute':
      return [
        {
          name: 'departmentCode',
          kind: 'select',
          required: true,
          options: DEPARTMENTS.map((d) => ({ value: d, label: labels.option(d) })),
        },
        { name: 'reason', kind: 'textarea', required: true, max: 1000 },
      ];
    case 'reclassify':
      return [
        {
          name: 'categoryCode',
          kind: 'select',
          required: true,
          options: categories.map((c) => ({ value: c.code, label: language === 'en' ? c.nameEn : c.nameZh })),
        },
        { name: 'reason', kind: 'textarea', max: 1000 },
      ];
    case 'conclude':
      return [
        { name: 'substantiated', kind: 'bool', initial: true },
        { name: 'conclusion', kind: 'textarea', required: true, max: 4000 },
        { name: 'publicNote', kind: 'textarea', required: true, max: 2000 },
      ];
    case 'reply':
      return [{ name: 'reply', kind: 'textarea', required: true, max: 2000 }];
    default:
      return [];
  }
}
