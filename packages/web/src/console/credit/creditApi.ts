import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  AlertActionInput,
  AlertQuery,
  BatchInput,
  BlacklistEntry,
  BlacklistProposal,
  CreditAlert,
  CreditEntry,
  CreditProfile,
  Demerit,
  DemeritList,
  Grading,
  ManualListing,
  Metric,
  MonitoringBatch,
  Override,
  Page,
  ProfileQuery,
  ProfileSummary,
  RiskLevel,
  RuleSet,
  SubjectType,
} from './creditTypes';

/**
 * Credit and risk (信用与风险) as the server presents it under /credit: profiles with the risk score's
 * parts and reasons, the credit file, demerit points, the blacklist, warnings, monitoring batches,
 * the rule sets. Shapes follow packages/server/src/modules/credit/schemas.ts.
 */
export const CREDIT_KEY = 'credit';

export type * from './creditTypes';

// --- reads -------------------------------------------------------------------------------------

export const useProfiles = (q: ProfileQuery) =>
  useQuery({
    queryKey: [CREDIT_KEY, 'profiles', q],
    queryFn: ({ signal }) => api.get<Page<ProfileSummary>>('/credit/establishments', { ...q }, signal),
    placeholderData: keepPreviousData,
  });

/** How many establishments are at each risk level under the other filters (one count query each). */
export const useRiskCounts = (q: Omit<ProfileQuery, 'riskLevel' | 'page' | 'pageSize'>) =>
  useQuery({
    queryKey: [CREDIT_KEY, 'risk-counts', q],
    queryFn: async ({ signal }) => {
      const levels: RiskLevel[] = ['low', 'medium', 'high', 'severe'];
      const pages = await Promise.all(
        levels.map((riskLevel) =>
          api.get<Page<ProfileSummary>>('/credit/establishments', { ...q, riskLevel, pageSize: 1 }, signal),
        ),
      );
      return Object.fromEntries(levels.map((l, i) => [l, pages[i]!.total])) as Record<RiskLevel, number>;
    },
    placeholderData: keepPreviousData,
  });

export const useProfile = (type: SubjectType, id: number) =>
  useQuery({
    queryKey: [CREDIT_KEY, 'profile', type, id],
    queryFn: ({ signal }) => api.get<CreditProfile>(`/credit/${type}s/${id}`, undefined, signal),
    enabled: id > 0,
  });

export const useEntries = (type: SubjectType, id: number) =>
  useQuery({
    queryKey: [CREDIT_KEY, 'entries', type, id],
    queryFn: ({ signal }) =>
      api.get<Page<CreditEntry>>(`/credit/${type}s/${id}/entries`, { pageSize: 200 }, signal),
    enabled: id > 0,
  });

export const useDemerits = (type: SubjectType, id: number) =>
  useQuery({
    queryKey: [CREDIT_KEY, 'demerits', type, id],
    queryFn: ({ signal }) => api.get<DemeritList>(`/credit/${type}s/${id}/demerits`, undefined, signal),
    enabled: id > 0,
  });

export const useBlacklist = (q: {
  status?: 'listed' | 'exited';
  q?: string;
  page: number;
  pageSize: number;
}) =>
  useQuery({
    queryKey: [CREDIT_KEY, 'blacklist', q],
    queryFn: ({ signal }) => api.get<Page<BlacklistEntry>>('/credit/blacklist', { ...q }, signal),
    placeholderData: keepPreviousData,
  });

export const useProposals = (status?: 'pending' | 'approved' | 'rejected') =>
  useQuery({
    queryKey: [CREDIT_KEY, 'proposals', status],
    queryFn: ({ signal }) =>
      api.get<Page<BlacklistProposal>>('/credit/blacklist/proposals', { status, pageSize: 100 }, signal),
  });

export const useGradings = (id: number, enabled = true) =>
  useQuery({
    queryKey: [CREDIT_KEY, 'gradings', id],
    queryFn: ({ signal }) =>
      api.get<{ items: Grading[] }>(`/credit/establishments/${id}/gradings`, undefined, signal),
    enabled: enabled && id > 0,
  });

export const useAlerts = (q: AlertQuery) =>
  useQuery({
    queryKey: [CREDIT_KEY, 'alerts', q],
    queryFn: ({ signal }) => api.get<Page<CreditAlert>>('/credit/alerts', { ...q }, signal),
    placeholderData: keepPreviousData,
  });

