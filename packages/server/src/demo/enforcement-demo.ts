import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../db/database.js';
import type { AppContext } from '../http/context.js';
import { SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import { chinaDate } from '../modules/enforcement/access.js';
import { actOnCaseIn, type CaseActionInput } from '../modules/enforcement/act-on-case.js';
import { actOnComplaintIn, type ComplaintActionInput } from '../modules/enforcement/act-on-complaint.js';
import { insertLead } from '../modules/enforcement/leads.js';
import { publishPublicationIn } from '../modules/enforcement/publications.js';
import { actOnReferralIn, sendReferralIn } from '../modules/enforcement/referrals.js';
import { competentUnit } from '../modules/enforcement/routing.js';
import { type ComplaintInput, submitComplaintIn } from '../modules/enforcement/submit-complaint.js';
import { triageLeadIn } from '../modules/enforcement/triage-lead.js';
import { type Actor, auditActorOf, loadActor } from '../modules/identity/actor.js';
import type { SecretBox } from '../modules/identity/secret-box.js';
import { searchInspectors } from '../modules/inspection/roster-queries.js';
import { searchEstablishments } from '../modules/registry/queries.js';
import { DEMO_COUNTIES } from './organisation.js';

/**
 * The enforcement demo (issue 8), played through the module's own use cases inside the seed's
 * transaction, on a clock that moves through the last ten weeks, so every record, deadline, document
 * and hash chain is what the application itself would have written:
 *  - complaints: a hotline report of a clinic practising beyond its registration (joined later by a
 *    second reporter from the portal), a pricing complaint for market regulation, an insurance-fraud
 *    report answered as unfounded, and one about an unidentified "clinic" flagged for triage;
 *  - a case from that complaint, decided, served, paid, published and closed, with its re-inspection;
 *  - a case with a hearing right, its notice just served; a proposal awaiting the head's approval;
 *  - a lead referred to the police as a suspected crime, acknowledged.
 * Audit rows carry the request id "demo-seed". Needs the registry and the roster (inspection demo).
 */
const DAY = 86_400_000;
/** An action without the version (the demo reads the current one). */
type Step<T> = T extends unknown ? Omit<T, 'expectedVersion'> : never;

export async function seedEnforcementDemo(
  tx: Executor,
  opts: { now: Date; secrets: SecretBox },
): Promise<void> {
  // In a savepoint: should a rule refuse a step on some unusual date, the platform still starts, without this part.
  try {
    await tx.transaction((sp) => play(sp as unknown as Executor, opts));
  } catch (e) {
    process.stderr.write(`执法演示数据未能载入 The enforcement demo was skipped: ${(e as Error).message}\n`);
  }
}

async function play(tx: Executor, opts: { now: Date; secrets: SecretBox }): Promise<void> {
  let clock = opts.now;
  const daysAgo = (n: number) => {
    clock = new Date(opts.now.getTime() - n * DAY);
  };
  // The use cases need the clock and the secrets; the demo's steps touch neither configuration nor files.
  const ctx = { now: () => clock, secrets: opts.secrets } as unknown as AppContext;
  const user = async (username: string): Promise<Actor | null> => {
    const row = await queryOne<{ id: number }>(tx, sql`SELECT id FROM app_user WHERE username = ${username}`);
    return row
      ? ((await loadActor(tx, Number(row.id), { sessionId: null, ip: null, requestId: 'demo-seed' })) ?? null)
      : null;
  };
  const [officer1, officer2, leader, police, insurance] = await Promise.all(
    ['lc.inspector1', 'lc.inspector2', 'lc.sv.leader', 'lc.police', 'lc.insurance'].map((u) => user(u)),
  );
  if (!officer1 || !officer2 || !leader || !police || !insurance) return;
  const roster = await searchInspectors(tx, officer1, { page: 1, pageSize: 50 } as never);
  const officers = [officer1, officer2].map((a) => roster.items.find((o) => o.userId === a.userId)?.id);
  if (officers.some((o) => o === undefined)) return;
  const clinics = await searchEstablishments(tx, officer1, {
    kind: 'medical',
    region: DEMO_COUNTIES.licheng,
    page: 1,
    pageSize: 6,
    sort: 'name',
    order: 'asc',
  });
  if (clinics.items.length < 4) return;
  const [e1, e2, e3, e4] = clinics.items;

  const version = async (table: 'complaint' | 'enforcement_case' | 'enforcement_lead', id: number) =>
    (await queryOne<{ version: number }>(tx, sql`SELECT version FROM ${sql.raw(table)} WHERE id = ${id}`))!
      .version;
  const complaint = (actor: Actor | null, input: ComplaintInput) =>
    submitComplaintIn(
      tx,
      { ctx, actor, input },
      actor ? auditActorOf(actor) : { ...SYSTEM_ACTOR, name: 'portal', requestId: 'demo-seed' },
    );
  const onComplaint = async (actor: Actor, id: number, input: Step<ComplaintActionInput>) =>
    actOnComplaintIn(tx, ctx, actor, id, {
      ...input,
      expectedVersion: await version('complaint', id),
    } as ComplaintActionInput);
  const onCase = async (actor: Actor, id: number, input: Step<CaseActionInput>) =>
    actOnCaseIn(tx, ctx, actor, id, {
      ...input,
      expectedVersion: await version('enforcement_case', id),
    } as CaseActionInput);
  const openCase = async (actor: Actor, leadId: number, summary: string) =>
    (
      await triageLeadIn(tx, ctx, actor, leadId, {
        action: 'open_case',
        expectedVersion: await version('enforcement_lead', leadId),
        summary,
        officerIds: officers as number[],
      })
    ).caseId!;
  const manualLead = async (
    actor: Actor,
    establishment: { id: number; regionCode: string },
    summary: string,
  ) => {
    const unit = await competentUnit(tx, actor.unit!.departmentCode, establishment.regionCode);
    return (
      await insertLead(tx, {
        source: 'manual',
        sourceRef: `demo:${summary.slice(0, 20)}`,
        establishmentId: establishment.id,
        regionCode: establishment.regionCode,
        departmentCode: actor.unit!.departmentCode,
        unitId: unit.id,
        summary,
        receivedOn: new Date(clock.getTime() + 8 * 3600_000).toISOString().slice(0, 10),
        at: clock,
        createdBy: actor.userId,
      })
    ).id;
  };

  // 1. A hotline report, accepted; a second reporter joins from the portal; it becomes a case.
  daysAgo(70);
  const hotline = await complaint(officer1, {
    channel: 'hotline',
    anonymous: false,
    reporter: { name: '孙演示', phone: '13900000001' },
    categoryCode: 'illegal_practice',
    establishmentId: e1!.id,
    regionCode: e1!.regionCode,
    description: `12320转来：${e1!.name}在未登记医疗美容科的情况下开展注射美容项目。`,
  });
  daysAgo(69);
  await onComplaint(officer1, hotline.complaintId, { action: 'accept' });
  daysAgo(68);
  await complaint(null, {
    channel: 'portal',
    anonymous: true,
    categoryCode: 'illegal_practice',
    establishmentCode: e1!.publicCode,
    regionCode: e1!.regionCode,
    description: '该诊所给人打玻尿酸，没有美容科资质。',
  });
  daysAgo(66);
  const lead1 = (await queryOne<{ lead_id: number }>(
    tx,
    sql`SELECT lead_id FROM complaint WHERE id = ${hotline.complaintId}`,
  ))!.lead_id;
  const case1 = await openCase(officer1, Number(lead1), '超出登记的诊疗科目开展医疗美容项目');
  daysAgo(65);
  await onCase(leader, case1, { action: 'approve_opening', opinion: '同意立案调查。' });
  daysAgo(60);
  await onCase(officer1, case1, {
    action: 'record_violation',
    violationCode: 'beyond_registered_scope',
    circumstance: 'general',
    facts: `经查，${e1!.name}于近三个月内在未登记医疗美容科的情况下，为就诊者实施注射美容项目共计12人次，违法所得人民币8000元。`,
    illegalIncome: 8000,
  });
  daysAgo(55);
  await onCase(officer1, case1, {
    action: 'notify',
    kinds: ['warning', 'confiscation', 'fine'],
    fineAmount: 30_000,
    confiscationAmount: 8000,
  });
  daysAgo(54);
  await onCase(officer2, case1, {
    action: 'record_statement',
    text: '当事人表示已停止开展相关项目，请求从轻处罚。',
  });
  // The next steps follow the end of the statement period, which holidays (国庆) can push out.
  const statementDue = (await queryOne<{ d: string }>(
    tx,
    sql`SELECT statement_due AS d FROM enforcement_case WHERE id = ${case1}`,
  ))!.d;
  let after = 45;
  while (after > 15 && chinaDate(new Date(opts.now.getTime() - after * DAY)) <= statementDue) after--;
  daysAgo(after);
  await onCase(officer1, case1, {
    action: 'propose_decision',
    kinds: ['warning', 'confiscation', 'fine'],
    fineAmount: 30_000,
    confiscationAmount: 8000,
  });
  daysAgo(Math.min(44, after - 1));
  await onCase(leader, case1, { action: 'decide' });
  daysAgo(Math.min(43, after - 2));
  await onCase(officer1, case1, {
    action: 'serve',
    method: 'in_person',
    recipient: '当事人负责人',
    place: '本机关',
  });
  daysAgo(Math.min(42, after - 3));
  const publication = await queryOne<{ id: number }>(
    tx,
    sql`SELECT id FROM penalty_publication WHERE case_id = ${case1} AND status = 'pending'`,
  );
  if (publication) await publishPublicationIn(tx, ctx, leader, Number(publication.id));
  daysAgo(Math.min(35, after - 8));
  await onCase(officer1, case1, { action: 'record_payment', amount: 38_000, receiptNo: 'FS-DEMO-0001' });
  daysAgo(Math.min(30, after - 12));
  await onCase(leader, case1, { action: 'close', report: '罚没款已缴清，警告已执行，结案。' });
  daysAgo(Math.min(29, after - 13));
  await onComplaint(officer1, hotline.complaintId, {
    action: 'conclude',
    substantiated: true,
    conclusion: '经查属实，已立案处罚（警告、没收违法所得、罚款三万元）。',
    publicNote: '经调查，您反映的问题属实，已依法作出行政处罚。',
  });
  daysAgo(Math.min(28, after - 14));
  await onComplaint(officer1, hotline.complaintId, {
    action: 'reply',
    reply: '感谢您的监督，处理结果已在门户网站公示。',
  });

  // 2. Other complaints: pricing (market), insurance fraud found unfounded, and an unidentified "clinic".
  daysAgo(12);
  await complaint(null, {
    channel: 'portal',
    anonymous: true,
    categoryCode: 'pricing',
    establishmentCode: e3!.publicCode,
    regionCode: e3!.regionCode,
    description: '挂号费和检查费高于公示价格，收费单据与实际项目不符。',
  });
  const fraud = await complaint(null, {
    channel: 'portal',
    anonymous: false,
    reporter: { name: '周演示', phone: '13900000002' },
    establishmentName: e4!.name,
    regionCode: e4!.regionCode,
    description: '怀疑该机构用他人医保卡挂床住院骗保。',
  });
  daysAgo(11);
  await onComplaint(insurance, fraud.complaintId, { action: 'accept' });
  daysAgo(4);
  await onComplaint(insurance, fraud.complaintId, {
    action: 'conclude',
    substantiated: false,
    conclusion: '调取结算数据和住院记录核查，未发现挂床住院。',
    publicNote: '经核查，未发现您反映的骗保行为。',
  });
  daysAgo(3);
  await complaint(null, {
    channel: 'portal',
    anonymous: true,
    establishmentName: '菜市场旁边的无名诊室',
    regionCode: `${DEMO_COUNTIES.licheng}003`,
    description: '菜市场旁边有人无证行医，给老人输液，没有任何资质。',
  });

  // 3. A case with the right to a hearing, its notice just served.
  daysAgo(20);
  const lead2 = await manualLead(
    officer2,
    e2!,
    `日常巡查发现${e2!.name}使用未取得执业资格的人员从事护理工作。`,
  );
  daysAgo(19);
  const case2 = await openCase(officer2, lead2, '使用非卫生技术人员从事医疗卫生技术工作');
  daysAgo(18);
  await onCase(leader, case2, { action: 'approve_opening' });
  daysAgo(10);
  await onCase(officer2, case2, {
    action: 'record_violation',
    violationCode: 'non_technical_staff',
    circumstance: 'serious',
    facts: `经查，${e2!.name}安排2名未取得护士执业证书的人员从事静脉输液等护理工作，其中1名患者因操作不当出现不良反应。`,
  });
  daysAgo(2);
  await onCase(officer2, case2, {
    action: 'notify',
    kinds: ['fine', 'revocation'],
    fineAmount: 80_000,
    confiscationAmount: 0,
  });

  // 4. A proposal awaiting the head's approval, and a lead referred to the police.
  daysAgo(1);
  const lead3 = await manualLead(officer1, e3!, `${e3!.name}放射科未取得放射诊疗许可开展X线摄影。`);
  await openCase(officer1, lead3, '未取得放射诊疗许可从事放射诊疗工作');
  const lead4 = await manualLead(
    officer1,
    e4!,
    `${e4!.name}发生患者家属殴打医务人员事件，并有人冒充医生行医。`,
  );
  const referral = await sendReferralIn(tx, ctx, officer1, {
    leadId: lead4,
    toKind: 'department',
    toDepartmentCode: 'police',
    reason: '涉嫌伤害医务人员及非法行医犯罪，依法移送公安机关。',
    suspectedCrime: true,
    materials: '现场检查笔录1份、询问笔录2份、视频资料1份',
  });
  daysAgo(0);
  await actOnReferralIn(tx, ctx, police, referral, {
    action: 'acknowledge',
    expectedVersion: 1,
    receiptNo: '历公受〔演示〕1号',
  });
}
