import type { TestApp } from './app.js';
import { TEST_PASSWORD } from './app.js';

export interface SignedIn {
  /** Cookie header value carrying the session and CSRF cookies. */
  cookie: string;
  csrf: string;
  headers: { cookie: string; 'x-csrf-token': string };
}

export function cookiesOf(setCookie: string | string[] | undefined): Record<string, string> {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return Object.fromEntries(list.map((c) => c.split(';')[0]!.split('=') as [string, string]));
}

/** Signs in through the API as a real client would, and returns what the client then sends. */
export async function signInAs(
  t: TestApp,
  username: string,
  extra: { totpCode?: string; password?: string } = {},
): Promise<SignedIn> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: {
      username,
      password: extra.password ?? TEST_PASSWORD,
      ...(extra.totpCode ? { totpCode: extra.totpCode } : {}),
    },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
  const c = cookiesOf(res.headers['set-cookie']);
  const cookie = `wj_session=${c.wj_session}; wj_csrf=${c.wj_csrf}`;
  return { cookie, csrf: c.wj_csrf!, headers: { cookie, 'x-csrf-token': c.wj_csrf! } };
}
