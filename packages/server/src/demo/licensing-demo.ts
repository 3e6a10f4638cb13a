import { createHash } from 'node:crypto';
import { addDays, DEFAULT_PERMIT_CODES, type PermitTypeDefinition, requiredMaterials } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Database, type Executor, queryOne, queryRows } from '../db/database.js';
import { putFile } from '../files/file-store.js';
import type { AppContext } from '../http/context.js';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import { type Actor, loadActor } from '../modules/identity/actor.js';
import {
  type ApplicationActionBody,
  type ApplicationActionInput,
  actOnApplicationIn,
} from '../modules/licensing/act-on-application.js';
import { actOnTaskIn } from '../modules/licensing/act-on-task.js';
import { permitVersion, permitVersions, savePermitVersionIn } from '../modules/licensing/catalogue.js';
import { createApplicationIn, type NewApplication } from '../modules/licensing/create-application.js';
import { createJointApplicationIn } from '../modules/licensing/joint-application.js';
import { DEMO_COUNTIES, DEMO_INSTITUTION_ACCOUNT } from './organisation.js';

/**
 * The licensing demo, on top of the registry demo's establishments of 历城区: the catalogue as a
 * Jinan deployment has it (county and city health permits handled by the 行政审批服务局 since the
 * 相对集中行政许可权 reform — a second catalogue version), applications in every state of the
 * four modes, licences with their verification tasks and revalidations, a joint application, and
 * the institution user `clinic.demo` bound to a clinic. Everything goes through the use cases, at
 * dates before today, inside the seed's transaction.
 */
export interface LicensingDemoOptions {
  now: Date;
  passwordHash: string;
  /** Where uploaded files live (WEIJIAN_DATA_DIR); on PGlite without it the demo's materials have no bytes. */
  dataDir?: string | undefined;
  /** On PostgreSQL the file store is the table stored_file (written in the seed's transaction). */
  databaseKind?: Database['kind'] | undefined;
}

const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const DEMO_PDF_SHA = createHash('sha256').update(DEMO_PDF).digest('hex');

