import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { type ImageSize, sizedImage } from './images';

// Random inspections (双随机、一公开): campaigns and their verifiable draw, the roster, checklists,
// inspection tasks and the field form. Shapes follow the server's schemas (modules/inspection).

export type CampaignStatus = 'draft' | 'approved' | 'frozen' | 'drawn' | 'cancelled';
export type ItemResult = 'compliant' | 'non_compliant' | 'not_applicable';
export type Disposition = 'rectification' | 'lead' | 'rectification_and_lead';

export interface Stratum {
  id: string;
  ratio: string;
  qualification: string | null;
  population: number;
  sample: number;
}

export interface Campaign {
  id: number;
  campaignNo: string;
  title: string;
  description: string;
  status: CampaignStatus;
  statusName: string;
  availableActions: string[];
  ownerUnit: { id: number; name: string };
  departments: string[];
  joint: boolean;
  kinds: string[];
  regionCodes: string[];
  itemCodes: string[];
  periodStart: string;
  periodEnd: string;
  sampling: {
    defaultRatio: number;
    sectors: { flag: string; ratio: number }[];
    cells?: { kind: string; riskLevel: string; creditLevel: string; ratio: number }[];
  };
  teamSize: number;
  workloadCap: number | null;
  yearTarget: number;
  randomnessDate: string;
  sources: { id: string; description: string }[];
  commitment: string | null;
  nonceHeldByPlatform: boolean;
  /** Row version: an edit sends the one it read (expectedVersion). */
  version: number;
  createdAt: string;
  createdBy: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  frozenAt: string | null;
  drawnAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  recordPublicFrom: string;
  draw: {
    poolHash: string;
    rosterHash: string;
    exclusionsHash: string;
    paramsHash: string;
    strata: Stratum[];
    frozenAt: string;
    sourcesHash: string | null;
    seed: string | null;
    drawHash: string | null;
    recordSha256: string | null;
    drawnAt: string | null;
  } | null;
  progress: {
    targets: number;
    completed: number;
    replaced: number;
    nonCompliant: number;
    published: number;
    reinspections: number;
  };
}

export interface Forecast {
  strata: (Stratum & { kind: string; sector: string; riskLevel: string; creditLevel: string })[];
  expectedInspections: number;
  coveredSoFar: number;
  yearCoverage: {
    population: number;
    covered: number;
    share: number;
    target: number;
    meetsTarget: boolean;
    expectedNew: number;
  };
  staffingProblems: { stratum: string; region: string; eligible: number; missingDepartments: string[] }[];
  frozen: boolean;
}

export interface Officer {
  inspectorId: number;
  certificateNo: string;
  name: string;
  departmentCode: string;
}

export interface InspectionSummary {
  id: number;
  campaign: { id: number; campaignNo: string; title: string; joint: boolean };
  taskKind: 'random' | 'reinspection';
  parentId: number | null;
  establishment: {
    id: number;
    name: string;
    uscc: string | null;
    publicCode: string;
    kind: string;
    regionCode: string;
    address: string;
  } | null;
  code: string;
  stratum: string | null;
  departments: string[];
  status: 'assigned' | 'completed' | 'replaced';
  dueOn: string;
  overdue: boolean;
  understaffed: boolean;
  team: (Officer & { position: number })[];
  inspectedOn: string | null;
  outcome: 'compliant' | 'non_compliant' | null;
  publicationDue: string | null;
  publishedAt: string | null;
  readOnly: boolean;
}

export interface ChecklistItem {
  code: string;
  what: string;
  basis: string;
  severity: 'minor' | 'major' | 'critical';
}

