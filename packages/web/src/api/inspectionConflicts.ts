import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { INSPECTION_KEY, type Inspector } from './inspection';

// An officer's conflicts of interest (回避): the draw never sends them to those establishments.

export type ConflictReason = 'former_employer' | 'relative' | 'other';

export interface Conflict {
  id: number;
  establishmentId: number;
  establishmentName: string | null;
  reason: ConflictReason;
  note: string;
  source: 'declared' | 'recorded';
  createdAt: string;
  createdBy: string | null;
  endedAt: string | null;
  endReason: string | null;
}

export type InspectorDetail = Inspector & { conflicts: Conflict[]; version: number };

export function useInspector(id: number | null) {
  return useQuery({
    queryKey: [...INSPECTION_KEY, 'inspector', id],
    queryFn: ({ signal }) => api.get<InspectorDetail>(`/inspectors/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useAddConflict(inspectorId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { establishmentId: number; reason: ConflictReason; note: string }) =>
      api.post<InspectorDetail>(`/inspectors/${inspectorId}/conflicts`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: INSPECTION_KEY }),
  });
}

export function useEndConflict(inspectorId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ conflictId, reason }: { conflictId: number; reason: string }) =>
      api.post<InspectorDetail>(`/inspectors/${inspectorId}/conflicts/${conflictId}/end`, { reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: INSPECTION_KEY }),
  });
}
