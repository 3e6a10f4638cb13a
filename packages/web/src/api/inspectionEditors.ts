import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { type Checklist, type ChecklistItem, INSPECTION_KEY, type Inspector } from './inspection';
import type { ItemListEntry } from './inspectionPlan';

// The editors of "一表两清单" and the roster (执法人员名录库): new checklist and item-list versions,
// officers added and changed, and Excel in and out.

export type ChecklistDetail = Checklist & {
  versions: { id: number; version: number; note: string; createdAt: string }[];
};

export interface SaveChecklist {
  kind: string;
  departmentCode: string;
  title: string;
  items: ChecklistItem[];
  note: string;
  expectedVersion: number;
}

export interface ItemList {
  version: number;
  entries: ItemListEntry[];
  note: string;
  createdAt: string;
  createdBy: string | null;
  versions: { version: number; note: string; createdAt: string; createdBy: string | null }[];
}

export type EditableInspector = Inspector & { certificateValidUntil: string | null; version: number };

export interface InspectorFields {
  certificateNo: string;
  certificateValidUntil: string | null;
  name: string;
  unitId: number;
  specialties: string[];
  available: boolean;
  unavailableReason: string | null;
}

export interface RosterImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

export function useChecklist(id: number | null) {
  return useQuery({
    queryKey: [...INSPECTION_KEY, 'checklist', id],
    queryFn: ({ signal }) => api.get<ChecklistDetail>(`/checklists/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useSaveChecklist() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveChecklist) => api.post<ChecklistDetail>('/checklists', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: INSPECTION_KEY }),
  });
}

export function useFullItemList(version?: number) {
  return useQuery({
    queryKey: [...INSPECTION_KEY, 'item-list-full', version ?? 'current'],
    queryFn: ({ signal }) => api.get<ItemList>('/inspection-item-list', { version }, signal),
  });
}

export function useSaveItemList() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { entries: ItemListEntry[]; note: string; expectedVersion: number }) =>
      api.put<ItemList>('/inspection-item-list', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: INSPECTION_KEY }),
  });
}

export function useSaveInspector(id: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<InspectorFields> & { expectedVersion?: number }) =>
      id === null
        ? api.post<EditableInspector>('/inspectors', body)
        : api.patch<EditableInspector>(`/inspectors/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: INSPECTION_KEY }),
  });
}

export const checklistExportUrl = (id: number) => `/api/v1/checklists/export.xlsx?id=${id}`;
export const rosterExportUrl = '/api/v1/inspectors/export.xlsx';

/** Sends an .xlsx file as the raw request body; resolves with the JSON answer or throws an ApiError. */
export function uploadSheet<T>(path: string, file: Blob): Promise<T> {
  return api.upload<T>(path, file, {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
