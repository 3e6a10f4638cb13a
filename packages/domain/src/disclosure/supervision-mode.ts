import type { Citation } from '../calendar/calendar.js';
import { SUPERVISION_MODE_NAMES, type SupervisionMode } from '../credit/modes.js';
import { SUPERVISION_MODE_PUBLICITY_CITATION, SUPERVISION_MODE_WITHHELD_CITATION } from './citations.js';

/**
 * The supervision modes the public may see (issue 9 item 1: "the supervision mode where policy makes
 * it public"). Seed 002 II(7) gives one-code and demerit supervision to "strengthen social
 * supervision" — which needs the public to know — and commitment-based supervision and quantitative
 * grading rest on a public commitment and a public grade. Stationed and remote supervision follow
 * the internal risk grading (OGI Regulations art. 16): not published.
 */
export const PUBLIC_SUPERVISION_MODES: readonly SupervisionMode[] = [
  'code',
  'demerit',
  'commitment',
  'graded',
];

export interface PublicSupervisionMode {
  code: SupervisionMode;
  label: string;
  labelEn: string;
  citation: Citation;
}

export function isPublicSupervisionMode(mode: string | null | undefined): mode is SupervisionMode {
  return !!mode && (PUBLIC_SUPERVISION_MODES as readonly string[]).includes(mode);
}

/** The mode as the establishment page shows it, or null when policy does not make it public. */
export function publicSupervisionMode(mode: string | null | undefined): PublicSupervisionMode | null {
  if (!isPublicSupervisionMode(mode)) return null;
  return {
    code: mode,
    label: SUPERVISION_MODE_NAMES[mode].zh,
    labelEn: SUPERVISION_MODE_NAMES[mode].en,
    citation: SUPERVISION_MODE_PUBLICITY_CITATION,
  };
}

export const SUPERVISION_MODE_CITATIONS: readonly Citation[] = [
  SUPERVISION_MODE_PUBLICITY_CITATION,
  SUPERVISION_MODE_WITHHELD_CITATION,
];
