import type { ProblemFieldError } from '../api/problem';
import { ApiError, fieldPath } from '../api/problem';
import type { PortalLanguage } from './i18n';

/** 2026年3月3日星期二 / Tuesday, March 3, 2026 — for an ISO date (no time zone shift). */
export function longDate(iso: string, lang: PortalLanguage): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : 'zh-CN', {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Today as YYYY-MM-DD in the reader's time zone. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Splits a validation problem's field errors between the form's fields (by name; `rename` maps server
 * paths such as reporter.name onto them) and the rest, which the form lists above its button.
 */
export function fieldErrors(
  error: unknown,
  lang: PortalLanguage,
  fields: readonly string[],
  rename: (path: string) => string | null = () => null,
): { byField: Record<string, string>; rest: ProblemFieldError[] } {
  const byField: Record<string, string> = {};
  const rest: ProblemFieldError[] = [];
  if (!(error instanceof ApiError)) return { byField, rest };
  for (const e of error.problem.errors ?? []) {
    const parts = fieldPath(e.path);
    const name = rename(parts.join('.')) ?? parts[parts.length - 1] ?? '';
    if (fields.includes(name) && !byField[name])
      byField[name] = lang === 'en' ? e.messageEn || e.messageZh : e.messageZh || e.messageEn;
    else rest.push(e);
  }
  return { byField, rest };
}
