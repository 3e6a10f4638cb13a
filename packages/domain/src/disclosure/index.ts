export * from './citations.js';
export {
  DATASET_IDS,
  DATASETS,
  type DatasetId,
  type DatasetRule,
  type DisplayFacts,
  type FieldRule,
  type FieldTreatment,
  REVOCATION_DISPLAY_YEARS,
} from './datasets.js';
export {
  csvHeader,
  csvRows,
  type DiscloseOptions,
  dataDictionary,
  disclose,
  discloseAll,
  discloseAs,
  type PublicRecord,
  type PublicValue,
  toCsv,
} from './disclose.js';
export { DRAW_RECORD_CITATION, drawRecordPublic, drawRecordPublicFrom } from './draw-record.js';
export {
  isPublicSupervisionMode,
  PUBLIC_SUPERVISION_MODES,
  type PublicSupervisionMode,
  publicSupervisionMode,
} from './supervision-mode.js';
