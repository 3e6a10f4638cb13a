export {
  type ArrangementDay,
  type ArrangementProblem,
  addDays,
  CALENDAR_DAYS_CITATION,
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  Calendar,
  type CalendarAdminData,
  type CalendarOverride,
  type Citation,
  checkArrangement,
  type DayInfo,
  type DayKind,
  type DaySource,
  type DeadlineResult,
  draftArrangement,
  type Festival,
  type HolidayArrangement,
  type IsoDate,
  isIsoDate,
  parseIsoDate,
  STATUTORY_HOLIDAYS_CITATION,
  type StatutoryHoliday,
  statutoryHolidays,
  WORKING_DAYS_CITATION,
  type WorkingDayCount,
} from './calendar/index.js';
export * from './credit/index.js';
export * from './disclosure/index.js';
export * from './enforcement/index.js';
export { DomainError } from './errors.js';
export {
  type CodeName,
  checkResidentId,
  checkUscc,
  computeIdCheckChar,
  computeOrgCodeCheckChar,
  computeUsccCheckChar,
  convertLegacyResidentId,
  type IdentifierError,
  INSTITUTION_CATEGORIES,
  isOrgCodeCheckCharValid,
  REGISTRATION_AUTHORITIES,
  type ResidentIdCheck,
  type ResidentIdDocument,
  USCC_CHARSET,
  type UsccCheck,
  type UsccParts,
} from './identifiers/index.js';
export * from './identity/index.js';
export * from './inspection/index.js';
export * from './licensing/index.js';
export * from './masking/index.js';
export * from './registry/index.js';
