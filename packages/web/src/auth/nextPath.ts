/** Only same-site paths may be returned to after sign-in (no `//host` or `/\host` open redirects). */
export function safeNextPath(next: string | null, fallback: string): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith('/console/login')) return fallback;
  return next;
}
