import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export interface Health {
  status: string;
  version: string;
  database: { kind: string; migration: string | number };
}

export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => api.get<Health>('/health', undefined, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}
