import type { DashboardQuery, DeadlineSource, Measure } from '../../api/oversight';

/** The address of the list behind a figure: the same region, period, source, measure and category. */
export function recordsLink(
  q: DashboardQuery,
  source: DeadlineSource,
  measure: Measure,
  category?: string,
): string {
  const p = new URLSearchParams({ source, measure });
  if (category !== undefined) p.set('category', category);
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  return `/console/oversight/records?${p}`;
}

export function establishmentsLink(
  q: DashboardQuery,
  filter: { kind?: string; creditLevel?: string; riskLevel?: string },
): string {
  const p = new URLSearchParams();
  if (q.regionCode) p.set('regionCode', q.regionCode);
  for (const [k, v] of Object.entries(filter)) if (v) p.set(k, v);
  return `/console/oversight/establishments?${p}`;
}

/** Where a module shows one record, when it has a page for it. */
export function recordPage(source: DeadlineSource, id: number): string {
  switch (source) {
    case 'complaint':
      return `/console/enforcement/complaints/${id}`;
    case 'case':
      return `/console/enforcement/cases/${id}`;
    case 'licensing_decision':
      return `/console/licensing/applications/${id}`;
    case 'warning':
      return '/console/credit/alerts';
    case 'publication':
      return '/console/enforcement/cases';
    case 'licensing_task':
      return '/console/licensing/applications';
  }
}

export const rate = (part: number, whole: number): string =>
  whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : '—';
