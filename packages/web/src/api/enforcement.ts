import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { type ImageSize, sizedImage } from './images';

// Complaints and enforcement (投诉举报、线索、案件): the portal's complaint form and tracking page, and
// the console's inboxes. Shapes follow the server's schemas (modules/enforcement/schemas).

export const ENFORCEMENT_KEY = ['enforcement'] as const;

export interface ActionOption {
  action: string;
  labelZh: string;
  labelEn: string;
}
export interface UnitRef {
  id: number;
  name: string;
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

// ---- public (no sign-in) ----
export interface ComplaintCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  departmentCode: string;
  possibleCrime: boolean;
  citation: { zh: string; en: string };
}
export interface PublicComplaintInput {
  anonymous: boolean;
  reporter?: { name: string; phone?: string };
  categoryCode?: string;
  establishmentCode?: string;
  establishmentName?: string;
  practitionerName?: string;
  regionCode: string;
  location?: string;
  description: string;
}
export interface ComplaintReceipt {
  number: string;
  queryCode: string;
  receivedOn: string;
  acceptDue: string;
  handlingUnit: string;
  departmentName: string;
}
export interface ComplaintTracking {
  number: string;
  categoryName: string;
  state: string;
  stateLabel: string;
  stateLabelEn: string;
  handlingUnit: string;
  receivedOn: string;
  yourReportOn: string;
  history: { onDate: string; action: string; state: string | null; text: string }[];
}

export function useComplaintCategories() {
  return useQuery({
    queryKey: [...ENFORCEMENT_KEY, 'categories'],
    queryFn: ({ signal }) => api.get<ComplaintCategory[]>('/public/complaint-categories', undefined, signal),
    staleTime: 3_600_000,
  });
}
export const submitComplaint = (input: PublicComplaintInput) =>
  api.post<ComplaintReceipt>('/public/complaints', input);
export const trackComplaint = (queryCode: string) =>
  api.get<ComplaintTracking>(`/public/complaints/${encodeURIComponent(queryCode)}`);

// ---- complaints (staff) ----
export interface ComplaintSummary {
  id: number;
  number: string;
  channel: string;
  category: string;
  categoryName: string;
  departmentCode: string;
  unit: UnitRef;
  regionCode: string;
  establishmentId: number | null;
  establishmentText: string;
  needsTriage: boolean;
  state: string;
  stateLabel: string;
  receivedOn: string;
  dueOn: string | null;
  overdue: boolean;
  reporters: number;
  version: number;
  updatedAt: string;
}
export interface ComplaintDetail extends Omit<ComplaintSummary, 'reporters'> {
  description: string;
  practitionerText: string;
  locationText: string;
  transferredFrom: string | null;
  categorySource: string;
  categoryKeywords: string[];
  departmentName: string;
  acceptDue: string;
  acceptedOn: string | null;
  handleDue: string | null;
  concludedOn: string | null;
  replyDue: string | null;
  repliedOn: string | null;
  substantiated: boolean | null;
  conclusion: string | null;
  lead: { id: number; number: string; state: string; caseId: number | null } | null;
  reporters: {
    id: number;
    seq: number;
    channel: string;
    anonymous: boolean;
    identityOnFile: boolean;
    description: string;
    submittedOn: string;
  }[];
  notes: {
    id: number;
    visibility: 'public' | 'internal';
    action: string;
    fromState: string | null;
    toState: string | null;
    text: string;
    onDate: string;
    at: string;
    actorName: string | null;
  }[];
  rewards: {
    id: number;
    reporterId: number;
    amount: number;
    basis: string;
    decidedOn: string;
    status: 'approved' | 'paid';
    paidOn: string | null;
  }[];
  availableActions: ActionOption[];
}
export interface ReporterIdentity {
  reporterId: number;
  anonymous: boolean;
  name: string | null;
  phone: string | null;
  idNumber: string | null;
}
export interface ComplaintQuery {
  state?: string;
  q?: string;
  needsTriage?: 'true';
  overdue?: 'true';
  page: number;
  pageSize: number;
}