export interface Photo {
  id: number;
  sha256: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface Rectification {
  id: number;
  itemCodes: string[];
  orderedOn: string;
  workingDays: number;
  deadline: string;
  status: 'open' | 'rectified' | 'not_rectified';
  reinspectionId: number | null;
  overdue: boolean;
}

export interface Inspection extends InspectionSummary {
  drawKey: string | null;
  checklist: (ChecklistItem & { departments: string[] })[];
  result: {
    inspectedAt: string;
    notes: string | null;
    officers: Officer[];
    items: {
      itemCode: string;
      result: ItemResult;
      note: string;
      photoIds: number[];
      disposition: Disposition | null;
    }[];
    recordedAt: string;
    recordedBy: string | null;
  } | null;
  photos: Photo[];
  rectification: Rectification | null;
  parentRectification: Rectification | null;
  leads: { id: number; itemCodes: string[]; summary: string; status: string; createdAt: string }[];
  publication: { publishedOn: string } | null;
}

export interface Inspector {
  id: number;
  certificateNo: string;
  name: string;
  unit: { id: number; name: string };
  departmentCode: string;
  regionCode: string;
  specialties: string[];
  available: boolean;
  unavailableReason: string | null;
  userId: number | null;
  openTasks: number;
}

export interface Checklist {
  id: number;
  kind: string;
  departmentCode: string;
  version: number;
  title: string;
  items: ChecklistItem[];
  note: string;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CompleteForm {
  inspectedAt: string;
  officers: number[];
  items: {
    itemCode: string;
    result: ItemResult;
    note: string;
    photoIds: number[];
    disposition: Disposition | null;
  }[];
  rectificationWorkingDays: number | null;
  leadSummary: string | null;
  notes: string | null;
}

export const INSPECTION_KEY = ['inspection'] as const;
type Query = Record<string, string | number | boolean | undefined>;

export function useCampaigns(query: Query) {
  return useQuery({
    queryKey: [...INSPECTION_KEY, 'campaigns', query],
    queryFn: ({ signal }) => api.get<Page<Campaign>>('/campaigns', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: number) {
  return useQuery({
    queryKey: [...INSPECTION_KEY, 'campaign', id],
    queryFn: ({ signal }) => api.get<Campaign>(`/campaigns/${id}`, undefined, signal),
    enabled: id > 0,
  });
}

export function useForecast(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...INSPECTION_KEY, 'campaign', id, 'forecast'],
    queryFn: ({ signal }) => api.get<Forecast>(`/campaigns/${id}/forecast`, undefined, signal),
    enabled,
  });
}

export function useInspections(query: Query, enabled = true) {
  return useQuery({
    queryKey: [...INSPECTION_KEY, 'inspections', query],
    queryFn: ({ signal }) => api.get<Page<InspectionSummary>>('/inspections', query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useInspection(id: number) {
  return useQuery({
    queryKey: [...INSPECTION_KEY, 'inspection', id],
    queryFn: ({ signal }) => api.get<Inspection>(`/inspections/${id}`, undefined, signal),
    enabled: id > 0,
  });
}

export function useInspectors(query: Query) {
  return useQuery({
    queryKey: [...INSPECTION_KEY, 'inspectors', query],
    queryFn: ({ signal }) => api.get<Page<Inspector>>('/inspectors', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useChecklists() {
  return useQuery({
    queryKey: [...INSPECTION_KEY, 'checklists'],
    queryFn: ({ signal }) =>
      api.get<{ items: Checklist[] }>('/checklists', undefined, signal).then((r) => r.items),
    staleTime: 60_000,
  });
}

/** A campaign action (approve, freeze, draw, cancel, publish-results); refreshes everything inspection. */
export function useCampaignAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: string; body?: unknown }) =>
      api.post<Campaign>(`/campaigns/${id}/${action}`, body ?? {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: INSPECTION_KEY }),
  });
}

export function useCompleteInspection(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (form: CompleteForm) => api.post<Inspection>(`/inspections/${id}/complete`, form),
    onSuccess: () => qc.invalidateQueries({ queryKey: INSPECTION_KEY }),
  });
}

export const drawRecordUrl = (campaignId: number) => `/api/v1/campaigns/${campaignId}/draw-record`;
/** A photo of an inspection: the original, or with `thumb` a small JPEG made from it for lists. */
export const photoUrl = (inspectionId: number, photoId: number, size?: ImageSize) =>
  sizedImage(`/api/v1/inspections/${inspectionId}/photos/${photoId}`, size);

/** Uploads one photo as the raw request body (the server decides the type by its first bytes). */
export function uploadPhoto(inspectionId: number, file: File): Promise<Photo> {
  return api.upload<Photo>(`/inspections/${inspectionId}/photos`, file, {
    contentType: file.type === 'image/png' ? 'image/png' : 'image/jpeg',
  });
}
