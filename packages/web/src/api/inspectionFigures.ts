import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { INSPECTION_KEY } from './inspection';
import { fetchRegions, regionsKey } from './regions';

// GET /inspection-figures: coverage against the year's target, findings per item, workloads, overdue.

export interface Coverage {
  population: number;
  covered: number;
  share: number;
  target: number;
  meetsTarget: boolean;
  /** Drawn this year, done or not. */
  planned: number;
}

export interface InspectionFigures {
  year: number;
  regionCode: string;
  target: number;
  total: Coverage;
  byKind: (Coverage & { kind: string })[];
  byRegion: (Coverage & { regionCode: string })[];
  findingsByItem: { itemCode: string; what: string; checked: number; nonCompliant: number; rate: number }[];
  workloads: {
    inspectorId: number;
    certificateNo: string;
    name: string;
    departmentCode: string;
    drawn: number;
    completed: number;
    open: number;
  }[];
  overdue: {
    tasks: number;
    rectifications: number;
    publications: number;
    items: {
      kind: 'task' | 'rectification' | 'publication';
      inspectionId: number;
      establishmentName: string | null;
      dueOn: string;
    }[];
  };
}

export function useInspectionFigures(query: { year?: number; regionCode?: string }) {
  return useQuery({
    queryKey: [...INSPECTION_KEY, 'figures', query],
    queryFn: ({ signal }) => api.get<InspectionFigures>('/inspection-figures', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** Names of county codes (the figures count by county): the children of each county's city. */
export function useCountyNames(codes: string[]): (code: string) => string {
  const cities = [...new Set(codes.map((c) => `${c.slice(0, 4)}00`))];
  const results = useQueries({
    queries: cities.map((city) => ({
      queryKey: regionsKey(city),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchRegions(city, signal),
      staleTime: 60 * 60_000,
    })),
  });
  const names = new Map(results.flatMap((r) => r.data ?? []).map((r) => [r.code, r.name]));
  return (code) => names.get(code) ?? code;
}
