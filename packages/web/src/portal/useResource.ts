import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/problem';

/**
 * A small stand-in for TanStack Query on the public pages: one GET per key, answers kept for a minute
 * (back and forth between pages does not refetch), one retry on network and server errors.
 */
export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
}

const FRESH_MS = 60_000;
const cache = new Map<string, { data: unknown; at: number }>();

const retryable = (e: unknown) => !(e instanceof ApiError && e.status >= 400 && e.status < 500);

async function withRetry<T>(load: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
  try {
    return await load(signal);
  } catch (error) {
    if (signal.aborted || !retryable(error)) throw error;
    return load(signal);
  }
}

interface State {
  key: string | null;
  data: unknown;
  error: unknown;
}

/** Loads `key` with `load` (null: nothing to load). `keepPrevious` shows the last answer meanwhile. */
export function useResource<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  keepPrevious = false,
): Resource<T> {
  const cached = key ? cache.get(key) : undefined;
  const [state, setState] = useState<State>(() => ({ key, data: cached?.data, error: undefined }));
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    if (key === null) return;
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < FRESH_MS) {
      setState({ key, data: hit.data, error: undefined });
      return;
    }
    const controller = new AbortController();
    withRetry(loader.current, controller.signal).then(
      (data) => {
        cache.set(key, { data, at: Date.now() });
        if (!controller.signal.aborted) setState({ key, data, error: undefined });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, data: undefined, error });
      },
    );
    return () => controller.abort();
  }, [key]);

  const current = state.key === key;
  const data = (current ? state.data : (cached?.data ?? (keepPrevious ? state.data : undefined))) as
    | T
    | undefined;
  const error = current ? state.error : undefined;
  return {
    data,
    error,
    isError: error !== undefined,
    isPending: key !== null && data === undefined && !error,
  };
}

/** A write (or a one-off lookup) started by the user: its answer, its error, and whether it runs. */
export function useAction<I, O>(run: (input: I) => Promise<O>) {
  const [state, setState] = useState<{ data?: O; error?: unknown; isPending: boolean }>({
    isPending: false,
  });
  const runner = useRef(run);
  runner.current = run;
  const mutate = useCallback((input: I): Promise<O | undefined> => {
    setState({ isPending: true });
    return runner.current(input).then(
      (data) => {
        setState({ data, isPending: false });
        return data;
      },
      (error: unknown) => {
        setState({ error, isPending: false });
        return undefined;
      },
    );
  }, []);
  const reset = useCallback(() => setState({ isPending: false }), []);
  return { ...state, isError: state.error !== undefined, mutate, reset };
}
