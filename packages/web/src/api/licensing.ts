import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';

// Licensing (证照分离): the permit catalogue, applications in four modes, licences, revalidation.

export type ReformMode = 'abolished' | 'filing' | 'commitment' | 'approval';
export interface Citation {
  zh: string;
  en: string;
}
export interface Action {
  action: string;
  labelZh: string;
  labelEn: string;
}

export interface PermitSummary {
  code: string;
  version: number;
  effectiveFrom: string;
  nameZh: string;
  nameEn: string;
  mode: ReformMode;
  level: 'province' | 'city' | 'county';
  departmentCode: string;
  statutoryLimitDays: number | null;
  committedLimitDays: number | null;
  replacedBy: string | null;
  summaryZh: string;
  citation: Citation;
}
export interface Catalogue {
  asOf: string;
  items: PermitSummary[];
  maxUploadBytes: number;
  acceptedFileTypes: string[];
}
export interface MaterialRequirement {
  code: string;
  nameZh: string;
  nameEn: string;
  required: boolean;
  removed: { citation: Citation; replacedBy: string | null } | null;
}
export interface CommitmentCondition {
  code: string;
  textZh: string;
  textEn: string;
}
export interface PermitDefinition {
  code: string;
  nameZh: string;
  nameEn: string;
  licenseNameZh: string;
  legalBasis: Citation[];
  level: PermitSummary['level'];
  departmentCode: string;
  mode: ReformMode;
  statutoryLimitDays: number | null;
  committedLimitDays: number | null;
  acceptLimitDays: number;
  materials: MaterialRequirement[];
  conditions: CommitmentCondition[];
  siteInspection: boolean;
  expertReview: boolean;
  twoInOne: boolean;
  publicNoticeDays: number;
  verificationDays: number | null;
  validityYears: number | null;
  revalidation: { kind: 'fixed' | 'medical_institution'; years?: number; citation: Citation } | null;
  replacedBy: string | null;
  guide: { summaryZh: string; summaryEn: string; stepsZh: string[]; noteZh: string };
  modelTexts: { code: string; titleZh: string; titleEn: string; bodyZh: string }[];
  seedItems: string[];
  citation: Citation;
}
export interface PermitVersion {
  code: string;
  version: number;
  effectiveFrom: string;
  note: string;
  createdAt: string;
  createdBy: string | null;
  definition: PermitDefinition;
}

export interface Clock {
  start: string;
  limit: number;
  due: string | null;
  stopped: boolean;
  elapsed: number;
  remaining: number;
  overdue: boolean;
  excludedWorkingDays: number;
  provisional: boolean;
  done: boolean;
  citation: Citation[];
}
export interface ApplicationSummary {
  id: number;
  number: string | null;
  jointId: number | null;
  establishment: { id: number; name: string; regionCode: string };
  permit: { code: string; version: number; nameZh: string; nameEn: string; mode: ReformMode };
  purpose: 'new' | 'change' | 'renewal' | 'deregistration';
  licenseId: number | null;
  unit: { id: number; name: string };
  state: string;
  stateLabelZh: string;
  stateLabelEn: string;
  version: number;
  receivedOn: string | null;
  acceptDue: string | null;
  decideDue: string | null;
  decidedOn: string | null;
  clockStopped: boolean;
  overdue: boolean;
  updatedAt: string;
}
export interface Material {
  id: number;
  materialCode: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
  uploadedBy: string | null;
}
export interface TimelineEntry {
  action: string;
  fromState: string | null;
  toState: string;
  onDate: string;
  at: string;
  actorName: string | null;
  details: Record<string, unknown>;
}
export interface ApplicationDetail extends ApplicationSummary {
  note: string | null;
  conditions: CommitmentCondition[];
  commitment: { signerName: string; signedOn: string } | null;
  acceptedOn: string | null;
  correction: { used: boolean; items: string[] | null };
  publicNotice: { from: string | null; until: string | null; done: boolean };
  publishBy: string | null;
  decision: { reasons: string | null; decisionNo: string | null; delayReason: string | null };
  clocks: { accept: Clock | null; decide: Clock | null };
  clockStops: { kind: string; from: string; to: string | null }[];
  availableActions: Action[];
  materialRequirements: MaterialRequirement[];
  materials: Material[];
  lookups: { materialCode: string; nameZh: string; nameEn: string; found: boolean; summary: string }[];
  timeline: TimelineEntry[];
  citation: Citation;
}

