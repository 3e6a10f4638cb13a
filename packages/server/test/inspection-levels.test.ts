import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emit } from './credit-helpers.js';
import { client, signIn } from './identity-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import {
  addEstablishment,
  addOfficer,
  adminClient,
  type Client,
  planBody,
  SOURCE_VALUES,
  staffClient,
} from './support/inspection.js';

/**
 * Risk and credit levels reach the draw's strata (kind × risk × credit) from the credit module,
 * through the level source the inspection module registers at start-up (inspection/levels.ts): a
 * clinic with a good record is low/a, one with a serious penalty severe/d, the rest stay "default"
 * until the credit module has a profile for them. The penalty arrives as the enforcement module's
 * event, as in production; nothing here replaces the source.
 */
describe.each(DATABASE_KINDS)('inspection strata from credit levels on %s', (kind) => {
  let t: TestApp;
  let planner: Client;
  let head: Client;
  let good: { id: number };
  let bad: { id: number };

  beforeAll(async () => {
    t = await testApp(kind);
    const admin = await adminClient(t);
    planner = await staffClient(t, 'lc.sup.planner', 'supervision', '370112', ['leader']);
    head = await staffClient(t, 'lc.sup.head', 'supervision', '370112', ['leader']);
    await addOfficer(t, admin, { certificateNo: 'L-SUP-1', name: '周一', department: 'supervision' });
    await addOfficer(t, admin, { certificateNo: 'L-SUP-2', name: '吴二', department: 'supervision' });
    const registrar = client(t, await signIn(t, 'lc.inspector1'));
    const add = (name: string) =>
      addEstablishment(registrar, { name, categoryCode: 'D211', regionCode: '370112001' });
    good = await add('历城区守信诊所');
    bad = await add('历城区失信诊所');
    for (let i = 1; i <= 4; i++) await add(`历城区普通诊所${i}`);
    await emit(t, 'inspection.inspection.completed', 'establishment', good.id, {
      inspectionId: 901,
      campaignId: 77,
      taskKind: 'draw',
      inspectedOn: '2026-01-15',
      outcome: 'compliant',
      nonCompliantItems: [],
      departments: ['supervision'],
    });
    await emit(t, 'enforcement.penalty.decided', 'case', 'C-2026-0009', {
      caseId: 'C-2026-0009',
      establishmentId: bad.id,
      practitionerId: null,
      severity: 'serious',
      kinds: ['fine'],
      fineAmount: 50_000,
      licenceRevoked: false,
      decidedOn: '2026-03-02',
      violationCode: 'unqualified_staff',
      basis: { zh: '《医疗机构管理条例》第四十八条', en: 'Regulation on Medical Institutions art. 48' },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('forecasts, freezes and draws by the credit module’s levels, with a ratio per cell', async () => {
    const created = await planner.post(
      '/campaigns',
      planBody({
        departments: ['supervision'],
        itemCodes: ['medical.supervision'],
        sampling: {
          defaultRatio: 0,
          sectors: [],
          // Ratios rise with risk and fall with good credit (seed 002).
          cells: [
            { kind: 'medical', riskLevel: 'severe', creditLevel: 'd', ratio: 1 },
            { kind: 'medical', riskLevel: 'low', creditLevel: 'a', ratio: 0 },
          ],
        },
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const forecast = (await planner.get(`/campaigns/${id}/forecast`)).json();
    const strata = Object.fromEntries(
      forecast.strata.map((h: { id: string; population: number; sample: number }) => [
        h.id,
        [h.population, h.sample],
      ]),
    );
    expect(strata['medical/general/severe/d']).toEqual([1, 1]);
    expect(strata['medical/general/low/a']).toEqual([1, 0]);
    expect(forecast.expectedInspections).toBe(1);

    expect((await head.post(`/campaigns/${id}/approve`, {})).statusCode).toBe(200);
    const frozen = (await planner.post(`/campaigns/${id}/freeze`, {})).json();
    expect(frozen.draw.strata.find((h: { id: string }) => h.id === 'medical/general/severe/d')).toMatchObject(
      { population: 1, sample: 1, ratio: '1' },
    );
    t.setNow(new Date('2026-03-16T08:30:00Z'));
    const fresh = await staffClientAt(t, 'lc.sup.planner');
    const drawn = await fresh.post(`/campaigns/${id}/draw`, { sourceValues: SOURCE_VALUES });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const tasks = (await fresh.get(`/inspections?campaignId=${id}`)).json();
    expect(tasks.items).toHaveLength(1);
    expect(tasks.items[0]).toMatchObject({
      stratum: 'medical/general/severe/d',
      establishment: { id: bad.id },
    });
  });
});

/** A fresh session at the test clock's new time (sessions idle out when the clock jumps). */
async function staffClientAt(t: TestApp, username: string) {
  return client(t, await signIn(t, username));
}
