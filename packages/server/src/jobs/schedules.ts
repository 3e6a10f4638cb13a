import { creditSchedules } from '../modules/credit/schedules.js';
import { disclosureSchedules } from '../modules/disclosure/schedules.js';
import { licensingSchedules } from '../modules/licensing/schedules.js';
import { oversightSchedules } from '../modules/oversight/schedules.js';
import { systemSchedules } from '../modules/system/schedules.js';
import type { Schedule } from './schedule.js';

/**
 * Every module's scheduled jobs, in one list (a module adds its `schedules.ts` here). Publication
 * take-downs need no job (visibility is computed from the dates).
 */
export const SCHEDULES: readonly Schedule[] = [
  ...systemSchedules,
  ...licensingSchedules,
  ...creditSchedules,
  ...oversightSchedules,
  ...disclosureSchedules,
];
