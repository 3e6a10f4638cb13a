/** A unique constraint refused the row (SQLSTATE 23505), whether the driver's error is wrapped or not. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  for (let err = e as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined; err; ) {
    if (err.code === '23505') return constraint === undefined || err.constraint === constraint;
    err = err.cause as typeof err;
  }
  return false;
}
