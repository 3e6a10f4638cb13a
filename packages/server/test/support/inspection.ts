import { client, insertStaff, signIn, signInAdmin, unitId, userId } from '../identity-helpers.js';
import type { TestApp } from './app.js';
import { newUscc } from './registry-files.js';
import type { SignedIn } from './session.js';

/**
 * Fixtures of the inspection tests, made through the API as users would: a planner and a head of
 * 历城区's supervision institute, a roster of supervision and market officers (some linked to the
 * demo inspectors' accounts), and establishments of 历城区.
 */
/** The identity tests' JSON client, with PUT. */
export function jsonClient(t: TestApp, s: SignedIn) {
  return {
    ...client(t, s),
    put: (url: string, payload: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1${url}`,
        headers: s.headers,
        payload: payload as Record<string, unknown>,
      }),
  };
}
export type Client = ReturnType<typeof client> & { put?: ReturnType<typeof jsonClient>['put'] };

export const LICHENG = '370112';

export async function staffClient(
  t: TestApp,
  username: string,
  department: string,
  region: string,
  roles: string[],
) {
  await insertStaff(t, username, await unitId(t, department, region), roles);
  return jsonClient(t, await signIn(t, username));
}

export interface Officer {
  id: number;
  certificateNo: string;
  departmentCode: string;
  userId: number | null;
}

export async function addOfficer(
  t: TestApp,
  admin: Client,
  spec: {
    certificateNo: string;
    name: string;
    department: string;
    region?: string;
    user?: string;
    specialties?: string[];
  },
): Promise<Officer> {
  const res = await admin.post('/inspectors', {
    certificateNo: spec.certificateNo,
    name: spec.name,
    unitId: await unitId(t, spec.department, spec.region ?? LICHENG),
    specialties: spec.specialties ?? ['medical'],
    userId: spec.user ? await userId(t, spec.user) : null,
  });
  if (res.statusCode !== 201) throw new Error(`officer ${spec.certificateNo}: ${res.statusCode} ${res.body}`);
  const o = res.json();
  return { id: o.id, certificateNo: o.certificateNo, departmentCode: o.departmentCode, userId: o.userId };
}

export async function addEstablishment(
  registrar: Client,
  spec: { name: string; categoryCode: string; regionCode: string; status?: string; uscc?: string | null },
): Promise<{ id: number; uscc: string | null; publicCode: string; flags: string[] }> {
  const res = await registrar.post('/establishments', {
    name: spec.name,
    uscc: spec.uscc === undefined ? newUscc() : spec.uscc,
    categoryCode: spec.categoryCode,
    regionCode: spec.regionCode,
    address: `${spec.name}路 1 号`,
    legalRepresentative: '王建国',
    contactPhone: '0531-88886666',
    ownership: 'private',
    forProfit: true,
    clinicalSubjects: spec.categoryCode === 'D215' ? ['12'] : ['02'],
    status: spec.status ?? 'operating',
  });
  if (res.statusCode !== 201) throw new Error(`establishment ${spec.name}: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function adminClient(t: TestApp) {
  return jsonClient(t, await signInAdmin(t, 'admin'));
}

/** A campaign plan of 历城区: the dates fit TEST_NOW (2026-03-10), day D is 2026-03-16. */
export function planBody(overrides: Record<string, unknown> = {}) {
  return {
    title: '2026 年医疗机构部门联合双随机抽查',
    departments: ['supervision', 'market'],
    kinds: ['medical'],
    itemCodes: ['medical.supervision', 'medical.market'],
    periodStart: '2026-03-20',
    periodEnd: '2026-04-30',
    randomnessDate: '2026-03-16',
    sources: [
      { id: 'sse-000001-close', description: '上证综指（000001）2026-03-16 收盘点位' },
      { id: 'szse-399001-close', description: '深证成指（399001）2026-03-16 收盘点位' },
    ],
    ...overrides,
  };
}

export const SOURCE_VALUES = [
  { id: 'sse-000001-close', value: '3389.12' },
  { id: 'szse-399001-close', value: '10853.47' },
];

/** The smallest JPEG and PNG headers (the magic bytes are what counts) and a GIF that is refused. */
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(100, 1),
]);
export const GIF = Buffer.from('GIF89a________________');
