import {
  CLINIC_DOCTOR_CITATION,
  checkClinicDoctors,
  DATA_LOOKUP_NAMES,
  type DataLookup,
  DomainError,
  type FieldProblem,
  fullYearsBetween,
  type PermitTypeDefinition,
  requiredMaterials,
  TWO_IN_ONE_CITATION,
  twoInOneExclusion,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import { validLicensesOf } from '../registry/license-holdings.js';
import { activeDoctorsOf, practitionerFacts } from '../registry/practitioner-queries.js';
import { establishmentFacts } from '../registry/queries.js';
import type { ApplicationRow } from './application-record.js';

/**
 * What is checked when an application is submitted: the materials still required are uploaded,
 * and each check the permit type declares passes — from the registry's data, not from paper
 * (seed 000: doctors' qualifications, the practice licence, no capital verification).
 */
const PRACTICE_LICENSES = ['medical_institution_practice', 'clinic_filing'];

/** Field errors travel as problem.errors; otherwise the details (citation, exclusion) do. */
function refuse(
  code: string,
  zh: string,
  en: string,
  errors: FieldProblem[] | null,
  extra: Record<string, unknown> = {},
): never {
  throw new DomainError(code, zh, en, errors ? { errors, ...extra } : extra);
}

export async function checkSubmission(
  tx: Executor,
  app: ApplicationRow,
  def: PermitTypeDefinition,
  today: string,
) {
  const uploaded = new Set(
    (
      await queryRows<{ material_code: string }>(
        tx,
        sql`SELECT DISTINCT material_code FROM licensing_material WHERE application_id = ${app.id}`,
      )
    ).map((r) => r.material_code),
  );
  const missing = requiredMaterials(def).filter((m) => !uploaded.has(m.code));
  if (missing.length) {
    refuse(
      'materials_missing',
      `申请材料不齐全，缺少：${missing.map((m) => m.nameZh).join('、')}`,
      `Materials missing: ${missing.map((m) => m.nameEn).join(', ')}`,
      missing.map((m) => ({
        path: `materials.${m.code}`,
        code: 'material_missing',
        messageZh: `请上传：${m.nameZh}`,
        messageEn: `Upload: ${m.nameEn}`,
      })),
    );
  }
  const facts = await establishmentFacts(tx, app.establishment_id);
  if (!facts) throw new DomainError('not_found', '监管对象不存在', 'The establishment does not exist');

  if (def.checks.includes('clinic_doctors')) {
    const ids = [...new Set(app.form.doctorIds ?? [])];
    const found = await practitionerFacts(tx, ids);
    const since = new Map((app.form.doctorPracticeSince ?? []).map((d) => [d.practitionerId, d.since]));
    const problems = checkClinicDoctors({
      categoryCode: facts.categoryCode,
      clinicType: app.form.clinicType ?? 'general',
      doctors: found.map((d) => ({
        id: d.id,
        name: d.name,
        profession: d.profession,
        status: d.status,
        titleGrade: d.titleGrade,
        yearsOfPractice: since.has(d.id) ? fullYearsBetween(since.get(d.id)!, today) : null,
      })),
      missingIds: ids.filter((id) => !found.some((d) => d.id === id)),
    });
    if (problems.length) {
      refuse(
        'clinic_doctors_not_qualified',
        '诊所备案的医师资质不符合要求（依名录库中的注册信息核对）',
        'The clinic’s doctors do not meet the requirements (checked against the registry)',
        problems,
        { citation: CLINIC_DOCTOR_CITATION },
      );
    }
  }

  if (def.checks.includes('practice_license_lookup')) {
    const licences = await validLicensesOf(tx, app.establishment_id, PRACTICE_LICENSES, today);
    if (licences.length === 0) {
      refuse(
        'practice_license_not_found',
        '名录库中未查到该机构有效的《医疗机构执业许可证》（不再要求提交复印件，由系统查询核实）',
        'No valid practice licence is on the establishment’s registry record (no copy is asked for; the system looks it up)',
        [
          {
            path: 'establishmentId',
            code: 'practice_license_not_found',
            messageZh: '无有效执业许可证',
            messageEn: 'No valid practice licence',
          },
        ],
      );
    }
    if (def.materials.some((m) => m.removed?.replacedBy === 'registry.practitioners')) {
      const doctors = await activeDoctorsOf(tx, app.establishment_id);
      if (doctors.length === 0) {
        refuse(
          'no_registered_doctors',
          '名录库中该机构没有在册执业医师（通过医师电子化注册信息核实）',
          'No active registered doctor at this establishment in the registry',
          [
            {
              path: 'establishmentId',
              code: 'no_registered_doctors',
              messageZh: '无在册医师',
              messageEn: 'No registered doctors',
            },
          ],
        );
      }
    }
  }

  if (def.checks.includes('two_in_one_exclusions') || def.checks.includes('setup_only_when_excluded')) {
    const exclusion = twoInOneExclusion({
      categoryCode: facts.categoryCode,
      level: app.form.plannedLevel ?? facts.level,
      foreignInvestment: app.form.foreignInvestment ?? 'none',
    });
    if (def.checks.includes('two_in_one_exclusions') && exclusion && app.purpose === 'new') {
      const setup = await validLicensesOf(tx, app.establishment_id, ['medical_institution_setup'], today);
      if (setup.length === 0) {
        refuse(
          'setup_approval_required',
          `${exclusion.zh}不适用两证合一，须先取得《设置医疗机构批准书》`,
          `A ${exclusion.en} is excluded from 两证合一: obtain the setting-up approval first`,
          null,
          { citation: TWO_IN_ONE_CITATION, exclusion: exclusion.code },
        );
      }
    }
    if (def.checks.includes('setup_only_when_excluded') && !exclusion) {
      refuse(
        'two_in_one_applies',
        '该机构适用两证合一，无需单独申请设置审批，请直接申请医疗机构执业登记',
        'This institution falls under 两证合一: apply for practice registration directly, without a separate setting-up approval',
        null,
        { citation: TWO_IN_ONE_CITATION, replacedBy: 'medical_institution_practice' },
      );
    }
  }
}

export interface DataLookupResult {
  materialCode: string;
  lookup: DataLookup;
  nameZh: string;
  nameEn: string;
  found: boolean;
  summary: string;
}

/** The data lookups that replace removed paper materials, as they stand today (shown to applicant and reviewer). */
export async function dataLookups(
  db: Executor,
  app: Pick<ApplicationRow, 'establishment_id'>,
  def: PermitTypeDefinition,
  today: string,
): Promise<DataLookupResult[]> {
  const out: DataLookupResult[] = [];
  const facts = await establishmentFacts(db, app.establishment_id);
  for (const m of def.materials) {
    const lookup = m.removed?.replacedBy;
    if (!lookup) continue;
    let found = false;
    let summary = '';
    if (lookup === 'registry.practice_license') {
      const l = await validLicensesOf(db, app.establishment_id, PRACTICE_LICENSES, today);
      found = l.length > 0;
      summary = found ? l.map((x) => `${x.licenseNameZh} ${x.number}`).join('；') : '未查到有效执业许可证';
    } else if (lookup === 'registry.practitioners') {
      const d = await activeDoctorsOf(db, app.establishment_id);
      found = d.length > 0;
      summary = `在册执业医师 ${d.length} 名`;
    } else if (lookup === 'market.business_license') {
      found = Boolean(facts?.uscc);
      summary = facts?.uscc ? `统一社会信用代码 ${facts.uscc}` : '名录库中无统一社会信用代码';
    } else {
      found = Boolean(facts);
      summary = facts ? `${facts.name}，${facts.address}` : '未查到';
    }
    out.push({
      materialCode: m.code,
      lookup,
      nameZh: DATA_LOOKUP_NAMES[lookup].zh,
      nameEn: DATA_LOOKUP_NAMES[lookup].en,
      found,
      summary,
    });
  }
  return out;
}
