import {
  DEFAULT_INSPECTION_POLICY,
  defaultSamplingMatrix,
  stratumOf as stratumInMatrix,
} from '@weijian/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stratumOf } from '../src/modules/credit/queries.js';
import { levelsOf, registerLevelSource } from '../src/modules/inspection/levels.js';
import {
  auditCount,
  type Client,
  day,
  emit,
  eventsOf,
  insertEstablishment,
  institution,
  staff,
} from './credit-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

/**
 * The "done when": a penalty recorded updates the credit file, points, credit level, risk
 * level, mode and the next campaign's stratum, through events only (the enforcement module's
 * `enforcement.penalty.decided`, emitted here as its producer does: nothing calls credit code).
 */
describe.each(DATABASE_KINDS)('a penalty reaches credit through events on %s', (kind) => {
  let t: TestApp;
  let inspector: Client;
  let clinic: { id: number; publicCode: string };

  beforeAll(async () => {
    t = await testApp(kind);
    inspector = await staff(t, 'lc.inspector1');
    clinic = await insertEstablishment(t, { name: '历城区信用测试诊所' });
    // A compliant random inspection: a good record, so the clinic starts at A / low / commitment.
    await emit(t, 'inspection.inspection.completed', 'establishment', clinic.id, {
      inspectionId: 901,
      campaignId: 77,
      taskKind: 'draw',
      inspectedOn: '2026-01-15',
      outcome: 'compliant',
      nonCompliantItems: [],
      departments: ['supervision'],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('starts clean: A, low risk, commitment-based supervision, stratum low/a', async () => {
    const p = (await inspector.get(`/credit/establishments/${clinic.id}`)).json();
    expect(p.creditLevel.level).toBe('A');
    expect(p.risk).toMatchObject({ level: 'low', score: 10 });
    expect(p.mode).toMatchObject({ mode: 'commitment', inspectionsPerYear: 0.5 });
    expect((await stratumOf(t.database.db, [clinic.id])).get(clinic.id)).toEqual({
      riskLevel: 'low',
      creditLevel: 'a',
    });
  });

  it('a serious penalty: file entry with source and citation, points with act and article, D, severe, stationed, new stratum', async () => {
    await emit(t, 'enforcement.penalty.decided', 'case', 'C-2026-0001', {
      caseId: 'C-2026-0001',
      establishmentId: clinic.id,
      practitionerId: null,
      severity: 'serious',
      kinds: ['fine', 'confiscation'],
      fineAmount: 50_000,
      licenceRevoked: false,
      decidedOn: day(t),
      violationCode: 'unqualified_staff',
      basis: { zh: '《医疗机构管理条例》第四十八条', en: 'Regulation on Medical Institutions art. 48' },
    });

    const file = (await inspector.get(`/credit/establishments/${clinic.id}/entries`)).json();
    const penalty = file.items.find((e: { kind: string }) => e.kind === 'penalty');
    expect(penalty).toMatchObject({
      severity: 'serious',
      polarity: 'negative',
      source: { module: 'enforcement', type: 'case', id: 'C-2026-0001' },
      citation: { zh: '《医疗机构管理条例》第四十八条' },
      occurredOn: day(t),
    });
    expect(file.items.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['penalty', 'demerit_recorded', 'inspection_compliant']),
    );

    const demerits = (await inspector.get(`/credit/establishments/${clinic.id}/demerits`)).json();
    expect(demerits.points).toBe(6);
    expect(demerits.items[0]).toMatchObject({
      behaviourCode: 'I08',
      points: 6,
      actZh: '使用非卫生技术人员从事医疗卫生技术工作',
      source: { module: 'enforcement', type: 'case', id: 'C-2026-0001' },
      recordedBy: expect.stringMatching(/^event:enforcement\.penalty\.decided#/),
    });
    expect(demerits.items[0].article.zh).toContain('医疗机构管理条例');
    expect(await auditCount(t, 'credit.demerit.record')).toBe(1);

    const p = (await inspector.get(`/credit/establishments/${clinic.id}`)).json();
    expect(p.creditLevel).toMatchObject({ level: 'D', computed: 'D' });
    expect(p.creditLevel.reasons[0]).toMatchObject({ metric: 'penalty.serious', count: 1 });
    expect(p.risk.level).toBe('severe');
    const parts = Object.fromEntries(
      p.risk.parts.map((x: { code: string; points: number }) => [x.code, x.points]),
    );
    expect(parts).toMatchObject({ inherent: 10, penalties: 30, credit_level: 25, demerits: 6 });
    expect(p.risk.score).toBe(71);
    expect(p.mode).toMatchObject({ mode: 'stationed', inspectionsPerYear: 12 });

    // The stratum the inspection module sees, and the next campaign's stratum id under its matrix.
    const seen = (await stratumOf(t.database.db, [clinic.id])).get(clinic.id)!;
    expect(seen).toEqual({ riskLevel: 'severe', creditLevel: 'd' });
    registerLevelSource(stratumOf);
    try {
      const levels = (await levelsOf(t.database.db, [clinic.id])).get(clinic.id)!;
      const matrix = defaultSamplingMatrix(DEFAULT_INSPECTION_POLICY);
      expect(stratumInMatrix({ kind: 'medical', flags: [], ...levels }, matrix).id).toBe(
        'medical/general/severe/d',
      );
    } finally {
      registerLevelSource(null);
    }

    // Told to the other modules, in the same transactions.
    expect(await eventsOf(t, 'credit.level.changed')).toEqual([
      expect.objectContaining({
        subjectType: 'establishment',
        subjectId: clinic.id,
        level: 'D',
        previousLevel: 'A',
      }),
    ]);
    expect(await eventsOf(t, 'credit.risk.changed')).toEqual([
      expect.objectContaining({
        establishmentId: clinic.id,
        level: 'severe',
        score: 71,
        mode: 'stationed',
        previousMode: 'commitment',
      }),
    ]);
  });

  it('the party sees its own points with the act and the article, not who recorded them', async () => {
    const own = await institution(t, 'credit.clinic1', clinic.id);
    const d = (await own.get(`/credit/establishments/${clinic.id}/demerits`)).json();
    expect(d.items[0]).toMatchObject({
      points: 6,
      actZh: expect.any(String),
      article: { zh: expect.stringContaining('条例') },
    });
    const other = await insertEstablishment(t, { name: '另一诊所' });
    expect((await own.get(`/credit/establishments/${other.id}`)).statusCode).toBe(404);
    expect((await own.get(`/credit/establishments/${clinic.id}/entries`)).statusCode).toBe(200);
  });

  it('a changed decision replaces the earlier one: its points and entries, not both', async () => {
    const base = {
      caseId: 'C-2026-0002',
      establishmentId: clinic.id,
      practitionerId: null,
      kinds: ['warning'],
      fineAmount: 0,
      licenceRevoked: false,
      decidedOn: day(t),
      violationCode: null,
      basis: '《医疗机构管理条例》',
    };
    await emit(t, 'enforcement.penalty.decided', 'enforcement_case', 'C-2026-0002', {
      ...base,
      severity: 'minor',
    });
    await emit(t, 'enforcement.penalty.changed', 'enforcement_case', 'C-2026-0002', {
      ...base,
      severity: 'general',
      kinds: ['fine'],
      fineAmount: 5000,
      reason: '行政复议变更',
      on: day(t),
    });
    const d = (await inspector.get(`/credit/establishments/${clinic.id}/demerits`)).json();
    const fromCase = d.items.filter((x: { source: { id: string } }) => x.source.id === 'C-2026-0002');
    expect(fromCase.map((x: { points: number; status: string }) => `${x.points}:${x.status}`).sort()).toEqual(
      ['2:revoked', '4:active'],
    );
    const file = (await inspector.get(`/credit/establishments/${clinic.id}/entries`)).json();
    const penalties = file.items.filter(
      (e: { kind: string; source: { id: string } }) => e.kind === 'penalty' && e.source.id === 'C-2026-0002',
    );
    expect(
      penalties.map((e: { severity: string; status: string }) => `${e.severity}:${e.status}`).sort(),
    ).toEqual(['general:active', 'minor:withdrawn']);
    // Withdrawn again so the next tests see the clinic as before.
    await emit(t, 'enforcement.penalty.withdrawn', 'enforcement_case', 'C-2026-0002', {
      caseId: 'C-2026-0002',
      reason: '撤销',
      on: day(t),
    });
  });

  it('a staff member of another county does not find it', async () => {
    const zq = await staff(t, 'zq.inspector');
    expect((await zq.get(`/credit/establishments/${clinic.id}`)).statusCode).toBe(404);
    expect((await zq.get('/credit/establishments?pageSize=100')).json().items).toEqual([]);
  });

  it('a withdrawn penalty takes its points back and the level recovers', async () => {
    await emit(t, 'enforcement.penalty.withdrawn', 'case', 'C-2026-0001', {
      caseId: 'C-2026-0001',
      reason: '行政复议撤销',
      on: day(t),
    });
    const p = (await inspector.get(`/credit/establishments/${clinic.id}`)).json();
    expect(p.demerits.points).toBe(0);
    expect(p.creditLevel.level).toBe('A');
    expect(p.mode.mode).toBe('commitment');
    const file = (await inspector.get(`/credit/establishments/${clinic.id}/entries`)).json();
    expect(
      file.items.find(
        (e: { kind: string; source: { id: string } }) =>
          e.kind === 'penalty' && e.source.id === 'C-2026-0001',
      ),
    ).toMatchObject({
      status: 'withdrawn',
      statusReason: '行政复议撤销',
    });
    expect(file.items.some((e: { kind: string }) => e.kind === 'demerit_revoked')).toBe(true);
    expect((await stratumOf(t.database.db, [clinic.id])).get(clinic.id)).toEqual({
      riskLevel: 'low',
      creditLevel: 'a',
    });
  });
});
