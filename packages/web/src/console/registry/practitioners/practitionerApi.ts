import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { type Page, REGISTRY_KEY } from '../../../api/registry';

/** Practitioners (医务人员): search, detail, the audited ID read, multi-site filings. */
export type Profession = 'doctor' | 'nurse' | 'pharmacist' | 'technician';

export interface PractitionerSummary {
  id: number;
  name: string;
  idNumberMasked: string;
  profession: Profession;
  practiceCategory: string | null;
  practiceScopes: string[];
  titleGrade: string | null;
  titleName: string | null;
  practisingCertNo: string | null;
  primaryEstablishment: { id: number; name: string; regionCode: string };
  status: 'active' | 'inactive';
  version: number;
  updatedAt: string;
}
export interface MultiSiteFiling {
  id: number;
  site: { id: number; name: string; regionCode: string };
  validFrom: string;
  validTo: string;
  agreementNo: string;
  agreementSignedOn: string | null;
  status: 'active' | 'ended';
  endedOn: string | null;
  endReason: string | null;
  filedAt: string;
}
export interface Practitioner extends PractitionerSummary {
  qualificationCertNo: string | null;
  multiSiteFilings: MultiSiteFiling[];
  createdAt: string;
}
export interface PractitionerQuery {
  q?: string;
  idNumber?: string;
  certNo?: string;
  profession?: Profession;
  establishmentId?: number;
  status?: 'active' | 'inactive';
  page: number;
  pageSize: number;
}
export interface MultiSiteFilingInput {
  siteEstablishmentId: number;
  validFrom: string;
  validTo: string;
  agreementNo: string;
  agreementSignedOn: string | null;
}

export function usePractitioners(query: PractitionerQuery, enabled = true) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'practitioners', query],
    queryFn: ({ signal }) => api.get<Page<PractitionerSummary>>('/practitioners', { ...query }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const practitionerKey = (id: number) => [...REGISTRY_KEY, 'practitioner', id] as const;

export function usePractitioner(id: number) {
  return useQuery({
    queryKey: practitionerKey(id),
    queryFn: ({ signal }) => api.get<Practitioner>(`/practitioners/${id}`, undefined, signal),
  });
}

/** Recorded in the audit trail by the server. */
export const revealIdNumber = (id: number) => api.get<{ idNumber: string }>(`/practitioners/${id}/sensitive`);
export const fileMultiSite = (id: number, input: MultiSiteFilingInput) =>
  api.post<Practitioner>(`/practitioners/${id}/multi-site-filings`, input);
export const endMultiSite = (id: number, filingId: number, input: { endedOn: string; reason: string }) =>
  api.post<Practitioner>(`/practitioners/${id}/multi-site-filings/${filingId}/end`, input);

/** A plain link to the filtered list as .xlsx (ID numbers masked). */
export function practitionerExportUrl(filter: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  const qs = params.toString();
  return `/api/v1/practitioners/export.xlsx${qs ? `?${qs}` : ''}`;
}

export const PRACTITIONER_TEMPLATE_URL = '/api/v1/practitioners/import-template.xlsx';
