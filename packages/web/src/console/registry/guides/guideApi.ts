import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { REGISTRY_KEY } from '../../../api/registry';

/** Compliance guides (合规指引) per establishment kind and the responsibility map (职责分工), versioned. */
export interface Citation {
  zh: string;
  en: string;
}
export interface GuideContent {
  titleZh: string;
  summaryZh: string;
  departments: { departmentCode: string; role: 'lead' | 'joint'; matterZh: string; citation: Citation }[];
  items: { code: string; nameZh: string; departmentCode: string; basisZh: string }[];
  frequency: {
    appliesToZh: string;
    flags: string[];
    minShare: number | null;
    timesPerYear: number | null;
    ruleZh: string;
    citation: Citation;
  }[];
  process: {
    order: number;
    nameZh: string;
    descriptionZh: string;
    departmentCode: string | null;
    citation: Citation | null;
  }[];
}
export interface VersionInfo {
  version: number;
  note: string;
  createdAt: string;
  createdBy: string | null;
}
export interface ComplianceGuide extends VersionInfo {
  kind: string;
  kindName: string;
  effectiveFrom: string | null;
  content: GuideContent;
}
export interface DepartmentDuty {
  departmentCode: string;
  dutiesZh: string;
  dutiesEn: string;
  citation: Citation;
}
export interface ResponsibilityMap extends VersionInfo {
  entries: (DepartmentDuty & { departmentName: string })[];
  versions: VersionInfo[];
}

const GUIDES_KEY = [...REGISTRY_KEY, 'guides'] as const;

/** The current guide of a kind with its version list, or (version given) that earlier version. */
export function useGuide(kind: string, version: number | null) {
  return useQuery({
    queryKey: [...GUIDES_KEY, kind, version],
    queryFn: ({ signal }) =>
      version === null
        ? api.get<ComplianceGuide & { versions: VersionInfo[] }>(
            `/compliance-guides/${kind}`,
            undefined,
            signal,
          )
        : api.get<ComplianceGuide>(`/compliance-guides/${kind}/versions/${version}`, undefined, signal),
  });
}

export function useGuideVersions(kind: string) {
  return useQuery({
    queryKey: [...GUIDES_KEY, kind, null],
    queryFn: ({ signal }) =>
      api.get<ComplianceGuide & { versions: VersionInfo[] }>(`/compliance-guides/${kind}`, undefined, signal),
    select: (g) => g.versions,
  });
}

export function useResponsibilityMap() {
  return useQuery({
    queryKey: [...GUIDES_KEY, 'map'],
    queryFn: ({ signal }) => api.get<ResponsibilityMap>('/responsibility-map', undefined, signal),
  });
}

export const invalidateGuides = GUIDES_KEY;

export const saveGuide = (
  kind: string,
  input: { content: GuideContent; note: string; effectiveFrom: string | null; expectedVersion: number },
) => api.put<ComplianceGuide>(`/compliance-guides/${kind}`, input);

export const saveResponsibilityMap = (input: {
  entries: DepartmentDuty[];
  note: string;
  expectedVersion: number;
}) => api.put<ResponsibilityMap>('/responsibility-map', input);
