import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { ENFORCEMENT_KEY, type Page } from './enforcement';

// After and around a case (执法公示、移送、证据、处罚后复查、热线登记). Shapes follow the server's
// schemas (modules/enforcement/schemas/other.ts, case.ts, complaint.ts).

export interface PublicationRecord {
  id: number;
  caseId: number;
  severity: 'minor' | 'general' | 'serious';
  status: 'pending' | 'published' | 'withheld' | 'withdrawn';
  /** `expired` once the display period has ended (taken down without a job). */
  effectiveStatus: 'pending' | 'published' | 'withheld' | 'withdrawn' | 'expired';
  visible: boolean;
  withheldReason: string | null;
  decidedOn: string;
  publishBy: string | null;
  publishedOn: string | null;
  publishedOnTime: boolean | null;
  minUntil: string | null;
  maxUntil: string | null;
  withdrawBy: string | null;
  withdrawnOn: string | null;
  withdrawalReason: string | null;
  repairStatus: 'none' | 'applied' | 'repaired';
  content: {
    party: { name: string; kindZh: string; creditCode: string | null };
    decisionNo: string;
    violationType: string;
    facts: string;
    penaltyContent: string;
    authority: string;
  };
  masking: { field: string; ruleZh: string; ruleEn: string }[];
}

export function usePublications(query: { status?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...ENFORCEMENT_KEY, 'publications', query],
    queryFn: ({ signal }) =>
      api.get<Page<PublicationRecord>>('/enforcement/publications', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}
export const publishPublication = (id: number) =>
  api.post<PublicationRecord>(`/enforcement/publications/${id}/publish`, {});
export const repairPublication = (id: number, body: Record<string, unknown>) =>
  api.post<PublicationRecord>(`/enforcement/publications/${id}/repair`, body);

export interface Referral {
  id: number;
  number: string;
  caseId: number | null;
  leadId: number | null;
  from: { unitId: number; unitName: string; departmentCode: string };
  toKind: 'department' | 'judiciary';
  toDepartmentCode: string | null;
  toBodyName: string;
  reason: string;
  suspectedCrime: boolean;
  materials: string;
  state: 'sent' | 'acknowledged' | 'concluded';
  sentOn: string;
  acknowledgedOn: string | null;
  receiptNo: string | null;
  acknowledgedBy: string | null;
  result: string | null;
  resultOn: string | null;
  receivedLeadId: number | null;
  direction: 'sent' | 'received';
  version: number;
}

export function useReferrals(query: { direction?: string; state?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...ENFORCEMENT_KEY, 'referrals', query],
    queryFn: ({ signal }) => api.get<Page<Referral>>('/enforcement/referrals', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}
export const sendReferral = (body: Record<string, unknown>) =>
  api.post<Referral>('/enforcement/referrals', body);
export const actOnReferral = (id: number, body: Record<string, unknown>) =>
  api.post<Referral>(`/enforcement/referrals/${id}/actions`, body);

export interface Reinspection {
  id: number;
  caseId: number;
  caseNumber: string;
  dueOn: string;
  overdue: boolean;
  state: 'open' | 'done';
  doneOn: string | null;
  outcome: 'compliant' | 'non_compliant' | null;
  note: string | null;
}
export function useReinspections(query: { state?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...ENFORCEMENT_KEY, 'reinspections', query],
    queryFn: ({ signal }) => api.get<Page<Reinspection>>('/enforcement/reinspections', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}
export const completeReinspection = (id: number, body: Record<string, unknown>) =>
  api.post<Reinspection & { leadId: number | null }>(`/enforcement/reinspections/${id}/complete`, body);

/** A complaint taken on the hotline (12345/12320), a visit or a letter, entered by staff. */
export const enterComplaint = (body: Record<string, unknown>) =>
  api.post<{ id: number; number: string; queryCode: string; joined: boolean; handlingUnit: string }>(
    '/enforcement/complaints',
    body,
  );

export interface EvidenceMeta {
  kind: string;
  description: string;
  collectedOn?: string;
}

/** Multipart upload of one evidence file ; the server hashes it. */
export function uploadEvidence(caseId: number, meta: EvidenceMeta, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<{ id: number; fileName: string; sha256: string }>(
    `/enforcement/cases/${caseId}/evidence`,
    form,
    { query: { kind: meta.kind, description: meta.description, collectedOn: meta.collectedOn } },
  );
}
