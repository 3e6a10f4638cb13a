import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { type Campaign, INSPECTION_KEY } from './inspection';

// The campaign plan form's data: the item list and the policy it offers, the plan it sends
// (POST /campaigns, PATCH /campaigns/:id), and the figures page (GET /inspection-figures).

export interface ItemListEntry {
  code: string;
  nameZh: string;
  basisZh: string;
  objectKinds: string[];
  departmentCode: string;
  method: string;
  ratio: string;
  frequency: string;
}

export interface InspectionPolicy {
  version: number;
  values: {
    yearCoverageTarget: number;
    defaultRatio: number;
    fullCoverageFlags: string[];
    differentiatedFlags: string[];
    teamSize: number;
  };
}

export interface SamplingPlan {
  defaultRatio: number;
  cells: { kind: string; riskLevel: string; creditLevel: string; ratio: number }[];
  sectors: { flag: string; ratio: number }[];
}

/** The body of POST /campaigns (and, whole, of PATCH /campaigns/:id). */
export interface CampaignPlan {
  title: string;
  description: string;
  departments: string[];
  kinds: string[];
  regionCodes: string[];
  itemCodes: string[];
  periodStart: string;
  periodEnd: string;
  sampling?: SamplingPlan;
  teamSize?: number;
  workloadCap: number | null;
  yearTarget?: number;
  randomnessDate: string;
  sources: { id: string; description: string }[];
}

export function useItemList() {
  return useQuery({
    queryKey: [...INSPECTION_KEY, 'item-list'],
    queryFn: ({ signal }) =>
      api
        .get<{ version: number; entries: ItemListEntry[] }>('/inspection-item-list', undefined, signal)
        .then((r) => r.entries),
    staleTime: 60_000,
  });
}

export function useInspectionPolicy() {
  return useQuery({
    queryKey: [...INSPECTION_KEY, 'policy'],
    queryFn: ({ signal }) => api.get<InspectionPolicy>('/inspection-policy', undefined, signal),
    staleTime: 60_000,
  });
}

/** Creates a draft (no id) or replaces a draft's plan (with its id and the version it was read at). */
export function useSaveCampaign(id: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ plan, version }: { plan: CampaignPlan; version?: number }) =>
      id === null
        ? api.post<Campaign>('/campaigns', plan)
        : api.patch<Campaign>(`/campaigns/${id}`, { ...plan, expectedVersion: version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: INSPECTION_KEY }),
  });
}
