import { api } from './client';

export type DeadlineUnit = 'working' | 'calendar';

export interface DeadlineResult {
  from: string;
  days: number;
  unit: DeadlineUnit;
  due: string;
  provisional: boolean;
  provisionalYears: number[];
  citation: { zh: string; en: string };
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface CalendarDay {
  date: string;
  workingDay: boolean;
  kind: DayKind;
  /** The festival's name (Chinese) on holidays and their make-up working days. */
  festival?: string;
  source?: string;
  provisional: boolean;
}

export const fetchDeadline = (query: { from: string; days: number; unit: DeadlineUnit }) =>
  api.get<DeadlineResult>('/calendar/deadline', query);

export const fetchCalendarDay = (date: string, signal?: AbortSignal) =>
  api.get<CalendarDay>('/calendar/day', { date }, signal);

export type ArrangementDayKind = 'holiday' | 'makeup_workday';

export interface ArrangementDay {
  date: string;
  kind: ArrangementDayKind;
  festival?: string | null;
}

export interface HolidayArrangement {
  year: number;
  docNo: string;
  sourceUrl: string | null;
  publishedOn: string | null;
  status: 'draft' | 'active';
  enteredBy: string | null;
  approvedBy: string | null;
  days: { date: string; kind: ArrangementDayKind; festival: string | null }[];
}

export const fetchArrangements = () => api.get<{ items: HolidayArrangement[] }>('/calendar/arrangements');

export const fetchArrangementDraft = (year: number) =>
  api.get<{ year: number; days: ArrangementDay[] }>('/calendar/arrangements/draft', { year });

export const saveArrangement = (
  year: number,
  body: { docNo: string; sourceUrl?: string; publishedOn?: string; days: ArrangementDay[] },
) => api.put<null>(`/calendar/arrangements/${year}`, body);

export const activateArrangement = (year: number) =>
  api.post<null>(`/calendar/arrangements/${year}/activate`);
