import { api } from './client';

export type RegionLevel = 'province' | 'city' | 'county' | 'town' | 'village';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  retired: boolean;
  /** How many regions sit directly below (0 = a leaf). */
  childCount: number;
  validFrom?: number | null;
  validTo?: number | null;
  replacedBy?: string[];
}

export const regionsKey = (parent: string | null) => ['regions', parent ?? 'top'] as const;

/** Children of `parent`, or the top level (provinces) when parent is null. */
export const fetchRegions = (parent: string | null, signal?: AbortSignal) =>
  api.get<{ items: Region[] }>('/regions', { parent }, signal).then((r) => r.items);
