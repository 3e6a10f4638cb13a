import type { Campaign } from '../../../api/inspection';
import type { CampaignPlan, InspectionPolicy, SamplingPlan } from '../../../api/inspectionPlan';
import { fieldPath, type ProblemFieldError } from '../../../api/problem';

/** The form's values: one region of the pool, the sampling either the policy's or the planner's own. */
export interface PlanFormValues {
  title: string;
  description?: string;
  departments: string[];
  kinds: string[];
  regionCode: string;
  itemCodes: string[];
  periodStart: string;
  periodEnd: string;
  randomnessDate: string;
  sources: { id: string; description: string }[];
  samplingMode: 'policy' | 'custom';
  defaultRatio?: number;
  sectors?: SamplingPlan['sectors'];
  cells?: SamplingPlan['cells'];
  yearTarget?: number | null;
  teamSize?: number | null;
  workloadCap?: number | null;
}

/** Two stock-index closings of day D: the sources every demo campaign names. */
export const defaultSources = (dayD = 'D') => [
  { id: 'sse-000001-close', description: `上证综指（000001）${dayD} 收盘点位` },
  { id: 'szse-399001-close', description: `深证成指（399001）${dayD} 收盘点位` },
];

/** The policy's sampling as editable rows (key sectors at 1, differentiated ones at the default). */
export function policySampling(
  policy: InspectionPolicy | undefined,
): Pick<PlanFormValues, 'defaultRatio' | 'sectors' | 'cells'> {
  if (!policy) return { defaultRatio: 0.2, sectors: [], cells: [] };
  const v = policy.values;
  return {
    defaultRatio: v.defaultRatio,
    sectors: [
      ...v.fullCoverageFlags.map((flag) => ({ flag, ratio: 1 })),
      ...v.differentiatedFlags.map((flag) => ({ flag, ratio: v.defaultRatio })),
    ],
    cells: [],
  };
}

export function formFromCampaign(c: Campaign): PlanFormValues {
  const s = c.sampling as SamplingPlan;
  return {
    title: c.title,
    description: c.description,
    departments: c.departments,
    kinds: c.kinds,
    regionCode: c.regionCodes[0] ?? '',
    itemCodes: c.itemCodes,
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
    randomnessDate: c.randomnessDate,
    sources: c.sources,
    samplingMode: 'custom',
    defaultRatio: s.defaultRatio,
    sectors: s.sectors,
    cells: s.cells ?? [],
    yearTarget: c.yearTarget,
    teamSize: c.teamSize,
    workloadCap: c.workloadCap,
  };
}

const given = (n: number | null | undefined) => (n === null || n === undefined ? undefined : n);

export function planFromForm(v: PlanFormValues): CampaignPlan {
  return {
    title: v.title,
    description: v.description ?? '',
    departments: v.departments,
    kinds: v.kinds,
    regionCodes: [v.regionCode],
    itemCodes: v.itemCodes,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    randomnessDate: v.randomnessDate,
    sources: v.sources,
    sampling:
      v.samplingMode === 'custom'
        ? {
            defaultRatio: v.defaultRatio ?? 0,
            sectors: v.sectors ?? [],
            cells: (v.cells ?? []).map((c) => ({
              ...c,
              riskLevel: c.riskLevel || 'default',
              creditLevel: c.creditLevel || 'default',
            })),
          }
        : undefined,
    yearTarget: given(v.yearTarget),
    teamSize: given(v.teamSize),
    workloadCap: v.workloadCap ?? null,
  };
}

/**
 * Where a server message belongs on the form: `regionCodes[0]` is the region field,
 * `itemCodes[2]` the item list, `sampling.sectors[1].ratio` that row's ratio, a source its row.
 * Returns null for a message that names no field of the form.
 */
export function formField(path: ProblemFieldError['path']): (string | number)[] | null {
  const parts = fieldPath(path)
    .flatMap((p) => p.split(/[[\]]/))
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const [head, ...rest] = parts;
  if (head === 'regionCodes') return ['regionCode'];
  if (head === 'itemCodes' || head === 'departments' || head === 'kinds') return [head];
  if (head === 'sampling') {
    const [what, index, sub] = rest;
    if (what === 'defaultRatio') return ['defaultRatio'];
    if ((what === 'sectors' || what === 'cells') && typeof index === 'number')
      return [what, index, typeof sub === 'string' ? sub : 'ratio'];
    return ['defaultRatio'];
  }
  if (head === 'sources') {
    const [index, sub] = rest;
    // A duplicate id names the list: it shows on the first row's id.
    return typeof index === 'number'
      ? ['sources', index, typeof sub === 'string' ? sub : 'id']
      : ['sources', 0, 'id'];
  }
  const known = [
    'title',
    'description',
    'periodStart',
    'periodEnd',
    'randomnessDate',
    'yearTarget',
    'teamSize',
    'workloadCap',
  ];
  return typeof head === 'string' && known.includes(head) ? [head] : null;
}