export interface LicenseSummary {
  id: number;
  number: string;
  permitCode: string;
  licenseNameZh: string;
  establishment: { id: number; name: string };
  issuer: { unitId: number; name: string };
  status: string;
  effectiveStatus: string;
  issuedOn: string;
  validFrom: string;
  validTo: string | null;
  version: number;
}
export interface Revalidation {
  id: number;
  license: { id: number; number: string; licenseNameZh: string };
  establishment: { id: number; name: string };
  cycleYears: number;
  dueOn: string;
  noticeOn: string;
  state: string;
  stateLabelZh: string;
  stateLabelEn: string;
  submittedOn: string | null;
  submission: { summary: string } | null;
  decidedOn: string | null;
  deferredUntil: string | null;
  reasons: string | null;
  version: number;
  availableActions: Action[];
  inputs: { noteZh: string };
}
export interface LicenseDetail extends LicenseSummary {
  applicationId: number | null;
  scope: string | null;
  conditions: string[];
  statusReason: string | null;
  renewalLastDay: string | null;
  certificatePath: string;
  availableActions: Action[];
  history: { action: string; onDate: string; at: string; actorName: string | null }[];
  revalidations: Revalidation[];
}
export interface Task {
  id: number;
  kind: 'commitment_verification' | 'post_filing_check';
  applicationId: number;
  licenseId: number;
  establishment: { id: number; name: string };
  state: string;
  stateLabelZh: string;
  stateLabelEn: string;
  dueOn: string;
  rectificationDue: string | null;
  findings: string | null;
  overdue: boolean;
  version: number;
  availableActions: Action[];
}
export interface InboxItem {
  kind: 'application' | 'task' | 'revalidation';
  id: number;
  title: string;
  establishmentName: string;
  state: string;
  stateLabelZh: string;
  stateLabelEn: string;
  step: string;
  dueOn: string | null;
  remainingWorkingDays: number | null;
  clockStopped: boolean;
  warning: boolean;
  overdue: boolean;
  escalated: boolean;
  unitName: string;
}
export interface Inbox {
  today: string;
  warningMarginDays: number;
  items: InboxItem[];
}
interface Page<T> {
  items: T[];
  total: number;
}

export const LICENSING_KEY = ['licensing'] as const;
const HOUR = 60 * 60_000;

export const useCatalogue = () =>
  useQuery({
    queryKey: [...LICENSING_KEY, 'catalogue'],
    queryFn: ({ signal }) => api.get<Catalogue>('/public/permit-types', undefined, signal),
    staleTime: HOUR,
  });
export const usePermit = (code: string) =>
  useQuery({
    queryKey: [...LICENSING_KEY, 'permit', code],
    queryFn: ({ signal }) => api.get<PermitVersion>(`/public/permit-types/${code}`, undefined, signal),
  });
export const usePermitVersions = (code: string) =>
  useQuery({
    queryKey: [...LICENSING_KEY, 'permit-versions', code],
    queryFn: ({ signal }) =>
      api
        .get<{ items: PermitVersion[] }>(`/permit-types/${code}/versions`, undefined, signal)
        .then((r) => r.items),
  });
export const useInbox = (view: 'mine' | 'escalations') =>
  useQuery({
    queryKey: [...LICENSING_KEY, 'inbox', view],
    queryFn: ({ signal }) => api.get<Inbox>('/licensing/inbox', { view }, signal),
  });
export const useApplications = (query: { q?: string; state?: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: [...LICENSING_KEY, 'applications', query],
    queryFn: ({ signal }) => api.get<Page<ApplicationSummary>>('/licensing/applications', query, signal),
    placeholderData: keepPreviousData,
  });
export const applicationKey = (id: number) => [...LICENSING_KEY, 'application', id] as const;
export const useApplication = (id: number) =>
  useQuery({
    queryKey: applicationKey(id),
    queryFn: ({ signal }) => api.get<ApplicationDetail>(`/licensing/applications/${id}`, undefined, signal),
  });
export const useLicenses = (query: {
  q?: string;
  establishmentId?: number;
  page: number;
  pageSize: number;
}) =>
  useQuery({
    queryKey: [...LICENSING_KEY, 'licenses', query],
    queryFn: ({ signal }) => api.get<Page<LicenseSummary>>('/licensing/licenses', query, signal),
    placeholderData: keepPreviousData,
  });
export const licenseKey = (id: number) => [...LICENSING_KEY, 'license', id] as const;
export const useLicense = (id: number) =>
  useQuery({
    queryKey: licenseKey(id),
    queryFn: ({ signal }) => api.get<LicenseDetail>(`/licensing/licenses/${id}`, undefined, signal),
  });
export const useTasks = (licenseId?: number) =>
  useQuery({
    queryKey: [...LICENSING_KEY, 'tasks'],
    queryFn: ({ signal }) =>
      api.get<Page<Task>>('/licensing/tasks', { pageSize: 200 }, signal).then((r) => r.items),
    select: (items) => (licenseId ? items.filter((x) => x.licenseId === licenseId) : items),
  });

export const createApplication = (body: { establishmentId: number; permitCode: string; note?: string }) =>
  api.post<ApplicationDetail>('/licensing/applications', body);
export const actOnApplication = (id: number, body: Record<string, unknown>) =>
  api.post<ApplicationDetail>(`/licensing/applications/${id}/actions`, body);
export const actOnLicense = (id: number, body: Record<string, unknown>) =>
  api.post<LicenseDetail>(`/licensing/licenses/${id}/actions`, body);
export const actOnTask = (id: number, body: Record<string, unknown>) =>
  api.post<Task>(`/licensing/tasks/${id}/actions`, body);
export const actOnRevalidation = (id: number, body: Record<string, unknown>) =>
  api.post<Revalidation>(`/licensing/revalidations/${id}/actions`, body);
export const materialUrl = (applicationId: number, materialId: number) =>
  `/api/v1/licensing/applications/${applicationId}/materials/${materialId}`;
export const deleteMaterial = (applicationId: number, materialId: number) =>
  api.delete<unknown>(`/licensing/applications/${applicationId}/materials/${materialId}`);

/** Multipart upload of one material. */
export function uploadMaterial(applicationId: number, materialCode: string, file: File): Promise<Material> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<Material>(`/licensing/applications/${applicationId}/materials`, form, {
    query: { materialCode },
  });
}
