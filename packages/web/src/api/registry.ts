import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';

// The registry (监管对象名录库): establishments, practitioners, code lists, compliance guides.

export type EstablishmentKind = string;
export type EstablishmentStatus = 'preparing' | 'operating' | 'suspended' | 'deregistered';
export type Ownership = 'public' | 'private';
export type Level = 'level1' | 'level2' | 'level3' | 'unrated';

interface Named {
  code: string;
  nameZh: string;
}
export interface CodeLists {
  kinds: (Named & { nameEn: string })[];
  categories: (Named & { kind: string; parent: string })[];
  categoryTree: (Named & { parent: string | null })[];
  clinicalSubjects: (Named & { parent: string | null })[];
  statuses: Named[];
  ownerships: Named[];
  levels: Named[];
  flags: (Named & { manual: boolean })[];
  professions: Named[];
  practiceCategories: Named[];
  practiceScopes: (Named & { category: string })[];
  titles: { grade: string; profession: string; nameZh: string }[];
  citations: Record<string, { zh: string; en: string }>;
}

export interface EstablishmentSummary {
  id: number;
  publicCode: string;
  name: string;
  uscc: string | null;
  usccCheckFailed: boolean;
  kind: EstablishmentKind;
  categoryCode: string;
  categoryName: string;
  regionCode: string;
  regionName: string;
  address: string;
  /** A landline in full, a mobile masked (138****5678). */
  contactPhone: string | null;
  contactPhoneKind: 'landline' | 'mobile' | null;
  ownership: Ownership | null;
  forProfit: boolean | null;
  level: Level | null;
  beds: number | null;
  status: EstablishmentStatus;
  flags: string[];
  version: number;
  updatedAt: string;
}

export interface Establishment extends EstablishmentSummary {
  publicPath: string;
  legalRepresentative: string | null;
  clinicalSubjects: Named[];
  regionPath: { code: string; name: string; level: string }[];
  usccAcceptance: { reason: string; acceptedBy: string | null; acceptedAt: string } | null;
  practitionerCount: number;
  createdAt: string;
}

export interface EstablishmentInput {
  name: string;
  uscc: string | null;
  usccAcceptReason?: string;
  categoryCode: string;
  regionCode: string;
  address: string;
  legalRepresentative: string | null;
  contactPhone: string | null;
  ownership: Ownership | null;
  forProfit: boolean | null;
  level: Level | null;
  beds: number | null;
  clinicalSubjects: string[];
  status: EstablishmentStatus;
  manualFlags: string[];
}

export interface EstablishmentFilter {
  q?: string;
  code?: string;
  kind?: string;
  category?: string;
  region?: string;
  status?: string;
  flags?: string;
  ownership?: string;
}
export type EstablishmentSort = 'name' | 'updatedAt' | 'createdAt' | 'beds' | 'regionCode' | 'categoryCode';
export interface EstablishmentQuery extends EstablishmentFilter {
  page: number;
  pageSize: number;
  sort?: EstablishmentSort;
  order?: 'asc' | 'desc';
}

export interface Page<T> {
  items: T[];
  total: number;
  /** false when there are more than 10,000 matches (total is then 10,000). */
  totalExact: boolean;
  page: number;
  pageSize: number;
}

export interface RecordVersion {
  version: number;
  changedAt: string;
  actor: { userId: number | null; name: string | null };
  action: string;
  importBatchId: number | null;
  changes: { field: string; before: unknown; after: unknown }[];
}

/** A licence as the licensing module lists it (GET /licensing/licenses?establishmentId=…). */
export interface LicenseSummary {
  id: number;
  number: string;
  permitCode: string;
  licenseNameZh: string;
  issuer: { unitId: number; name: string; departmentCode: string };
  status: string;
  effectiveStatus: string;
  validFrom: string;
  validTo: string | null;
}

export const REGISTRY_KEY = ['registry'] as const;
const HOUR = 60 * 60_000;

export function useCodeLists() {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'code-lists'],
    queryFn: ({ signal }) => api.get<CodeLists>('/registry/code-lists', undefined, signal),
    staleTime: HOUR,
  });
}

export function useEstablishments(query: EstablishmentQuery) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'establishments', query],
    queryFn: ({ signal }) => api.get<Page<EstablishmentSummary>>('/establishments', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export const establishmentKey = (id: number) => [...REGISTRY_KEY, 'establishment', id] as const;

export function useEstablishment(id: number, enabled = true) {
  return useQuery({
    queryKey: establishmentKey(id),
    queryFn: ({ signal }) => api.get<Establishment>(`/establishments/${id}`, undefined, signal),
    enabled,
  });
}

export function useHistory(entity: 'establishments' | 'practitioners', id: number) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, entity, id, 'history'],
    queryFn: ({ signal }) =>
      api.get<{ items: RecordVersion[] }>(`/${entity}/${id}/history`, undefined, signal).then((r) => r.items),
  });
}

export const createEstablishment = (input: EstablishmentInput) =>
  api.post<Establishment>('/establishments', input);
export const updateEstablishment = (
  id: number,
  patch: Partial<EstablishmentInput> & { expectedVersion: number },
) => api.patch<Establishment>(`/establishments/${id}`, patch);
/** Recorded in the audit trail by the server. */
export const revealContact = (id: number) =>
  api.get<{ contactPhone: string | null; contactPhoneKind: string | null }>(
    `/establishments/${id}/sensitive`,
  );
export const acceptUscc = (uscc: string, reason: string) =>
  api.post<null>('/registry/uscc-acceptances', { uscc, reason });

/** Plain links: the browser downloads with the session cookie (GETs need no CSRF header). */
export const codeImageUrl = (id: number, format: 'png' | 'svg') =>
  `/api/v1/establishments/${id}/code.${format}`;
export const TEMPLATE_URL = '/api/v1/establishments/import-template.xlsx';
export function exportUrl(filter: EstablishmentFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, String(v));
  const qs = params.toString();
  return `/api/v1/establishments/export.xlsx${qs ? `?${qs}` : ''}`;
}

export function useLicensesHeld(establishmentId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'licenses', establishmentId],
    queryFn: ({ signal }) =>
      api
        .get<{ items: LicenseSummary[] }>('/licensing/licenses', { establishmentId, pageSize: 50 }, signal)
        .then((r) => r.items),
    enabled,
  });
}
