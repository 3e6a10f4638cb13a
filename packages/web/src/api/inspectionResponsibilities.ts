import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { INSPECTION_KEY } from './inspection';

/** 监管责任清单 (seed 001 四(二) "两清单"): who supervises what, on which basis, by which measures. */
export interface ResponsibilityEntry {
  code: string;
  departmentCode: string;
  matterZh: string;
  basisZh: string;
  objectKinds: string[];
  measuresZh: string;
}

export interface ResponsibilityList {
  version: number;
  entries: ResponsibilityEntry[];
  note: string;
  createdAt: string;
  createdBy: string | null;
  versions: { version: number; note: string; createdAt: string; createdBy: string | null }[];
}

export function useResponsibilityList(version?: number) {
  return useQuery({
    queryKey: [...INSPECTION_KEY, 'responsibility-list', version ?? 'current'],
    queryFn: ({ signal }) =>
      api.get<ResponsibilityList>('/supervision-responsibility-list', { version }, signal),
  });
}

export function useSaveResponsibilityList() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { entries: ResponsibilityEntry[]; note: string; expectedVersion: number }) =>
      api.put<ResponsibilityList>('/supervision-responsibility-list', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: INSPECTION_KEY }),
  });
}
