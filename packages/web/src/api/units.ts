import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { RegionLevel } from './regions';

export interface Unit {
  id: number;
  name: string;
  departmentCode: string;
  departmentName: string;
  regionCode: string;
  regionName: string;
  regionLevel: RegionLevel;
  userCount: number;
  createdAt: string;
}

export interface Department {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface UnitListQuery {
  departmentCode?: string;
  regionCode?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const UNITS_KEY = ['units'] as const;

export function useUnits(query: UnitListQuery = {}) {
  return useQuery({
    queryKey: [...UNITS_KEY, query],
    queryFn: ({ signal }) =>
      api.get<{ items: Unit[]; total: number }>('/units', { pageSize: 500, ...query }, signal),
    staleTime: 30_000,
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) =>
      api.get<{ items: Department[] }>('/departments', undefined, signal).then((r) => r.items),
    staleTime: 60 * 60_000,
  });
}

export const departmentLabel = (d: Department, language: string) => (language === 'en' ? d.nameEn : d.nameZh);

export const createUnit = (input: { departmentCode: string; regionCode: string; name: string }) =>
  api.post<Unit>('/units', input);
export const renameUnit = (id: number, name: string) => api.patch<Unit>(`/units/${id}`, { name });
