export {
  type ArrangementDay,
  type ArrangementProblem,
  checkArrangement,
  draftArrangement,
} from './arrangement-rules.js';
export {
  CALENDAR_DAYS_CITATION,
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  Calendar,
  type CalendarAdminData,
  type CalendarOverride,
  type Citation,
  type DayInfo,
  type DayKind,
  type DaySource,
  type DeadlineResult,
  type HolidayArrangement,
  WORKING_DAYS_CITATION,
  type WorkingDayCount,
} from './calendar.js';
export { addDays, type IsoDate, isIsoDate, parseIsoDate } from './iso-date.js';
export {
  type Festival,
  STATUTORY_HOLIDAYS_CITATION,
  type StatutoryHoliday,
  statutoryHolidays,
} from './statutory-holidays.js';
