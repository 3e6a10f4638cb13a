import { computeUsccCheckChar } from '../../identifiers/uscc.js';
import { type DrawInput, replaceTarget, runDraw } from '../draw.js';
import { drawInput, syntheticSnapshot, testNonce } from '../draw-fixtures.js';
import { commitmentOf, compareAscii } from '../draw-hash.js';
import type { DrawRecord, DrawSnapshot, ReplacementReason } from '../draw-record.js';

/**
 * The inputs of the test vectors in this folder. `generate.ts` writes the records; the tests check
 * that the draw still produces them byte for byte (a change to the algorithm changes its version)
 * and that the independent verifier reproduces them.
 */
const uscc = (body17: string) => body17 + computeUsccCheckChar(body17);

/** The worked example of docs/draw-algorithm.md §9: 8 establishments, 3 strata, 4 inspectors. */
function workedExample(): DrawInput {
  const pool = [
    { code: uscc('92370112MA0000001'), region: '370112001', stratum: 'medical/general/default/default' },
    { code: uscc('92370112MA0000002'), region: '370112002', stratum: 'medical/general/default/default' },
    { code: uscc('92370112MA0000003'), region: '370112001', stratum: 'medical/general/default/default' },
    { code: uscc('92370112MA0000004'), region: '370112003', stratum: 'medical/general/default/default' },
    { code: uscc('92370112MA0000005'), region: '370112002', stratum: 'medical/general/default/default' },
    { code: uscc('92370112MA0000006'), region: '370112001', stratum: 'medical/dental/default/default' },
    { code: uscc('92370112MA0000007'), region: '370112003', stratum: 'medical/dental/default/default' },
    { code: 'D7KQ2M4XRT9PF', region: '370112002', stratum: 'public_place/general/default/default' },
  ].sort((a, b) => compareAscii(a.code, b.code));
  const snapshot: DrawSnapshot = {
    params: {
      departments: ['supervision'],
      teamSize: 2,
      workloadCap: null,
      strata: [
        { id: 'medical/dental/default/default', ratio: '1', qualification: null },
        { id: 'medical/general/default/default', ratio: '0.25', qualification: null },
        { id: 'public_place/general/default/default', ratio: '0', qualification: null },
      ],
    },
    pool,
    roster: [
      {
        certificateNo: '37010001004',
        department: 'supervision',
        jurisdiction: '3701',
        qualifications: ['radiation'],
      },
      { certificateNo: '37011201001', department: 'supervision', jurisdiction: '370112', qualifications: [] },
      {
        certificateNo: '37011201002',
        department: 'supervision',
        jurisdiction: '370112',
        qualifications: ['dental'],
      },
      { certificateNo: '37011201003', department: 'supervision', jurisdiction: '370112', qualifications: [] },
    ],
    exclusions: [
      { certificateNo: '37011201002', code: uscc('92370112MA0000006'), reason: 'former_employer' },
    ],
  };
  const nonce = '6b1f0c3e2d9a8b7c6d5e4f30291817161514131211100f0e0d0c0b0a09080706';
  return {
    campaign: '370112-2026-0001',
    commitment: commitmentOf(nonce),
    nonce,
    sources: [
      { id: 'sse-000001-close', description: '上证综指（000001）2026-03-16 收盘点位', value: '3389.12' },
      { id: 'szse-399001-close', description: '深证成指（399001）2026-03-16 收盘点位', value: '10853.47' },
      { id: 'cwl-3d', description: '福彩3D 2026066 期开奖号码', value: '4 0 7' },
    ],
    snapshot,
  };
}

/** A joint campaign of two departments over three regions, a qualified stratum and a workload cap. */
function jointCampaign(): DrawInput {
  const snapshot = syntheticSnapshot({
    seed: 2026,
    establishments: 60,
    strata: [
      { id: 'medical/general/default/default', ratio: '0.2', qualification: null },
      { id: 'medical/medical_beauty/default/default', ratio: '1', qualification: null },
      { id: 'radiation/general/default/default', ratio: '0.5', qualification: 'radiation' },
    ],
    departments: ['supervision', 'market'],
    inspectorsPerDepartment: 6,
    regions: ['370112', '370102'],
    conflictShare: 0.3,
    workloadCap: 8,
    qualifications: ['radiation'],
    citywide: 2,
  });
  return drawInput(snapshot, 7, '370100-2026-0002');
}

