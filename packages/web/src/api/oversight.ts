import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';

// Oversight (监管驾驶舱): the dashboard's panels and the lists behind its figures.

export type DeadlineSource =
  | 'licensing_decision'
  | 'licensing_task'
  | 'complaint'
  | 'warning'
  | 'case'
  | 'publication';
export type Measure = 'started' | 'done' | 'on_time' | 'late' | 'open' | 'overdue' | 'substantiated';

export interface Totals {
  started: number;
  done: number;
  onTime: number;
  late: number;
  open: number;
  overdue: number;
  substantiated: number;
  amount: number;
}

export interface Counted {
  key: string;
  nameZh: string;
  nameEn: string;
  n: number;
}

export interface Dashboard {
  region: { code: string; name: string; level: string };
  departmentCode: string | null;
  from: string;
  to: string;
  asOf: string;
  /** countedAt: when the summary counted them (every 15 minutes), null when counted live. */
  establishments: { total: number; byKind: Counted[]; countedAt: string | null };
  credit: { byCreditLevel: Counted[]; byRiskLevel: Counted[] };
  /** When the timeliness figures were summarised (province and cities), null when counted live. */
  timelinessCountedAt: string | null;
  coverage: {
    /** When the population was summarised, null when counted live. */
    populationCountedAt: string | null;
    year: number;
    target: number;
    population: number;
    covered: number;
    share: number;
    byRegion: { regionCode: string; name: string; population: number; covered: number; share: number }[];
  };
  approvals: { total: Totals; byPermit: (Totals & { permitCode: string; nameZh: string; nameEn: string })[] };
  postApproval: Totals;
  complaints: Totals;
  warnings: Totals;
  cases: Totals & { penalties: number };
  publications: Totals;
  map: {
    code: string;
    name: string;
    establishments: number;
    overdue: number;
    coverageShare: number | null;
  }[];
}

export interface DashboardQuery {
  regionCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface DeadlineRecord {
  source: DeadlineSource;
  recordId: number;
  reference: string;
  label: string;
  regionCode: string;
  departmentCode: string;
  category: string;
  state: string;
  startedOn: string | null;
  dueOn: string | null;
  doneOn: string | null;
  onTime: boolean | null;
}

export interface EstablishmentBehind {
  id: number;
  name: string;
  kind: string;
  regionCode: string;
  creditLevel: string | null;
  riskLevel: string | null;
}

const KEY = ['oversight'];

export function useDashboard(q: DashboardQuery) {
  return useQuery({
    queryKey: [...KEY, 'dashboard', q],
    queryFn: ({ signal }) => api.get<Dashboard>('/oversight/dashboard', { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDeadlineRecords(
  q: DashboardQuery & { source: string; measure: string; category?: string; page: number; pageSize: number },
) {
  return useQuery({
    queryKey: [...KEY, 'records', q],
    queryFn: ({ signal }) =>
      api.get<{ total: number; items: DeadlineRecord[] }>('/oversight/dashboard/records', { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEstablishmentsBehind(q: {
  regionCode?: string;
  kind?: string;
  creditLevel?: string;
  riskLevel?: string;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: [...KEY, 'establishments', q],
    queryFn: ({ signal }) =>
      api.get<{ total: number; items: EstablishmentBehind[] }>(
        '/oversight/dashboard/establishments',
        { ...q },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export type ReportKind = 'monthly_supervision' | 'reform_evaluation' | 'inspection_year' | 'pilot_summary';

/** The address of a report file (a plain link: the browser downloads it with the session cookie). */
export function reportUrl(q: {
  kind: ReportKind;
  format: 'docx' | 'xlsx' | 'pdf';
  regionCode?: string | undefined;
  year?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') p.set(k, String(v));
  return `/api/v1/oversight/reports?${p}`;
}

export interface Grid {
  id: number;
  code: string;
  name: string;
  regionCode: string;
  departmentCode: string;
  duties: string;
  version: number;
  areaCodes: string[];
  staff: { userId: number; name: string; role: 'lead' | 'member'; duties: string }[];
  workload: {
    establishments: number;
    patrolsPlanned: number;
    patrolsDone: number;
    problemsFound: number;
    rechecksOpen: number;
    rechecksOverdue: number;
    deadlinesOverdue: number;
  };
}

export interface GridInput {
  code: string;
  name: string;
  regionCode: string;
  duties: string;
  areaCodes: string[];
  staff: { userId: number; role: 'lead' | 'member'; duties: string }[];
}

export interface SpecialCampaign {
  id: number;
  name: string;
  theme: string;
  regionCode: string;
  departments: string[];
  startsOn: string;
  endsOn: string;
  target: number;
  done: number;
  problems: number;
}

export function useGrids() {
  return useQuery({
    queryKey: [...KEY, 'grids'],
    queryFn: ({ signal }) => api.get<{ items: Grid[] }>('/oversight/grids', undefined, signal),
  });
}

export function useSpecialCampaigns() {
  return useQuery({
    queryKey: [...KEY, 'special-campaigns'],
    queryFn: ({ signal }) =>
      api.get<{ items: SpecialCampaign[] }>('/oversight/special-campaigns', undefined, signal),
  });
}

export const createGrid = (input: GridInput) => api.post<{ id: number }>('/oversight/grids', input);
export const GRIDS_KEY = [...KEY, 'grids'];

export interface GridItems {
  id: number;
  code: string;
  name: string;
  patrols: {
    id: number;
    place: string;
    plannedOn: string;
    status: string;
    findings: string | null;
    problemFound: boolean | null;
    campaignId: number | null;
    establishmentId: number | null;
    patrolledAt: string | null;
    officerName: string | null;
    /** SHA-256 of each photo (patrolPhotoUrl in oversightField.ts). */
    photos: string[];
  }[];
  rechecks: {
    id: number;
    establishmentId: number;
    establishmentName: string;
    source: string;
    sourceRef: string;
    dueOn: string;
    status: string;
    doneOn: string | null;
    result: string | null;
  }[];
}

export function useGridItems(id: number) {
  return useQuery({
    queryKey: [...KEY, 'grids', id],
    queryFn: ({ signal }) => api.get<GridItems>(`/oversight/grids/${id}`, undefined, signal),
  });
}

export const planPatrol = (gridId: number, body: { place: string; plannedOn: string }) =>
  api.post<{ id: number }>(`/oversight/grids/${gridId}/patrols`, body);
export const recordPatrol = (
  id: number,
  body: { findings: string; problemFound: boolean; photos: string[] },
) => api.post<null>(`/oversight/patrols/${id}/record`, body);
export const completeRecheck = (id: number, body: { doneOn: string; result: string }) =>
  api.post<null>(`/oversight/rechecks/${id}/complete`, body);
