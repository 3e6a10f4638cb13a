import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../src/db/database.js';
import { staff } from './credit-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

/** The credit demo: every establishment assessed, a spread of levels, a blacklisting, gradings, an inbox. */
describe.each(DATABASE_KINDS)('credit demo on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind, { registry: 0.2, inspection: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('assesses every establishment, with more than one risk level and mode', async () => {
    const r = await queryOne<{ establishments: number; profiles: number }>(
      t.database.db,
      sql`SELECT (SELECT count(*)::int FROM establishment WHERE status <> 'deregistered') AS establishments,
                 (SELECT count(*)::int FROM credit_profile WHERE subject_type = 'establishment') AS profiles`,
    );
    expect(r!.profiles).toBe(r!.establishments);
    const levels = await queryRows<{ risk_level: string }>(
      t.database.db,
      sql`SELECT DISTINCT risk_level FROM credit_profile`,
    );
    expect(levels.length).toBeGreaterThanOrEqual(2);
    const modes = await queryRows<{ mode: string }>(
      t.database.db,
      sql`SELECT DISTINCT mode FROM credit_profile`,
    );
    expect(modes.map((m) => m.mode)).toEqual(expect.arrayContaining(['stationed', 'graded', 'commitment']));
  });

  it('explains every score: the score is the sum of the parts, each part the sum of its reasons, the level by the cut-points', async () => {
    const rows = await queryRows<{
      risk_score: string;
      computed_risk_level: string;
      risk_parts: unknown;
    }>(
      t.database.db,
      sql`SELECT risk_score, computed_risk_level, risk_parts FROM credit_profile WHERE subject_type = 'establishment'`,
    );
    expect(rows.length).toBeGreaterThan(50);
    const r1 = (x: number) => Math.round(x * 10) / 10;
    type Cut = { medium: number; high: number; severe: number };
    const levelOf = (x: number, c: Cut) =>
      x >= c.severe ? 'severe' : x >= c.high ? 'high' : x >= c.medium ? 'medium' : 'low';
    const wrong: string[] = [];
    for (const row of rows) {
      const stored = (typeof row.risk_parts === 'string' ? JSON.parse(row.risk_parts) : row.risk_parts) as {
        cutPoints: Cut;
        parts: { code: string; points: number; cap: number; reasons: { points: number }[] }[];
      };
      const parts = stored.parts;
      const score = Number(row.risk_score);
      if (r1(parts.reduce((a, p) => a + p.points, 0)) !== score) wrong.push(`sum ${score}`);
      for (const p of parts) {
        if (r1(p.reasons.reduce((a, x) => a + x.points, 0)) !== p.points) wrong.push(`part ${p.code}`);
        if (p.points > p.cap) wrong.push(`cap ${p.code}`);
      }
      if (levelOf(score, stored.cutPoints) !== row.computed_risk_level)
        wrong.push(`level ${score} ${row.computed_risk_level}`);
    }
    // The defaults' cut-points are the documented ones (docs/risk-model.md).
    expect(
      (typeof rows[0]!.risk_parts === 'string' ? JSON.parse(rows[0]!.risk_parts) : rows[0]!.risk_parts)
        .cutPoints,
    ).toEqual({ medium: 20, high: 35, severe: 55 });
    expect(wrong).toEqual([]);
  });

  it('shows 历城区’s supervision institute a blacklisting, gradings and an inbox with an escalated warning', async () => {
    const inspector = await staff(t, 'lc.inspector1');
    expect((await inspector.get('/credit/blacklist')).json().items).toHaveLength(1);
    const inbox = (await inspector.get('/credit/alerts')).json();
    expect(inbox.items.length).toBeGreaterThanOrEqual(5);
    expect(inbox.items[0]).toMatchObject({ escalationLevel: 1, overdue: true });
    const list = (await inspector.get('/credit/establishments?pageSize=5')).json();
    expect(list.items[0].riskScore).toBeGreaterThanOrEqual(list.items[4].riskScore);
    const graded = (await inspector.get('/credit/establishments?mode=graded&pageSize=1')).json();
    expect(graded.total).toBeGreaterThan(0);
  });
});
