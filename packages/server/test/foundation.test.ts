import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

describe.each(DATABASE_KINDS)('foundation on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports health with the database kind, the applied migration and the version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.database).toEqual({ kind, ok: true, migration: expect.stringMatching(/^\d{4}_/) });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('re-running migrations applies nothing', async () => {
    expect(await migrate(t.database)).toEqual([]);
  });

  it('serves an OpenAPI 3.1 document describing the routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/health', '/api/v1/calendar/deadline', '/api/v1/regions']),
    );
  });

  it('serves the API docs from local files', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
    expect(res.body).not.toMatch(/https?:\/\/(cdn|unpkg|cdnjs)/);
  });

  it('answers an unknown route with problem+json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const p = res.json();
    expect(p).toMatchObject({ status: 404, code: 'route_not_found', requestId: res.headers['x-request-id'] });
    expect(p.messageZh).toContain('接口不存在');
    expect(p.messageEn).toContain('No such route');
  });

  it('computes a statutory deadline in working days (行政许可法 §82)', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/deadline?from=2025-09-26&days=8',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ due: '2025-10-14', provisional: false, unit: 'working' });
  });

  it('marks a deadline that runs into an unpublished year as provisional', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/deadline?from=2026-12-25&days=10',
    });
    expect(res.json()).toMatchObject({ provisional: true, provisionalYears: [2027] });
  });

  it('refuses an impossible date with a field-level bilingual message', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/deadline?from=2025-02-30&days=3',
    });
    expect(res.statusCode).toBe(400);
    const p = res.json();
    expect(p.code).toBe('validation_failed');
    expect(p.errors).toEqual([
      expect.objectContaining({
        path: 'querystring.from',
        messageZh: expect.stringContaining('日期无效'),
        messageEn: expect.stringContaining('invalid date'),
      }),
    ]);
    expect(JSON.stringify(p)).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
  });

  it('refuses a wrong type', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/deadline?from=2025-01-02&days=many',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('querystring.days');
  });

  it('lists regions: Jinan districts with retired codes marked', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/regions?parent=370100' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; name: string; retired: boolean }[];
    expect(items.find((r) => r.code === '370112')).toMatchObject({ name: '历城区', retired: false });
    expect(items.find((r) => r.code === '370181')).toMatchObject({ name: '章丘市', retired: true });
    const current = await t.app.inject({
      method: 'GET',
      url: '/api/v1/regions?parent=370100&includeRetired=false',
    });
    expect((current.json().items as { retired: boolean }[]).every((r) => !r.retired)).toBe(true);
  });

  it('holds the whole 2024 MCA list (34 provinces, 333 prefectures, 2846 counties)', async () => {
    const counts = await queryRows<{ level: string; n: number }>(
      t.database.db,
      sql`SELECT level, count(*)::int AS n FROM region WHERE NOT retired AND source = 'gbt2260' GROUP BY level`,
    );
    expect(Object.fromEntries(counts.map((c) => [c.level, c.n]))).toEqual({
      province: 34,
      city: 333,
      county: 2846,
    });
  });

  it('shows a region with its path, and 404s an unknown one', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/regions/370112' });
    expect(res.json().path.map((p: { name: string }) => p.name)).toEqual(['山东省', '济南市', '历城区']);
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/regions/999999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
  });

  it('sets security headers with a strict CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
