import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { readFile } from '../src/files/file-store.js';
import { pruneAbandonedPatrolPhotos } from '../src/modules/oversight/prune-patrol-photos.js';
import { signIn } from './identity-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { type Client, demoUser, multipartBody, TINY_PNG } from './support/enforcement.js';

/**
 * Grids in the field: editing a grid's areas, staff and per-person duties (定格、定员、定责);
 * patrol records made on the spot with photos (images only, size-checked, shown back), and the
 * refusals a phone user must understand.
 */
describe.each(DATABASE_KINDS)('oversight grids in the field on %s', (kind) => {
  let t: TestApp;
  let leader: Client;
  let gridId: number;
  beforeAll(async () => {
    t = await testApp(kind, { registry: 0.04 });
    leader = await demoUser(t, 'lc.sv.leader');
  });
  afterAll(async () => {
    await t?.close();
  });

  const uid = async (username: string) =>
    Number(
      (await queryOne<{ id: number }>(
        t.database.db,
        sql`SELECT id FROM app_user WHERE username = ${username}`,
      ))!.id,
    );
  const upload = async (name: string, bytes: Buffer, type = 'image/png') => {
    const { payload, contentType } = multipartBody(name, bytes, type);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/oversight/patrol-photos',
      headers: { ...(await leader.headers()), 'content-type': contentType },
      payload,
    });
  };
  const put = async (id: number, body: unknown) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/oversight/grids/${id}`,
      headers: (await signIn(t, 'lc.sv.leader')).headers,
      payload: body as never,
    });

  it('edits a grid: a village code, each person’s duties, and refuses a stale version', async () => {
    await t.database.db.execute(sql`INSERT INTO region (code, name, level, parent_code, source)
      VALUES ('370112006001', '测试村', 'village', '370112006', 'deployment')`);
    const grid = {
      code: 'WG-F1',
      name: '现场网格',
      regionCode: '370112',
      duties: '日常巡查',
      areaCodes: ['370112005'],
      staff: [{ userId: await uid('lc.inspector1'), role: 'lead', duties: '网格长：统筹巡查' }],
    };
    const created = await leader.post('/oversight/grids', grid);
    expect(created.statusCode, created.body).toBe(201);
    gridId = created.json().id;
    const edited = await put(gridId, {
      ...grid,
      name: '现场网格（扩）',
      areaCodes: ['370112005', '370112006001'],
      staff: [
        { userId: await uid('lc.inspector1'), role: 'lead', duties: '网格长：统筹巡查' },
        { userId: await uid('lc.sv.leader'), role: 'member', duties: '网格员：医疗美容机构' },
      ],
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const g = (await leader.get('/oversight/grids'))
      .json()
      .items.find((x: { id: number }) => x.id === gridId);
    expect(g).toMatchObject({ name: '现场网格（扩）', version: 2, areaCodes: ['370112005', '370112006001'] });
    expect(g.staff.map((s: { duties: string }) => s.duties).sort()).toEqual([
      '网格员：医疗美容机构',
      '网格长：统筹巡查',
    ]);
    const twice = await put(gridId, { ...grid, staff: [...grid.staff, ...grid.staff], version: 2 });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().messageZh).toContain('只能出现一次');
    const stale = await put(gridId, { ...grid, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().messageZh).toContain('已被他人修改');
    // A second grid on the village's street names the overlap, in both languages.
    const clash = await leader.post('/oversight/grids', {
      ...grid,
      code: 'WG-F2',
      areaCodes: ['370112006'],
      staff: [],
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().messageZh).toContain(
      '370112006 与网格「现场网格（扩）」（WG-F1）的 370112006001 重叠',
    );
    expect(clash.json().messageEn).toContain('370112006 overlaps 370112006001 of grid WG-F1');
  });

  it('takes image photos only, within the size limit, in Chinese and English', async () => {
    const pdf = await upload('scan.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'application/pdf');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().messageZh).toContain('JPEG 或 PNG');
    expect(pdf.json().messageEn).toContain('JPEG or PNG');
    const html = await upload('x.png', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.statusCode).toBe(415);
    const big = Buffer.concat([TINY_PNG.subarray(0, 16), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const tooBig = await upload('big.png', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().messageZh).toContain('10 MB');
    const rows = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM oversight_patrol_photo`,
    );
    expect(rows!.n).toBe(0);
  });

  it('records a patrol on the spot with a photo, shows it back, and refuses bad input', async () => {
    const est = await queryOne<{ id: number; name: string }>(
      t.database.db,
      sql`SELECT id, name FROM establishment WHERE region_code LIKE '370112005%' AND status <> 'deregistered' ORDER BY id LIMIT 1`,
    );
    const outside = await queryOne<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM establishment WHERE region_code LIKE '370112001%' ORDER BY id LIMIT 1`,
    );
    const up = await upload('现场.png', TINY_PNG);
    expect(up.statusCode, up.body).toBe(201);
    const sha = up.json().sha256 as string;
    expect(up.json()).toMatchObject({ mediaType: 'image/png', sizeBytes: TINY_PNG.length });
    const now = t.ctx.now();
    const base = {
      patrolledAt: new Date(now.getTime() - 3600_000).toISOString(),
      findings: '消毒记录不全，已当场指导',
      problemFound: true,
      photos: [sha],
    };

    const noPlace = await leader.post(`/oversight/grids/${gridId}/patrol-records`, base);
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json().messageZh).toContain('巡查地址');
    expect(noPlace.json().messageEn).toContain('address');
    const future = await leader.post(`/oversight/grids/${gridId}/patrol-records`, {
      ...base,
      address: '测试路 1 号',
      patrolledAt: new Date(now.getTime() + 86_400_000).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().messageZh).toContain('不能晚于现在');
    const elsewhere = await leader.post(`/oversight/grids/${gridId}/patrol-records`, {
      ...base,
      establishmentId: Number(outside!.id),
    });
    expect(elsewhere.statusCode).toBe(400);
    const unknownPhoto = await leader.post(`/oversight/grids/${gridId}/patrol-records`, {
      ...base,
      address: '测试路 1 号',
      photos: ['a'.repeat(64)],
    });
    expect(unknownPhoto.statusCode).toBe(400);
    expect(unknownPhoto.json().messageZh).toContain('照片未上传');
    // Refusals wrote nothing.
    const none = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM oversight_patrol WHERE grid_id = ${gridId}`,
    );
    expect(none!.n).toBe(0);

    const rec = await leader.post(`/oversight/grids/${gridId}/patrol-records`, {
      ...base,
      establishmentId: Number(est!.id),
    });
    expect(rec.statusCode, rec.body).toBe(201);
    const again = await leader.post(`/oversight/grids/${gridId}/patrol-records`, {
      ...base,
      address: '测试路 2 号',
    });
    expect(again.statusCode).toBe(400);

    const items = (await leader.get(`/oversight/grids/${gridId}`)).json();
    expect(items.patrols).toHaveLength(1);
    expect(items.patrols[0]).toMatchObject({
      place: est!.name,
      status: 'done',
      establishmentId: Number(est!.id),
      problemFound: true,
      photos: [sha],
      patrolledAt: base.patrolledAt,
    });
    const photo = await leader.get(`/oversight/patrols/${rec.json().id}/photos/${sha}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(TINY_PNG)).toBe(true);
    const thumb = await leader.get(`/oversight/patrols/${rec.json().id}/photos/${sha}?size=thumb`);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect(thumb.headers.etag).toBe(`"${sha}-thumb"`);
    const badSize = await leader.get(`/oversight/patrols/${rec.json().id}/photos/${sha}?size=huge`);
    expect(badSize.statusCode).toBe(400);
    expect(badSize.json().errors[0]).toMatchObject({
      path: 'querystring.size',
      messageZh: 'querystring.size：size 只能是 full（原图）或 thumb（缩略图）',
    });
    const outsider = await demoUser(t, 'viewer');
    expect((await outsider.get(`/oversight/patrols/${rec.json().id}/photos/${sha}`)).statusCode).toBe(404);
    const audit = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE action IN ('oversight.patrol.photo.upload', 'oversight.patrol.record')`,
    );
    expect(audit!.n).toBe(2);

    const search = (
      await leader.get(
        `/oversight/grids/${gridId}/establishments?q=${encodeURIComponent(est!.name.slice(0, 2))}`,
      )
    ).json();
    expect(search.items.some((e: { id: number }) => e.id === Number(est!.id))).toBe(true);
    expect(search.items.every((e: { regionCode: string }) => /^370112(005|006001)/.test(e.regionCode))).toBe(
      true,
    );
  });

  it('checks the photos of a planned patrol when it is recorded', async () => {
    const plan = await leader.post(`/oversight/grids/${gridId}/patrols`, {
      place: '测试村',
      plannedOn: '2026-03-10',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const bad = await leader.post(`/oversight/patrols/${plan.json().id}/record`, {
      findings: '正常',
      problemFound: false,
      photos: ['b'.repeat(64)],
    });
    expect(bad.statusCode).toBe(400);
    const p = await queryOne<{ status: string }>(
      t.database.db,
      sql`SELECT status FROM oversight_patrol WHERE id = ${plan.json().id}`,
    );
    expect(p!.status).toBe('planned');
  });
  it('deletes photos no record claimed within two days, and their bytes, but keeps claimed ones', async () => {
    const stray = Buffer.concat([TINY_PNG, Buffer.from('stray')]); // another content, still a PNG by its first bytes
    const up = await upload('未保存.png', stray);
    expect(up.statusCode, up.body).toBe(201);
    const strayHash = up.json().sha256 as string;
    const claimed = (await queryOne<{ sha256: string }>(
      t.database.db,
      sql`SELECT sha256 FROM oversight_patrol_photo WHERE patrol_id IS NOT NULL LIMIT 1`,
    ))!.sha256;
    // Not yet two days old: kept.
    expect(await pruneAbandonedPatrolPhotos(t.ctx)).toMatchObject({ photos: 0 });
    await t.database.db.execute(
      sql`UPDATE oversight_patrol_photo SET uploaded_at = uploaded_at - interval '3 days' WHERE sha256 = ${strayHash}`,
    );
    // The same content uploaded again since: the old row goes, the bytes stay for the new one.
    expect((await upload('又一次.png', stray)).statusCode).toBe(201);
    expect(await pruneAbandonedPatrolPhotos(t.ctx)).toEqual({ photos: 1, files: 0 });
    expect((await readFile(t.ctx, strayHash))?.equals(stray)).toBe(true);
    await t.database.db.execute(
      sql`UPDATE oversight_patrol_photo SET uploaded_at = uploaded_at - interval '3 days' WHERE sha256 = ${strayHash}`,
    );
    expect(await pruneAbandonedPatrolPhotos(t.ctx)).toEqual({ photos: 1, files: 1 });
    expect(await readFile(t.ctx, strayHash)).toBeNull();
    expect((await readFile(t.ctx, claimed.trim()))?.equals(TINY_PNG)).toBe(true);
  });
});
