import type { EstablishmentKind } from '../registry/categories.js';
import { DEFAULT_COMPLIANCE_GUIDES } from '../registry/compliance-guides.js';
import { SEVERITIES, type Severity } from './policy.js';

/**
 * Checklists (检查表, "一表"): per establishment kind and department, the items an inspector checks,
 * each with its legal basis and how serious a failure is. The defaults derive from the compliance
 * guides' items (registry); administrators edit them, and every edit is a new version.
 */
export interface ChecklistItem {
  code: string;
  /** What is checked (检查内容). */
  what: string;
  /** Legal basis (检查依据). */
  basis: string;
  severity: Severity;
}

export interface ChecklistContent {
  kind: EstablishmentKind;
  departmentCode: string;
  title: string;
  items: ChecklistItem[];
}

/** Default severities of the guides' items: infection control and radiation failures are serious. */
const CRITICAL_ITEMS = new Set(['MED-04', 'MED-05', 'RD-01', 'RD-03', 'DW-03', 'SC-02']);

export function defaultChecklists(): ChecklistContent[] {
  const out: ChecklistContent[] = [];
  for (const [kind, guide] of Object.entries(DEFAULT_COMPLIANCE_GUIDES) as [
    EstablishmentKind,
    (typeof DEFAULT_COMPLIANCE_GUIDES)[EstablishmentKind],
  ][]) {
    const byDepartment = new Map<string, ChecklistItem[]>();
    for (const item of guide.items) {
      const list = byDepartment.get(item.departmentCode) ?? [];
      list.push({
        code: item.code,
        what: item.nameZh,
        basis: item.basisZh,
        severity: CRITICAL_ITEMS.has(item.code) ? 'critical' : 'major',
      });
      byDepartment.set(item.departmentCode, list);
    }
    for (const [departmentCode, items] of byDepartment) {
      out.push({ kind, departmentCode, title: `${guide.titleZh.replace(/合规指引$/, '')}检查表`, items });
    }
  }
  return out;
}

export interface MergedChecklistItem extends ChecklistItem {
  /** Departments whose checklists contain the item (one visit checks it once for all of them). */
  departments: string[];
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

/**
 * The checklist of a joint inspection (进一次门、查多件事): every department's items, in the
 * campaign's department order and each list's own order; an item code several lists share is
 * checked once, for all of them, at its most serious severity.
 */
export function mergeChecklists(
  lists: readonly Pick<ChecklistContent, 'departmentCode' | 'items'>[],
  departmentOrder: readonly string[],
): MergedChecklistItem[] {
  const order = (d: string) => {
    const i = departmentOrder.indexOf(d);
    return i < 0 ? departmentOrder.length : i;
  };
  const sorted = [...lists].sort((a, b) => order(a.departmentCode) - order(b.departmentCode));
  const merged = new Map<string, MergedChecklistItem>();
  for (const list of sorted) {
    for (const item of list.items) {
      const seen = merged.get(item.code);
      if (!seen) {
        merged.set(item.code, { ...item, departments: [list.departmentCode] });
        continue;
      }
      if (!seen.departments.includes(list.departmentCode)) seen.departments.push(list.departmentCode);
      if (rank(item.severity) > rank(seen.severity)) seen.severity = item.severity;
      if (!seen.basis.includes(item.basis)) seen.basis = `${seen.basis}；${item.basis}`;
    }
  }
  return [...merged.values()];
}
