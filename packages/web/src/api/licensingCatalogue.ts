import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { LICENSING_KEY, type PermitDefinition, type PermitVersion, type ReformMode } from './licensing';

// The catalogue editor (preview a drafted version, publish it) and the per-permit licensing report.

export interface NewPermitVersion {
  effectiveFrom: string;
  note: string;
  definition: Omit<PermitDefinition, 'code'>;
}
export interface PermitChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}
export interface PermitPreview {
  code: string;
  nextVersion: number;
  current: { version: number; effectiveFrom: string } | null;
  valid: boolean;
  errors: { path: string; code: string; messageZh: string; messageEn: string }[];
  changes: PermitChange[];
}

export const previewPermitVersion = (code: string, body: NewPermitVersion) =>
  api.post<PermitPreview>(`/permit-types/${code}/versions/preview`, body);
export const publishPermitVersion = (code: string, body: NewPermitVersion) =>
  api.post<PermitVersion>(`/permit-types/${code}/versions`, body);

export interface PermitReportRow {
  permitCode: string;
  permitNameZh: string;
  permitNameEn: string;
  mode: ReformMode;
  statutoryLimitDays: number | null;
  committedLimitDays: number | null;
  received: number;
  decided: number;
  granted: number;
  refused: number;
  timed: number;
  withinCommitted: number;
  withinStatutory: number;
  averageWorkingDays: number | null;
  verified: number;
  foundFalse: number;
  withdrawn: number;
}
export interface PermitReport {
  from: string;
  to: string;
  region: { code: string; name: string };
  rows: PermitReportRow[];
  citation: { zh: string; en: string };
}
export interface PermitReportQuery {
  from?: string | undefined;
  to?: string | undefined;
  regionCode?: string | undefined;
}

const clean = (q: PermitReportQuery) =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string
  >;

export const usePermitReport = (q: PermitReportQuery) =>
  useQuery({
    queryKey: [...LICENSING_KEY, 'permit-report', q],
    queryFn: ({ signal }) => api.get<PermitReport>('/licensing/reports/permits', clean(q), signal),
  });

/** The Excel file's address (a plain link: the browser downloads it with the session cookie). */
export const permitReportXlsxUrl = (q: PermitReportQuery) =>
  `/api/v1/licensing/reports/permits.xlsx?${new URLSearchParams(clean(q))}`;