/** Edge cases: an empty stratum, a ratio of 0.333333, an understaffed target, an exhausted stratum. */
function edgeCases(): DrawInput {
  const codes = ['A0001', 'A0002', 'A0003', 'A0004', 'A0005', 'A0006', 'A0007', 'B0001', 'B0002'];
  const pool = codes.map((code) => ({
    code,
    region: code.startsWith('A') ? '370114001' : '370114002',
    stratum: code.startsWith('A') ? 'school/general/default/default' : 'other/general/default/default',
  }));
  const snapshot: DrawSnapshot = {
    params: {
      departments: ['supervision'],
      teamSize: 2,
      workloadCap: null,
      strata: [
        { id: 'drinking_water/general/default/default', ratio: '0.5', qualification: null },
        { id: 'other/general/default/default', ratio: '1', qualification: null },
        { id: 'school/general/default/default', ratio: '0.333333', qualification: null },
      ],
    },
    pool,
    roster: [
      { certificateNo: 'ZQ-01', department: 'supervision', jurisdiction: '370114001', qualifications: [] },
      { certificateNo: 'ZQ-02', department: 'supervision', jurisdiction: '370114', qualifications: [] },
      { certificateNo: 'ZQ-03', department: 'supervision', jurisdiction: '', qualifications: [] },
    ],
    // Two inspectors cover B0001 (ZQ-01's jurisdiction is another street) and one of them is
    // excluded: its team has one inspector and is flagged understaffed.
    exclusions: [
      { certificateNo: 'ZQ-01', code: 'A0001', reason: 'recent_inspection' },
      { certificateNo: 'ZQ-02', code: 'B0001', reason: 'relative' },
    ],
  };
  const nonce = testNonce(3);
  return {
    campaign: '370114-2026-0003',
    commitment: commitmentOf(nonce),
    nonce,
    sources: [
      {
        id: 'drand-quicknet-round',
        description: 'drand quicknet round 12345678 randomness',
        value: 'c0ffee'.padEnd(64, '0'),
      },
    ],
    snapshot,
  };
}

export interface Vector {
  file: string;
  description: string;
  input: DrawInput;
  replacements: { replaced: (r: DrawRecord) => string; reason: ReplacementReason; on: string }[];
}

export const VECTORS: Vector[] = [
  {
    file: 'v1-worked-example.json',
    description:
      'The worked example of docs/draw-algorithm.md: one department, a full-coverage stratum, a 回避 pair, one replacement',
    input: workedExample(),
    replacements: [
      {
        replaced: (r) => r.targets.find((t) => t.stratum.startsWith('medical/general'))!.code,
        reason: 'closed',
        on: '2026-03-20',
      },
    ],
  },
  {
    file: 'v1-joint-campaign.json',
    description:
      'Joint campaign of market regulation and the supervision institute: department mix, qualification, workload cap, exclusions, two replacements (one of a replacement)',
    input: jointCampaign(),
    replacements: [
      {
        replaced: (r) => r.targets.find((t) => t.stratum.startsWith('medical/general'))!.code,
        reason: 'deregistered',
        on: '2026-04-02',
      },
      { replaced: (r) => r.replacements[0]!.replacement!, reason: 'unreachable', on: '2026-04-09' },
    ],
  },
  {
    file: 'v1-edge-cases.json',
    description:
      'Empty stratum, ratio 0.333333, an understaffed target, a stratum exhausted by a replacement (replacement null)',
    input: edgeCases(),
    replacements: [{ replaced: () => 'B0002', reason: 'other', on: '2026-05-06' }],
  },
];

export function buildVector(v: Vector): DrawRecord {
  let record = runDraw(v.input);
  for (const r of v.replacements)
    record = replaceTarget(record, { replaced: r.replaced(record), reason: r.reason, on: r.on });
  return record;
}
