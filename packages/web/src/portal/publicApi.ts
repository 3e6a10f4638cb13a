import type { DeadlineResult, DeadlineUnit } from '../api/calendar';
import type {
  ComplaintCategory,
  ComplaintReceipt,
  ComplaintTracking,
  PublicComplaintInput,
} from '../api/enforcement';
import type { Health } from '../api/health';
import type { Region } from '../api/regions';
import { getJson, postJson } from './http';
import { useResource } from './useResource';

// The public API the portal calls (all under /api/v1, no session needed). Types only from ../api: the
// console's client, i18n and TanStack Query stay out of the portal's chunks.

/** A record as the disclosure gate lets it out: declared fields only, masked. */
export type PublicRecord = Record<string, string | number | boolean | null>;
export interface Citation {
  zh: string;
  en: string;
}

export interface EstablishmentPageData {
  establishment: PublicRecord;
  licences: PublicRecord[];
  revokedLicences: PublicRecord[];
  commitments: PublicRecord[];
  inspections: PublicRecord[];
  penalties: PublicRecord[];
  credit: PublicRecord | null;
  blacklist: PublicRecord[];
  asOf: string;
  lastUpdated: string | null;
  /** The supervision mode where policy makes it public (one-code, demerit, commitment, graded). */
  supervisionMode?: { code: string; label: string; labelEn: string; citation: Citation } | null;
}

export interface SearchParams {
  q?: string;
  code?: string;
  kind?: string;
  region?: string;
  page: number;
}

export interface Dictionary {
  id: string;
  titleZh: string;
  titleEn: string;
  periodZh: string;
  periodEn: string;
  citations: Citation[];
  fields: { name: string; type: string; treatment: string; zh: string; en: string }[];
}

export interface PublicCampaign {
  campaignNo: string;
  title: string;
  description: string;
  status: string;
  statusName: string;
  departments: { code: string; name: string }[];
  periodStart: string;
  periodEnd: string;
  commitment: string | null;
  randomnessDate: string;
  sources: { id: string; description: string }[];
  frozen: {
    frozenAt: string;
    hashes: Record<string, string>;
    strata: { id: string; ratio: string; population: number; sample: number }[];
  } | null;
  drawnAt: string | null;
  drawHash: string | null;
  recordPublicFrom: string;
  recordAvailable: boolean;
  recordSha256: string | null;
  publishedResults: number;
}

export interface InspectionResult {
  id: number;
  publishedAt: string;
  publication: {
    campaignNo: string;
    campaignTitle: string;
    establishment: { name: string; code: string; address: string };
    inspectedOn: string;
    outcome: 'compliant' | 'non_compliant';
    items: { what: string; result: string }[];
    rectification: { deadline: string; status: string } | null;
  };
}

export interface PermitSummary {
  code: string;
  nameZh: string;
  nameEn: string;
  mode: string;
  modeNameZh: string;
  level: 'province' | 'city' | 'county';
  departmentCode: string;
  statutoryLimitDays: number | null;
  committedLimitDays: number | null;
  summaryZh: string;
}

export interface PermitVersion {
  code: string;
  version: number;
  effectiveFrom: string;
  definition: PermitSummary & {
    licenseNameZh: string;
    legalBasis: Citation[];
    materials: { code: string; nameZh: string; nameEn: string; required: boolean; removed: unknown }[];
    conditions: { textZh: string }[];
    guide: { summaryZh: string; summaryEn: string; stepsZh: string[]; noteZh: string };
    modelTexts: { code: string; titleZh: string; titleEn: string; bodyZh: string }[];
  };
}

const get = getJson;
const q = (s: string) => encodeURIComponent(s);

export const useEstablishmentPage = (code: string) =>
  useResource(`e/${code}`, (signal) =>
    get<EstablishmentPageData>(`/public/establishments/${q(code)}`, {}, signal),
  );

export const useEstablishmentSearch = (p: SearchParams, enabled: boolean) =>
  useResource(
    enabled ? `search?${JSON.stringify(p)}` : null,
    (signal) =>
      get<{ items: PublicRecord[]; total: number; capped: boolean; page: number; pageSize: number }>(
        '/public/establishments',
        { ...p, pageSize: 20 },
        signal,
      ),
    true,
  );

export const usePublicList = (dataset: string) =>
  useResource(`list/${dataset}`, (signal) =>
    get<{ asOf: string; dictionary: Dictionary; items: PublicRecord[] }>(
      `/public/lists/${q(dataset)}`,
      {},
      signal,
    ),
  );

export const useCampaigns = () =>
  useResource('campaigns', (signal) =>
    get<{ items: PublicCampaign[]; total: number }>('/public/campaigns', { pageSize: 50 }, signal),
  );

export const useCampaign = (no: string) =>
  useResource(`campaign/${no}`, (signal) => get<PublicCampaign>(`/public/campaigns/${q(no)}`, {}, signal));

export const useInspectionResults = (campaignNo?: string) =>
  useResource(`results/${campaignNo ?? ''}`, (signal) =>
    get<{ items: InspectionResult[]; total: number }>(
      '/public/inspection-results',
      { campaignNo, pageSize: 20 },
      signal,
    ),
  );

export const usePermitTypes = () =>
  useResource('permit-types', (signal) =>
    get<{ asOf: string; items: PermitSummary[] }>('/public/permit-types', {}, signal),
  );

export const usePermitType = (code: string) =>
  useResource(`permit-type/${code}`, (signal) =>
    get<PermitVersion>(`/public/permit-types/${q(code)}`, {}, signal),
  );

export interface OpenDataCatalogue {
  asOf: string;
  licence: string;
  datasets: {
    id: string;
    titleZh: string;
    titleEn: string;
    records: number;
    /** The day the files are of: a daily snapshot is the day before's until the night job runs. */
    day: string;
    csv: string;
    json: string;
  }[];
}

export const useOpenData = () =>
  useResource('open-data', (signal) => get<OpenDataCatalogue>('/open-data', {}, signal));

export const useDictionaries = () =>
  useResource('dictionary', (signal) => get<Dictionary[]>('/open-data/dictionary', {}, signal));

export const useHealth = () => useResource('health', (signal) => get<Health>('/health', {}, signal));

export const fetchDeadline = (query: { from: string; days: number; unit: DeadlineUnit }) =>
  get<DeadlineResult>('/calendar/deadline', query);

export const useComplaintCategories = () =>
  useResource('complaint-categories', (signal) =>
    get<ComplaintCategory[]>('/public/complaint-categories', {}, signal),
  );

export const submitComplaint = (input: PublicComplaintInput) =>
  postJson<ComplaintReceipt>('/public/complaints', input);

export const trackComplaint = (queryCode: string) =>
  get<ComplaintTracking>(`/public/complaints/${q(queryCode)}`);

/** Children of `parent`, or the provinces. */
export const useRegions = (parent: string | null) =>
  useResource(`regions/${parent ?? 'top'}`, (signal) =>
    get<{ items: Region[] }>('/regions', { parent }, signal).then((r) => r.items.filter((x) => !x.retired)),
  );
