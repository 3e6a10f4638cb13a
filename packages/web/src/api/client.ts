import i18n from '../i18n';
import { ApiError, isProblem, type Problem } from './problem';

export { ApiError } from './problem';

const BASE = '/api/v1';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_COOKIE = 'wj_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Reads one cookie's value from a `document.cookie`-style string. */
export function readCookie(name: string, cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A file sent as it is: a Blob as the raw body (with `contentType`), or multipart FormData. */
  file?: Blob | FormData;
  contentType?: string;
  signal?: AbortSignal;
}

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

function localProblem(status: number, code: string, key: 'problem.network' | 'problem.unexpected'): Problem {
  return {
    type: 'about:blank',
    title: i18n.t(key, { lng: 'en', status }),
    status,
    code,
    messageZh: i18n.t(key, { lng: 'zh-CN', status }),
    messageEn: i18n.t(key, { lng: 'en', status }),
  };
}

/** Sends one JSON request under /api/v1; resolves with the parsed body or throws an ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  // FormData sets its own multipart boundary; a raw Blob says what it is.
  if (options.file instanceof Blob) headers['content-type'] = options.contentType ?? options.file.type;
  if (STATE_CHANGING.has(method)) {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(url(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.file ?? (options.body === undefined ? null : JSON.stringify(options.body)),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(localProblem(0, 'network_error', 'problem.network'));
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    throw new ApiError(
      isProblem(data) ? data : localProblem(response.status, 'unexpected_response', 'problem.unexpected'),
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, { query, ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** POSTs a file (raw body or multipart) with the same CSRF token and problem handling as JSON. */
  upload: <T>(path: string, file: Blob | FormData, opts: { query?: Query; contentType?: string } = {}) =>
    request<T>('POST', path, { file, ...opts }),
};
