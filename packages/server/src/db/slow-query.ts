/**
 * Slow-query logging: a query that takes longer than the threshold is reported (one JSON line on
 * stderr and the `weijian_db_slow_queries_total` counter), with its text cut to 500 characters and
 * never its parameters (they may hold personal data).
 */
export interface QueryWatch {
  thresholdMs: number;
  report(ms: number, text: string): void;
}

export const slowQueryListeners: ((ms: number, text: string) => void)[] = [];

export function slowQueryWatch(thresholdMs: number): QueryWatch {
  return {
    thresholdMs,
    report(ms, text) {
      process.stderr.write(
        `${JSON.stringify({ level: 40, time: Date.now(), msg: 'slow query', ms: Math.round(ms), sql: text.replace(/\s+/g, ' ').slice(0, 500) })}\n`,
      );
      for (const l of slowQueryListeners) l(ms, text);
    },
  };
}

type AnyFn = (...args: unknown[]) => unknown;

/** Wraps an object's query method (pg client, PGlite) so every call is timed. */
export function watchQueries(target: object, method: 'query' | 'exec', watch: QueryWatch): void {
  const holder = target as Record<string, AnyFn>;
  const original = holder[method]!.bind(target) as AnyFn;
  holder[method] = (...args: unknown[]) => {
    const started = performance.now();
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const done = () => {
      const ms = performance.now() - started;
      if (ms >= watch.thresholdMs) watch.report(ms, text);
    };
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (...cbArgs: unknown[]) => {
        done();
        return (last as AnyFn)(...cbArgs);
      };
      return original(...args);
    }
    const result = original(...args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(done, done);
    }
    return result;
  };
}
