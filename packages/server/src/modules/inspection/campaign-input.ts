import {
  checkSamplingMatrix,
  DomainError,
  defaultSamplingMatrix,
  type EstablishmentKind,
  type SamplingMatrix,
} from '@weijian/domain';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { checkDepartments } from '../registry/guide-rules.js';
import type { campaignInputSchema } from './campaign-schemas.js';
import { chinaDay } from './dates.js';
import { currentPolicy, inspectionList } from './reference-queries.js';

export type CampaignInput = z.infer<typeof campaignInputSchema>;

/** A campaign as it is stored: the input checked and completed with the policy's defaults. */
export interface ResolvedCampaign {
  title: string;
  description: string;
  departments: string[];
  kinds: EstablishmentKind[];
  regionCodes: string[];
  itemCodes: string[];
  itemListVersion: number;
  periodStart: string;
  periodEnd: string;
  sampling: SamplingMatrix;
  teamSize: number;
  workloadCap: number | null;
  crossRegion: boolean;
  yearTarget: number;
  randomnessDate: string;
  sources: { id: string; description: string }[];
  policyVersion: number;
}

function invalid(path: string, zh: string, en: string): DomainError {
  return new DomainError('invalid_campaign', `${path}：${zh}`, `${path}: ${en}`, {
    errors: [{ path, code: 'invalid_campaign', messageZh: zh, messageEn: en }],
  });
}

/**
 * Checks a plan against the rules: the planner's department takes part, regions lie in the
 * planner's region, the items exist in the current item list and belong to the participating
 * departments and kinds, ratios lie in 0–1, dates are in order and day D is still to come.
 */
export async function resolveCampaign(
  tx: Executor,
  actor: Actor,
  input: CampaignInput,
  now: Date,
): Promise<ResolvedCampaign> {
  const unit = actor.unit;
  if (!unit || actor.regionPrefix === null)
    throw new DomainError('forbidden', '仅工作人员可编制抽查计划', 'Only staff plan campaigns');
  const departments = [...new Set(input.departments)].sort();
  await checkDepartments(tx, departments);
  if (!departments.includes(unit.departmentCode)) {
    throw invalid('departments', '参与部门须包含本部门', 'the participating departments must include yours');
  }
  const regionCodes = [...new Set(input.regionCodes ?? [unit.regionCode])].sort();
  for (const [i, code] of regionCodes.entries()) {
    if (!code.startsWith(actor.regionPrefix)) {
      throw invalid(
        `regionCodes[${i}]`,
        '区划不在本单位管辖范围内',
        'the region is outside your unit’s region',
      );
    }
  }
  const kinds = [...new Set(input.kinds)].sort() as EstablishmentKind[];
  const items = await inspectionList(tx, 'items');
  const itemCodes = [...new Set(input.itemCodes)];
  for (const [i, code] of itemCodes.entries()) {
    const entry = items.entries.find((e) => e.code === code);
    if (!entry)
      throw invalid(`itemCodes[${i}]`, `抽查事项清单中没有 ${code}`, `no entry ${code} in the item list`);
    if (!departments.includes(entry.departmentCode)) {
      throw invalid(
        `itemCodes[${i}]`,
        `事项 ${code} 的实施部门不在参与部门中`,
        `the department of ${code} does not take part`,
      );
    }
    if (!entry.objectKinds.some((k) => kinds.includes(k))) {
      throw invalid(
        `itemCodes[${i}]`,
        `事项 ${code} 的检查对象不在抽查范围内`,
        `${code} does not apply to the kinds in scope`,
      );
    }
  }
  if (input.periodEnd < input.periodStart)
    throw invalid('periodEnd', '结束日期早于开始日期', 'ends before it starts');
  const today = chinaDay(now);
  if (input.randomnessDate <= today) {
    throw invalid(
      'randomnessDate',
      '随机源公布日须晚于今天（名录须在此前封存）',
      'day D must be after today (the pool closes before it)',
    );
  }
  if (input.randomnessDate > input.periodEnd) {
    throw invalid(
      'randomnessDate',
      '随机源公布日须在检查期结束前',
      'day D must fall before the end of the period',
    );
  }
  const ids = input.sources.map((s) => s.id);
  const dup = ids.find((s, i) => ids.indexOf(s) !== i);
  if (dup) throw invalid('sources', `随机源编号重复：${dup}`, `duplicate source id ${dup}`);
  const policy = await currentPolicy(tx);
  const sampling = input.sampling ?? defaultSamplingMatrix(policy.values);
  checkSamplingMatrix(sampling);
  const teamSize = input.teamSize ?? Math.max(policy.values.teamSize, departments.length);
  if (teamSize < departments.length) {
    throw invalid(
      'teamSize',
      '联合检查每组人数不得少于参与部门数',
      'a joint team needs at least one officer per department',
    );
  }
  return {
    title: input.title,
    description: input.description,
    departments,
    kinds,
    regionCodes,
    itemCodes,
    itemListVersion: items.version,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    sampling,
    teamSize,
    workloadCap: input.workloadCap,
    crossRegion: input.crossRegion,
    yearTarget: input.yearTarget ?? policy.values.yearCoverageTarget,
    randomnessDate: input.randomnessDate,
    sources: input.sources,
    policyVersion: policy.version,
  };
}
