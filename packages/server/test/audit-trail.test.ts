import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { startAuditExport } from '../src/modules/audit/export-audit-events.js';
import { loadActor } from '../src/modules/identity/actor.js';
import { auditCounts, client, signIn, signInAdmin, unitId, userId } from './identity-helpers.js';
import { TEST_NOW, TEST_PASSWORD, type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

interface Item {
  id: number;
  action: string;
  actorName: string | null;
  actorUnit: { id: number; name: string } | null;
  entityId: string | null;
  occurredAt: string;
}

describe.each(DATABASE_KINDS)('the audit trail on %s', (kind) => {
  let t: TestApp;
  let admin: ReturnType<typeof client>;
  let createdId: number;

  beforeAll(async () => {
    t = await testApp(kind);
    admin = client(t, await signInAdmin(t, 'admin'));
    const res = await admin.post('/users', {
      kind: 'staff',
      username: 'lc.auditee',
      displayName: '审计对象',
      unitId: await unitId(t, 'supervision', '370112'),
      roles: ['inspector'],
      phone: '13900001111',
    });
    createdId = res.json().user.id;
    // A day later (China time: 12 March, 04:00), a second change.
    t.setNow(new Date('2026-03-11T20:00:00.000Z'));
    const later = client(t, await signInAdmin(t, 'admin'));
    expect((await later.patch(`/users/${createdId}`, { displayName: '审计对象乙' })).statusCode).toBe(200);
    t.setNow(TEST_NOW);
    // 历城's health leader changes their own password: a row of 历城区卫生健康局.
    const leader = client(t, await signIn(t, 'lc.leader'));
    await leader.post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Leader-passw0rd!' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists newest first and filters by action, entity, actor and China-time dates', async () => {
    const all = (await admin.get('/audit-events?pageSize=200')).json();
    expect(all.total).toBeGreaterThan(50); // the demo seed's rows are the system's, visible at city level
    const ids = all.items.map((i: Item) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const users = (await admin.get('/audit-events?action=identity.user.')).json().items as Item[];
    expect(users.every((i) => i.action.startsWith('identity.user.'))).toBe(true);
    const entity = (await admin.get(`/audit-events?entityType=user&entityId=${createdId}`)).json();
    expect(entity.items.map((i: Item) => i.action)).toEqual(['identity.user.update', 'identity.user.create']);
    const create = entity.items[1];
    expect(create).toMatchObject({
      actorName: 'admin',
      actorRoles: ['admin'],
      actorUnit: { name: '济南市卫生健康委员会' },
    });
    expect(create.diff.phone).toEqual([null, '139****1111']);

    const byActor = (await admin.get(`/audit-events?actorUserId=${await userId(t, 'lc.leader')}`)).json();
    expect(byActor.items.map((i: Item) => i.action)).toContain('identity.user.change-password');
    const byName = (await admin.get('/audit-events?actor=lc.lead')).json().items as Item[];
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((i) => i.actorName === 'lc.leader')).toBe(true);

    const march12 = (
      await admin.get('/audit-events?from=2026-03-12&to=2026-03-12&action=identity.user.')
    ).json().items as Item[];
    expect(march12.map((i) => i.action)).toEqual(['identity.user.update']);
    const upTo11 = (
      await admin.get(`/audit-events?to=2026-03-11&entityType=user&entityId=${createdId}`)
    ).json().items as Item[];
    expect(upTo11.map((i) => i.action)).toEqual(['identity.user.create']);
    const bad = await admin.get('/audit-events?from=2026-02-30');
    expect(bad.statusCode).toBe(400);
  });

  it('shows each reader only the rows of units in their scope', async () => {
    const lcHealth = await unitId(t, 'health', '370112');
    const leader = client(t, await signIn(t, 'lc.leader', 'Leader-passw0rd!'));
    const mine = (await leader.get('/audit-events?pageSize=200')).json().items as Item[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.actorUnit?.id === lcHealth)).toBe(true);
    // The city's health leader sees the city health commission's and 历城 health's rows, no
    // system rows (not a cross-department administrator) and nothing of other departments.
    const city = client(t, await signIn(t, 'city.leader'));
    const cityRows = (await city.get('/audit-events?pageSize=200')).json().items as Item[];
    const units = new Set(cityRows.map((i) => i.actorUnit?.name));
    expect([...units].sort()).toEqual(['历城区卫生健康局', '济南市卫生健康委员会']);
    const inspector = client(t, await signIn(t, 'zq.inspector'));
    expect((await inspector.get('/audit-events')).statusCode).toBe(403);
  });

  it('exports CSV with a BOM and Chinese text, as an attachment, and records the export', async () => {
    const res = await admin.get('/audit-events/export?action=identity.user.');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-events-\d{8}-\d{6}\.csv"$/,
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = res.rawPayload.toString('utf8');
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toContain('操作 Action');
    expect(text).toContain('审计对象乙');
    expect(text).toContain('济南市卫生健康委员会');
    expect(text).not.toContain('13900001111');
    const listed = (await admin.get('/audit-events?action=identity.user.')).json().total;
    expect(lines).toHaveLength(listed + 1);
    const exportRow = await queryOne<{ diff: { format: string; rows: number } }>(
      t.database.db,
      sql`SELECT diff FROM audit_event WHERE action = 'identity.audit.export' ORDER BY id DESC LIMIT 1`,
    );
    expect(exportRow?.diff).toMatchObject({ format: 'csv', rows: listed });
  });

  it('exports an Excel workbook', async () => {
    const res = await admin.get(`/audit-events/export?format=xlsx&entityType=user&entityId=${createdId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(9).value).toBe('操作 Action');
    expect(sheet.getRow(2).getCell(9).value).toBe('identity.user.update');
    expect(sheet.getRow(3).getCell(4).value).toBe('admin');
  });

  it('refuses an export beyond the bound instead of cutting it', async () => {
    const actor = await loadActor(t.database.db, await userId(t, 'admin'), {
      sessionId: null,
      ip: null,
      requestId: 'test',
    });
    const before = (await auditCounts(t))['identity.audit.export'];
    const refused = await startAuditExport({
      ctx: t.ctx,
      actor: actor!,
      filter: {},
      format: 'csv',
      maxRows: 5,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('export_too_large');
    expect((await auditCounts(t))['identity.audit.export']).toBe(before);
  });

  it('verifies the chain, only for city or province cross-department administrators', async () => {
    const ok = await admin.get('/audit-events/verify');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true });
    expect(ok.json().rows).toBeGreaterThan(50);
    const city = client(t, await signIn(t, 'city.leader'));
    expect((await city.get('/audit-events/verify')).statusCode).toBe(403);
  });

  it.runIf(kind === 'postgres')(
    'PostgreSQL: a role with SELECT and INSERT only cannot update or delete rows',
    async () => {
      const db = t.database.db;
      await db
        .execute(
          sql.raw(`DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'weijian_app') THEN CREATE ROLE weijian_app NOLOGIN; END IF;
        END $$`),
        )
        .catch(() => undefined); // created meanwhile by a parallel run: fine
      await db.execute(sql`GRANT SELECT, INSERT ON audit_event TO weijian_app`);
      const asApp = (statement: string) =>
        db
          .transaction(async (tx) => {
            await tx.execute(sql`SET LOCAL ROLE weijian_app`);
            await tx.execute(sql.raw(statement));
          })
          .then(
            () => 'allowed',
            (e: { cause?: { message?: string }; message: string }) => e.cause?.message ?? e.message,
          );
      expect(await asApp('SELECT count(*) FROM audit_event')).toBe('allowed');
      expect(await asApp(`UPDATE audit_event SET action = 'forged' WHERE id = 1`)).toMatch(
        /permission denied/,
      );
      expect(await asApp('DELETE FROM audit_event WHERE id = 1')).toMatch(/permission denied/);
      expect(await asApp('TRUNCATE audit_event')).toMatch(/permission denied/);
    },
  );

  it('names the altered row after a superuser tampers with one', async () => {
    const victim = await queryOne<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM audit_event WHERE action = 'identity.user.create' AND entity_id = ${String(createdId)}`,
    );
    const db = t.database.db;
    await db.execute(sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`);
    await db.execute(sql`UPDATE audit_event SET actor_name = 'someone-else' WHERE id = ${victim!.id}`);
    await db.execute(sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
    const res = await admin.get('/audit-events/verify');
    expect(res.json()).toMatchObject({ ok: false, brokenAt: Number(victim!.id), reason: 'hash_mismatch' });
    // The trigger is back: the application cannot alter rows.
    await expect(
      db.execute(sql`UPDATE audit_event SET actor_name = 'x' WHERE id = ${victim!.id}`),
    ).rejects.toThrow();
  });
});