const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A context whose clock reads `date` (the use cases only read the clock inside a caller's transaction). */
const contextAt = (date: string) =>
  ({ now: () => new Date(`${date}T02:00:00.000Z`) }) as unknown as AppContext;

export async function seedLicensingDemo(tx: Executor, opts: LicensingDemoOptions) {
  const today = chinaDate(opts.now);
  const day = (offset: number) => addDays(today, offset);
  const estIn = sql`region_code LIKE ${`${DEMO_COUNTIES.licheng}%`} AND status = 'operating'`;
  const pick = async (categories: string[], n: number, extra = sql`true`) =>
    (
      await queryRows<{ id: number }>(
        tx,
        sql`SELECT id FROM establishment WHERE ${estIn} AND category_code IN (${sql.join(
          categories.map((c) => sql`${c}`),
          sql`, `,
        )})
            AND ${extra} ORDER BY id LIMIT ${n}`,
      )
    ).map((r) => r.id);

  // The clinic bound to clinic.demo: one whose own doctors hold an intermediate title or above.
  const [clinic] = await pick(
    ['D211'],
    1,
    sql`EXISTS (SELECT 1 FROM practitioner p WHERE p.primary_establishment_id = establishment.id AND p.profession = 'doctor'
          AND p.status = 'active' AND p.title_grade IN ('intermediate', 'associate_senior', 'senior'))`,
  );
  const hotels = await pick(['S101', 'S102'], 3);
  const hospitals = (
    await queryRows<{ id: number }>(
      tx,
      sql`SELECT id FROM establishment WHERE ${estIn} AND category_code LIKE 'A%' AND (level IS NULL OR level <> 'level3')
          ORDER BY id LIMIT 4`,
    )
  ).map((r) => r.id);
  const water = await pick(['T100', 'T200'], 2);
  if (!clinic || hotels.length < 3 || hospitals.length < 4) return undefined;

  await jinanCatalogue(tx, opts.now);

  const staffId = async (username: string) =>
    (await queryOne<{ id: number }>(tx, sql`SELECT id FROM app_user WHERE username = ${username}`))!.id;
  const actorOf = async (id: number) =>
    (await loadActor(tx, id, { sessionId: null, ip: null, requestId: null }))!;
  const approver = await actorOf(await staffId('lc.approver'));
  const inspector = await actorOf(await staffId('lc.inspector1'));
  const user = await queryOne<{ id: number }>(
    tx,
    sql`INSERT INTO app_user (kind, username, display_name, establishment_id, password_hash)
        VALUES ('institution', ${DEMO_INSTITUTION_ACCOUNT.username}, ${DEMO_INSTITUTION_ACCOUNT.displayName}, ${clinic},
          ${opts.passwordHash}) RETURNING id`,
  );
  await tx.execute(sql`INSERT INTO user_role (user_id, role_code) VALUES (${user!.id}, 'institution')`);
  await recordAudit(
    tx,
    SYSTEM_ACTOR,
    {
      action: 'identity.user.create',
      entityType: 'user',
      entityId: user!.id,
      diff: { username: [null, DEMO_INSTITUTION_ACCOUNT.username], establishmentId: [null, clinic] },
    },
    opts.now,
  );
  const clinicUser = await actorOf(user!.id);

  if (opts.dataDir || opts.databaseKind === 'postgres') {
    const store = {
      config: { dataDir: opts.dataDir ?? '' },
      database: { kind: opts.databaseKind ?? 'pglite', db: tx },
    };
    await putFile(store, DEMO_PDF, tx);
  }

  const create = (date: string, actor: Actor, input: NewApplication) =>
    createApplicationIn(tx, contextAt(date), actor, input);
  const act = async (date: string, actor: Actor, id: number, input: ApplicationActionBody) => {
    const v = await queryOne<{ version: number }>(
      tx,
      sql`SELECT version FROM licensing_application WHERE id = ${id}`,
    );
    await actOnApplicationIn(tx, contextAt(date), actor, id, {
      ...input,
      expectedVersion: v!.version,
    } as ApplicationActionInput);
  };
  const attach = async (date: string, actor: Actor, id: number) => {
    const a = await queryOne<{ permit_code: string; permit_version: number }>(
      tx,
      sql`SELECT permit_code, permit_version FROM licensing_application WHERE id = ${id}`,
    );
    const def = (await permitVersion(tx, a!.permit_code, a!.permit_version)).definition;
    for (const m of requiredMaterials(def)) {
      await tx.execute(sql`INSERT INTO licensing_material (application_id, material_code, file_name, content_type, size_bytes, sha256,
          uploaded_at, uploaded_by, uploaded_by_name)
        VALUES (${id}, ${m.code}, ${`${m.nameZh}.pdf`}, 'application/pdf', ${DEMO_PDF.length}, ${DEMO_PDF_SHA},
          ${`${date}T01:30:00.000Z`}, ${actor.userId}, ${actor.username})`);
    }
  };
  const submitted = async (date: string, actor: Actor, input: NewApplication) => {
    const id = await create(date, actor, input);
    await attach(date, actor, id);
    await act(date, actor, id, { action: 'submit' });
    return id;
  };
  const inspected = async (from: string, to: string, id: number) => {
    await act(from, approver, id, { action: 'start_site_inspection', note: '现场审核' });
    await act(to, approver, id, { action: 'end_excluded_period', note: '现场审核合格' });
  };
  const signedCommitment = async (date: string, actor: Actor, establishmentId: number) => {
    const id = await create(date, actor, {
      establishmentId,
      permitCode: 'public_place_hygiene',
      purpose: 'new',
    });
    const def = await currentDefinition(tx, 'public_place_hygiene');
    await act(date, actor, id, {
      action: 'sign_commitment',
      conditionCodes: def.conditions.map((c) => c.code),
      signerName: '张经理',
    });
    await attach(date, actor, id);
    return id;
  };

  // clinic.demo: filed two months ago (checked since), and a draft to carry on in the portal.
  const doctors = await queryRows<{ id: number }>(
    tx,
    sql`SELECT id FROM practitioner WHERE primary_establishment_id = ${clinic} AND profession = 'doctor' AND status = 'active'
          AND title_grade IN ('intermediate', 'associate_senior', 'senior') ORDER BY id LIMIT 2`,
  );
  const filing = await submitted(day(-60), clinicUser, {
    establishmentId: clinic,
    permitCode: 'clinic_filing',
    purpose: 'new',
    form: { clinicType: 'general', doctorIds: doctors.map((d) => d.id) },
  });
  await completeTask(tx, filing, inspector, day(-40));
  await create(day(-2), clinicUser, {
    establishmentId: clinic,
    permitCode: 'radiation_diagnosis',
    purpose: 'new',
    note: '拟开展口腔X射线影像诊断',
  });

  // Commitments: one granted (verification open), one under rectification, one signed and not yet sent.
  const h1 = await signedCommitment(day(-12), approver, hotels[0]!);
  await act(day(-12), approver, h1, { action: 'submit' });
  await act(day(-12), approver, h1, { action: 'grant', formalReviewPassed: true });
  const h2 = await signedCommitment(day(-90), approver, hotels[1]!);
  await act(day(-90), approver, h2, { action: 'submit' });
  await act(day(-90), approver, h2, { action: 'grant', formalReviewPassed: true });
  await orderRectification(tx, h2, inspector, day(-50), day(10));
  await signedCommitment(day(-1), approver, hotels[2]!);

  // Approvals in each state.
  await submitted(day(-3), approver, {
    establishmentId: hospitals[0]!,
    permitCode: 'radiation_diagnosis',
    purpose: 'new',
  });
  const corrected = await submitted(day(-10), approver, {
    establishmentId: hospitals[0]!,
    permitCode: 'maternal_special_technique',
    purpose: 'new',
  });
  await act(day(-8), approver, corrected, {
    action: 'request_correction',
    items: ['补充产房布局图', '补充人员考核合格证书'],
  });
  const review = await submitted(day(-15), approver, {
    establishmentId: hospitals[1]!,
    permitCode: 'radiation_diagnosis',
    purpose: 'new',
  });
  await act(day(-14), approver, review, { action: 'accept' });
  const notice = await submitted(day(-12), approver, {
    establishmentId: hospitals[1]!,
    permitCode: 'medical_institution_practice',
    purpose: 'new',
    form: { beds: 60 },
  });
  await act(day(-11), approver, notice, { action: 'accept' });
  await inspected(day(-10), day(-8), notice);
  await act(day(-3), approver, notice, { action: 'start_public_notice' });
  if (water[0]) {
    const w = await submitted(day(-40), approver, {
      establishmentId: water[0],
      permitCode: 'water_supplier',
      purpose: 'new',
    });
    await act(day(-39), approver, w, { action: 'accept' });
    await inspected(day(-38), day(-36), w);
    await act(day(-35), approver, w, { action: 'grant', scope: '集中式供水' });
  }
  if (water[1]) {
    const w = await submitted(day(-25), approver, {
      establishmentId: water[1],
      permitCode: 'water_supplier',
      purpose: 'new',
    });
    await act(day(-24), approver, w, { action: 'accept' });
    await act(day(-20), approver, w, {
      action: 'refuse',
      reasons: '现场审核发现净水消毒设施不能正常运行，不符合卫生要求',
    });
  }
  // A licence issued last year: its revalidation notice is due.
  const old = await submitted(day(-320), approver, {
    establishmentId: hospitals[2]!,
    permitCode: 'radiation_diagnosis',
    purpose: 'new',
  });
  await act(day(-319), approver, old, { action: 'accept' });
  await inspected(day(-318), day(-317), old);
  await act(day(-316), approver, old, { action: 'grant', scope: 'X射线影像诊断' });
  // A joint application: the approval office is the window; the environment bureau decides its part.
  await createJoint(tx, day(-5), approver, hospitals[3]!, attach, act);

  return {
    username: DEMO_INSTITUTION_ACCOUNT.username,
    displayName: DEMO_INSTITUTION_ACCOUNT.displayName,
    role: 'institution',
    unit: '',
  };
}

async function currentDefinition(tx: Executor, code: string): Promise<PermitTypeDefinition> {
  const versions = await permitVersions(tx, code);
  return versions[versions.length - 1]!.definition;
}

/** Jinan: health permits of county and city level are handled by the administrative approval office. */
async function jinanCatalogue(tx: Executor, at: Date) {
  for (const code of DEFAULT_PERMIT_CODES) {
    const def = await currentDefinition(tx, code);
    if (def.mode === 'abolished' || def.departmentCode !== 'health' || def.level === 'province') continue;
    await savePermitVersionIn(tx, at, null, code, {
      effectiveFrom: '2023-01-01',
      note: '济南市相对集中行政许可权改革：县级、市级卫生健康行政许可由行政审批服务局实施（演示部署）',
      definition: { ...def, departmentCode: 'approval' },
    });
  }
}

async function taskOf(tx: Executor, applicationId: number) {
  return (await queryOne<{ id: number; version: number }>(
    tx,
    sql`SELECT id, version FROM licensing_task WHERE application_id = ${applicationId}`,
  ))!;
}

async function completeTask(tx: Executor, applicationId: number, inspector: Actor, date: string) {
  const t = await taskOf(tx, applicationId);
  await actOnTaskIn(tx, contextAt(date), inspector, t.id, {
    action: 'record_conforming',
    expectedVersion: t.version,
    findings: '备案信息属实',
  });
}

async function orderRectification(
  tx: Executor,
  applicationId: number,
  inspector: Actor,
  date: string,
  due: string,
) {
  const t = await taskOf(tx, applicationId);
  await actOnTaskIn(tx, contextAt(date), inspector, t.id, {
    action: 'order_rectification',
    expectedVersion: t.version,
    findings: '现场核查：部分客房无独立消毒设施，与承诺不符',
    rectificationDue: due,
  });
}

async function createJoint(
  tx: Executor,
  date: string,
  window: Actor,
  establishmentId: number,
  attach: (date: string, actor: Actor, id: number) => Promise<void>,
  act: (date: string, actor: Actor, id: number, input: ApplicationActionBody) => Promise<void>,
) {
  const { applicationIds } = await createJointApplicationIn(tx, contextAt(date), window, {
    establishmentId,
    parts: [{ permitCode: 'radiation_diagnosis' }, { permitCode: 'radiation_safety_license' }],
    note: '新建DR检查室，放射诊疗许可与辐射安全许可联动办理',
  });
  for (const id of applicationIds) {
    await attach(date, window, id);
    await act(date, window, id, { action: 'submit' });
  }
  await act(addDays(date, 1), window, applicationIds[0]!, { action: 'accept' });
}
