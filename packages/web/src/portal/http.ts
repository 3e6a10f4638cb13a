import { ApiError, isProblem, type Problem } from '../api/problem';
import { translate } from './i18n';

/**
 * The portal's fetch: JSON under /api/v1, problem+json errors as ApiError (as the console's client
 * does), but without the console's i18n so the portal's chunks stay small.
 */
const BASE = '/api/v1';
type Query = Record<string, string | number | boolean | undefined | null>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

function localProblem(
  status: number,
  code: string,
  key: 'pub.shell.network' | 'pub.shell.unexpected',
): Problem {
  return {
    type: 'about:blank',
    title: translate('en', key, { status }),
    status,
    code,
    messageZh: translate('zh-CN', key, { status }),
    messageEn: translate('en', key, { status }),
  };
}

function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'wj_csrf') return decodeURIComponent(value.join('='));
  }
  return undefined;
}

async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  query?: Query,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = method === 'POST' ? csrfToken() : undefined;
  if (token) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch(url(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(localProblem(0, 'network_error', 'pub.shell.network'));
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
      isProblem(data) ? data : localProblem(response.status, 'unexpected_response', 'pub.shell.unexpected'),
    );
  }
  return data as T;
}

export const getJson = <T>(path: string, query?: Query, signal?: AbortSignal) =>
  request<T>('GET', path, query, undefined, signal);
export const postJson = <T>(path: string, body: unknown) => request<T>('POST', path, undefined, body);