export function useComplaints(query: ComplaintQuery) {
  return useQuery({
    queryKey: [...ENFORCEMENT_KEY, 'complaints', query],
    queryFn: ({ signal }) => api.get<Page<ComplaintSummary>>('/enforcement/complaints', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}
export const complaintKey = (id: number) => [...ENFORCEMENT_KEY, 'complaint', id];
export function useComplaint(id: number) {
  return useQuery({
    queryKey: complaintKey(id),
    queryFn: ({ signal }) => api.get<ComplaintDetail>(`/enforcement/complaints/${id}`, undefined, signal),
    enabled: id > 0,
  });
}
export const actOnComplaint = (id: number, body: Record<string, unknown>) =>
  api.post<ComplaintDetail>(`/enforcement/complaints/${id}/actions`, body);
export const noteComplaint = (id: number, body: { visibility: 'public' | 'internal'; text: string }) =>
  api.post<ComplaintDetail>(`/enforcement/complaints/${id}/notes`, body);
export const readReporter = (id: number, reporterId: number) =>
  api.get<ReporterIdentity>(`/enforcement/complaints/${id}/reporters/${reporterId}/identity`);

// ---- leads ----
export interface Lead {
  id: number;
  number: string;
  source: 'complaint' | 'inspection' | 'alert' | 'referral' | 'manual';
  sourceRef: string;
  complaintId: number | null;
  establishmentId: number | null;
  practitionerId: number | null;
  regionCode: string;
  departmentCode: string;
  unit: UnitRef;
  summary: string;
  state: 'open' | 'no_action' | 'rectification' | 'case';
  receivedOn: string;
  triagedOn: string | null;
  triageReason: string | null;
  rectificationDue: string | null;
  caseId: number | null;
  version: number;
  updatedAt: string;
}
export interface LeadDetail extends Lead {
  availableActions: ActionOption[];
}
export function useLeads(query: { state?: string; q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...ENFORCEMENT_KEY, 'leads', query],
    queryFn: ({ signal }) => api.get<Page<Lead>>('/enforcement/leads', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}
export const leadKey = (id: number) => [...ENFORCEMENT_KEY, 'lead', id];
export function useLead(id: number) {
  return useQuery({
    queryKey: leadKey(id),
    queryFn: ({ signal }) => api.get<LeadDetail>(`/enforcement/leads/${id}`, undefined, signal),
    enabled: id > 0,
  });
}
export const triageLead = (id: number, body: Record<string, unknown>) =>
  api.post<{ leadId: number; caseId: number | null }>(`/enforcement/leads/${id}/triage`, body);

export interface Inspector {
  id: number;
  name: string;
  certificateNo: string;
}

// ---- cases ----
export interface CaseSummary {
  id: number;
  number: string;
  summary: string;
  partyName: string;
  partyKind: string;
  establishmentId: number | null;
  regionCode: string;
  departmentCode: string;
  unit: UnitRef;
  state: string;
  stateLabel: string;
  openedOn: string | null;
  decideDue: string | null;
  dueOn: string | null;
  overdue: boolean;
  decidedOn: string | null;
  severity: 'minor' | 'general' | 'serious' | null;
  version: number;
  updatedAt: string;
}
interface Range {
  min: number;
  max: number;
}
interface Terms {
  kinds: string[];
  fineAmount: number;
  confiscationAmount: number;
  outsideRangeReason: string | null;
}
export interface Publication {
  id: number;
  severity: string;
  status: string;
  effectiveStatus: string;
  visible: boolean;
  decidedOn: string;
  publishBy: string | null;
  publishedOn: string | null;
  maxUntil: string | null;
  withdrawnOn: string | null;
  content: { decisionNo: string; party: { name: string }; penaltyContent: string };
}
export interface CaseDetail extends CaseSummary {
  filingNo: string | null;
  noticeNo: string | null;
  decisionNo: string | null;
  leadId: number | null;
  party: {
    kind: string;
    name: string;
    creditCode: string | null;
    representative: string | null;
    address: string;
    idNumberMasked: string | null;
    isMinor: boolean;
  };
  officers: {
    inspectorId: number;
    name: string;
    certificateNo: string;
    recusedOn: string | null;
    recusalReason: string | null;
  }[];
  activeOfficers: number;
  violation: {
    violationCode: string;
    violationName: string;
    basis: { zh: string; en: string };
    circumstance: string;
    circumstanceName: string;
    suggestedKinds: string[];
    suggestedFine: Range | null;
    statutoryKinds: string[];
    statutoryFine: Range | null;
    tierDescription: string;
  } | null;
  facts: string | null;
  deadlines: {
    decisionLimitDays: number;
    extensionDays: number;
    decideDue: string | null;
    statementDue: string | null;
    hearingAvailable: boolean;
    hearingRequestDue: string | null;
    rightsWaived: boolean;
    serviceDue: string | null;
    paymentDue: string | null;
  };
  notice: (Terms & { noticeNo: string; noticedOn: string }) | null;
  hearing: { requestedOn: string; date?: string; place?: string; hostName?: string; heldOn?: string } | null;
  proposal:
    | (Terms & { proposedOn: string; proposedBy: string; major: { major: boolean; reasons: string[] } })
    | null;
  legalReview: {
    required: boolean;
    reasons: string[];
    submittedOn?: string;
    reviewerName?: string;
    opinion?: string;
    outcome?: 'passed' | 'returned';
    reviewedOn?: string;
  } | null;
  decision:
    | (Terms & {
        decisionNo: string;
        decidedOn: string;
        decidedBy: string;
        severity: string;
        basis: string;
        kindNames: string[];
      })
    | null;
  service: { method: string; recipient: string; servedOn: string; onTime: boolean } | null;
  payment: { fineAmount: number; paidAmount: number; owedToday: number; outstandingToday: number };
  closedOn: string | null;
  outcome: string | null;
  evidence: {
    id: number;
    kind: string;
    description: string;
    fileName: string;
    contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
    sha256: string;
    collectedOn: string;
  }[];
  documents: { kind: string; title: string; number: string | null; href: string }[];
  publications: Publication[];
  referrals: { id: number; number: string; toBodyName: string; state: string }[];
  reinspection: { id: number; dueOn: string; state: string; outcome: string | null } | null;
  record: { length: number; headHash: string };
  availableActions: ActionOption[];
}
export interface CaseRecordEntry {
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  onDate: string;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  details: Record<string, unknown>;
  fileHashes: string[];
  hash: string;
}
export interface RecordVerdict {
  ok: boolean;
  entries: number;
  headHash: string;
  broken: { seq: number | null; reason: string } | null;
}

export function useCases(query: { state?: string; q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...ENFORCEMENT_KEY, 'cases', query],
    queryFn: ({ signal }) => api.get<Page<CaseSummary>>('/enforcement/cases', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}
export const caseKey = (id: number) => [...ENFORCEMENT_KEY, 'case', id];
export function useCase(id: number) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: ({ signal }) => api.get<CaseDetail>(`/enforcement/cases/${id}`, undefined, signal),
    enabled: id > 0,
  });
}
export function useCaseRecord(id: number, version: number | undefined) {
  return useQuery({
    queryKey: [...caseKey(id), 'record', version],
    queryFn: ({ signal }) =>
      api.get<{ headHash: string; entries: CaseRecordEntry[] }>(
        `/enforcement/cases/${id}/record`,
        undefined,
        signal,
      ),
    enabled: id > 0 && version !== undefined,
  });
}
export function useRecordVerdict(id: number, version: number | undefined) {
  return useQuery({
    queryKey: [...caseKey(id), 'verify', version],
    queryFn: ({ signal }) =>
      api.get<RecordVerdict>(`/enforcement/cases/${id}/record/verify`, undefined, signal),
    enabled: id > 0 && version !== undefined,
  });
}
export const actOnCase = (id: number, body: Record<string, unknown>) =>
  api.post<CaseDetail>(`/enforcement/cases/${id}/actions`, body);
/** An evidence file's address; a photo can also be asked for as a thumbnail. */
export const evidenceUrl = (caseId: number, evidenceId: number, size?: ImageSize) =>
  sizedImage(`/api/v1/enforcement/cases/${caseId}/evidence/${evidenceId}`, size);
/** A document's address: PDF by default, Word (.docx) with format=docx. */
export const documentHref = (caseId: number, kind: string, format: 'pdf' | 'docx') =>
  `/api/v1/enforcement/cases/${caseId}/documents/${kind}${format === 'docx' ? '?format=docx' : ''}`;

/** Roster officers of the user's unit, for opening a case (at least two). */
export function useRosterOfficers(enabled: boolean) {
  return useQuery({
    queryKey: [...ENFORCEMENT_KEY, 'officers'],
    queryFn: ({ signal }) => api.get<Page<Inspector>>('/inspectors', { pageSize: 200 }, signal),
    enabled,
    staleTime: 60_000,
  });
}

/** The current discretion benchmark (行政裁量权基准): violations to choose from when recording one. */
export function useBenchmarkViolations(enabled: boolean) {
  return useQuery({
    queryKey: [...ENFORCEMENT_KEY, 'benchmark'],
    queryFn: ({ signal }) =>
      api
        .get<{ current: { content: { entries?: { code: string; nameZh: string; nameEn: string }[] } } }>(
          '/enforcement/policies/benchmark',
          undefined,
          signal,
        )
        .then((r) => r.current.content.entries ?? []),
    enabled,
    staleTime: 600_000,
  });
}
