import { beforeAll, describe, expect, it, vi } from 'vitest';

// The client reads document.cookie and the i18n module touches <html>; a tiny stand-in is enough.
const fakeDocument = { cookie: 'other=1; wj_csrf=tok%20123', documentElement: { lang: '' }, title: '' };
let client: typeof import('./client');
let problem: typeof import('./problem');

beforeAll(async () => {
  vi.stubGlobal('document', fakeDocument);
  client = await import('./client');
  problem = await import('./problem');
});

function answer(status: number, body: unknown, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

describe('api client', () => {
  it('reads the readable CSRF cookie', () => {
    expect(client.readCookie('wj_csrf')).toBe('tok 123');
    expect(client.readCookie('missing')).toBeUndefined();
  });

  it('sends x-csrf-token on state-changing requests only, same-origin credentials', async () => {
    const fetchMock = vi.fn(async () => answer(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    await client.api.post('/auth/sign-in', { username: 'a' });
    await client.api.get('/regions', { parent: '33', empty: undefined });
    const [postUrl, post] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const [getUrl, get] = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect(postUrl).toBe('/api/v1/auth/sign-in');
    expect((post.headers as Record<string, string>)['x-csrf-token']).toBe('tok 123');
    expect(post.credentials).toBe('same-origin');
    expect(getUrl).toBe('/api/v1/regions?parent=33');
    expect((get.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
  });

  it('throws an ApiError carrying the problem+json body', async () => {
    const body = {
      type: 'about:blank',
      title: 'Wrong credentials',
      status: 401,
      code: 'invalid_credentials',
      messageZh: '用户名或密码错误',
      messageEn: 'Wrong username or password',
      requestId: 'r1',
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(401, body, 'application/problem+json')),
    );
    const error = await client.api.post('/auth/sign-in', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(problem.ApiError);
    expect(problem.isApiError(error, 'invalid_credentials')).toBe(true);
    expect(problem.pickMessage(body, 'en')).toBe('Wrong username or password');
    expect(problem.pickMessage(body, 'zh-CN')).toBe('用户名或密码错误');
  });

  it('turns a network failure or a non-problem answer into a bilingual problem', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    const offline = (await client.api.get('/health').catch((e: unknown) => e)) as InstanceType<
      typeof problem.ApiError
    >;
    expect(offline.status).toBe(0);
    expect(offline.problem.messageZh).toContain('无法连接服务器');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>', { status: 502 })),
    );
    const bad = (await client.api.get('/health').catch((e: unknown) => e)) as InstanceType<
      typeof problem.ApiError
    >;
    expect(bad.code).toBe('unexpected_response');
    expect(bad.problem.messageEn).toContain('502');
  });

  it('maps problem field paths to form field names', () => {
    expect(problem.fieldPath('days')).toEqual(['days']);
    expect(problem.fieldPath('/from')).toEqual(['from']);
    expect(problem.fieldPath('query.unit')).toEqual(['unit']);
    expect(problem.fieldPath('querystring.days')).toEqual(['days']);
    expect(problem.fieldPath(['body', 'totpCode'])).toEqual(['totpCode']);
  });
});