export const useAlert = (id: number | null) =>
  useQuery({
    queryKey: [CREDIT_KEY, 'alert', id],
    queryFn: ({ signal }) => api.get<CreditAlert>(`/credit/alerts/${id}`, undefined, signal),
    enabled: id !== null,
  });

export const useBatches = (q: { status?: 'accepted' | 'rejected'; page: number; pageSize: number }) =>
  useQuery({
    queryKey: [CREDIT_KEY, 'batches', q],
    queryFn: ({ signal }) => api.get<Page<MonitoringBatch>>('/credit/monitoring/batches', { ...q }, signal),
    placeholderData: keepPreviousData,
  });

export const useMetrics = () =>
  useQuery({
    queryKey: [CREDIT_KEY, 'metrics'],
    queryFn: ({ signal }) =>
      api.get<{
        items: Metric[];
        maxClockSkewMinutes: number;
        maxAgeDays: number;
        maxReadingsPerBatch: number;
      }>('/credit/monitoring/metrics', undefined, signal),
    staleTime: 5 * 60_000,
  });

export const useRuleSets = () =>
  useQuery({
    queryKey: [CREDIT_KEY, 'rules'],
    queryFn: ({ signal }) => api.get<{ items: RuleSet[] }>('/credit/rules', undefined, signal),
  });

// --- writes ------------------------------------------------------------------------------------

/** A write that refreshes every credit read when it succeeds (levels move with any change). */
export function useCreditMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: [CREDIT_KEY] }),
  });
}

export const creditWrites = {
  actOnAlert: (id: number, input: AlertActionInput) =>
    api.post<CreditAlert>(`/credit/alerts/${id}/actions`, input),
  proposeListing: (input: ManualListing) => api.post<BlacklistProposal>('/credit/blacklist/proposals', input),
  proposeRemoval: (blacklistId: number, reason: string) =>
    api.post<BlacklistProposal>(`/credit/blacklist/${blacklistId}/removal-proposals`, { reason }),
  stateDefence: (id: number, input: { kind: 'stated' | 'waived'; statement: string }) =>
    api.post<BlacklistProposal>(`/credit/blacklist/proposals/${id}/defence`, input),
  decideProposal: (id: number, input: { decision: 'approve' | 'reject'; reason: string }) =>
    api.post<BlacklistProposal>(`/credit/blacklist/proposals/${id}/decide`, input),
  recordDemerit: (
    type: SubjectType,
    id: number,
    input: {
      behaviourCode: string;
      occurredOn: string;
      source: { type: 'inspection' | 'case' | 'complaint'; id: string };
      note: string;
    },
  ) => api.post<Demerit>(`/credit/${type}s/${id}/demerits`, input),
  revokeDemerit: (id: number, reason: string) =>
    api.post<Demerit>(`/credit/demerits/${id}/revoke`, { reason }),
  setOverride: (
    id: number,
    input: {
      target: Override['target'];
      value: string;
      reason: string;
      validUntil?: string;
      inspectionsPerYear?: number;
    },
  ) => api.post<CreditProfile>(`/credit/establishments/${id}/overrides`, input),
  revokeOverride: (id: number, reason: string) =>
    api.post<CreditProfile>(`/credit/overrides/${id}/revoke`, { reason }),
  recordGrading: (
    id: number,
    input: {
      sector: Grading['sector'];
      assessedOn: string;
      scores: { itemCode: string; score: number }[];
      note: string;
    },
  ) => api.post<Grading>(`/credit/establishments/${id}/gradings`, input),
  applyForRepair: (
    id: number,
    input: { statement: string; conditions: { code: string; met: boolean; evidence: string }[] },
  ) => api.post<BlacklistEntry>(`/credit/blacklist/${id}/repairs`, input),
  decideRepair: (id: number, repairId: number, input: { decision: 'grant' | 'refuse'; reason: string }) =>
    api.post<BlacklistEntry>(`/credit/blacklist/${id}/repairs/${repairId}/decide`, input),
  uploadBatch: (input: BatchInput) => api.post<MonitoringBatch>('/credit/monitoring/batches', input),
  saveRuleSet: (section: string, input: { values: unknown; note: string; expectedVersion: number }) =>
    api.put<RuleSet>(`/credit/rules/${section}`, input),
  recompute: () =>
    api.post<{ computed?: number; riskChanges?: number; levelChanges?: number }>('/credit/recompute'),
};
