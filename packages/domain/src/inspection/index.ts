export * from './campaign-states.js';
export * from './checklists.js';
export * from './coverage.js';
export {
  assignTeams,
  checkStaffing,
  type DrawInput,
  drawHashOf,
  expectedCounts,
  type KeyedEntry,
  poolByStratum,
  ReplacementLog,
  type ReplacementRequest,
  rankStratum,
  replaceTarget,
  runDraw,
  type StaffingProblem,
  sealSnapshot,
  selectTargets,
  snapshotHashes,
  sourcesHash,
  staffingProblems,
} from './draw.js';
export {
  commitmentOf,
  compareAscii,
  DRAW_ALGORITHM,
  DRAW_TAGS,
  inspectorTieBreaker,
  jcs,
  jcsHash,
  seedOf,
  targetKeyer,
} from './draw-hash.js';
export * from './draw-record.js';
export * from './findings.js';
export * from './lists.js';
export * from './policy.js';
export { isRatio, parseRatio, RATIO_PATTERN, ratioFromNumber, sampleSize } from './ratio.js';
export { checkRecordShape, MAX_TEAM_SIZE, RecordFieldError, TOKEN_PATTERN } from './record-shape.js';
export * from './sampling.js';
export { TeamAssigner } from './team-assigner.js';
export { type VerifyResult, type VerifySummary, verifyDrawRecord } from './verify.js';
