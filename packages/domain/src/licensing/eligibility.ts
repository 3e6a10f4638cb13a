import type { Citation } from '../calendar/calendar.js';
import { DomainError } from '../errors.js';
import { categoryByCode, type EstablishmentKind, KIND_NAMES } from '../registry/categories.js';
import type { FieldProblem } from '../registry/practitioner-rules.js';
import type { PermitTypeDefinition } from './catalogue.js';
import { PERMIT_LEVEL_NAMES, type PermitLevel, SEED_000 } from './modes.js';

/** What an application needs to know about the establishment (read from the registry). */
export interface ApplicantEstablishment {
  kind: string;
  categoryCode: string;
  level: string | null;
  beds: number | null;
}

/** Refuses an abolished type (saying what to apply for instead) and a type the establishment cannot hold. */
export function assertMayApply(
  def: PermitTypeDefinition,
  establishment: ApplicantEstablishment,
  replacementName?: string,
): void {
  if (def.mode === 'abolished') {
    const instead = replacementName ?? def.replacedBy ?? '';
    throw new DomainError(
      'permit_abolished',
      `“${def.nameZh}”已取消审批，不再受理${instead ? `；请改为申请“${instead}”` : ''}`,
      `"${def.nameEn}" has been abolished and can no longer be applied for${instead ? `; apply for "${instead}" instead` : ''}`,
      { permitCode: def.code, replacedBy: def.replacedBy, citation: def.citation },
    );
  }
  const kind = establishment.kind as EstablishmentKind;
  const category = establishment.categoryCode;
  const kindOk = def.eligibleKinds.includes(kind);
  const prefixOk =
    def.eligibleCategoryPrefixes.length === 0 ||
    def.eligibleCategoryPrefixes.some((p) => category.startsWith(p));
  const excluded = def.excludedCategoryPrefixes.some((p) => category.startsWith(p));
  if (!kindOk || !prefixOk || excluded) {
    const categoryName = categoryByCode(category)?.nameZh ?? category;
    const kindName = KIND_NAMES[kind]?.zh ?? establishment.kind;
    throw new DomainError(
      'kind_not_eligible',
      `“${kindName}／${categoryName}”类机构不能申请“${def.nameZh}”（适用：${def.eligibleKinds.map((k) => KIND_NAMES[k].zh).join('、')}${def.eligibleCategoryPrefixes.length ? `，类别 ${def.eligibleCategoryPrefixes.join('、')}` : ''}${def.excludedCategoryPrefixes.length ? `，不含 ${def.excludedCategoryPrefixes.join('、')}` : ''}）`,
      `An establishment of kind ${establishment.kind} / category ${category} cannot hold "${def.nameEn}"`,
      {
        permitCode: def.code,
        kind: establishment.kind,
        categoryCode: category,
        eligibleKinds: def.eligibleKinds,
        eligibleCategoryPrefixes: def.eligibleCategoryPrefixes,
        excludedCategoryPrefixes: def.excludedCategoryPrefixes,
      },
    );
  }
}

const LEVEL_RANK: Record<PermitLevel, number> = { county: 1, city: 2, province: 3 };

/** A window staff member's unit must hold the type's approving level (not a lower or a higher one). */
export function assertUnitHoldsLevel(unitLevel: string, def: PermitTypeDefinition): void {
  if (unitLevel !== def.level) {
    const held = (PERMIT_LEVEL_NAMES as Record<string, { zh: string; en: string }>)[unitLevel];
    throw new DomainError(
      'level_not_held',
      `“${def.nameZh}”由${PERMIT_LEVEL_NAMES[def.level].zh}审批，本单位（${held?.zh ?? unitLevel}）不具有该审批权限`,
      `"${def.nameEn}" is approved at ${def.level} level; your unit (${unitLevel}) does not hold it`,
      {
        permitLevel: def.level,
        unitLevel,
        higher: LEVEL_RANK[def.level] > (LEVEL_RANK[unitLevel as PermitLevel] ?? 0),
      },
    );
  }
}

/* 两证合一 (seed 000 附件9 一（一）). */

export const FOREIGN_INVESTMENT = ['none', 'sino_foreign', 'hk_macao_taiwan'] as const;
export type ForeignInvestment = (typeof FOREIGN_INVESTMENT)[number];

export const TWO_IN_ONE_CITATION: Citation = {
  zh: `${SEED_000.zh} 附件9 一（一）：除三级医院、三级妇幼保健院、急救中心、急救站、临床检验中心、中外合资合作医疗机构、港澳台独资医疗机构外，设置审批和执业登记两个环节整合为一个环节`,
  en: `${SEED_000.en}, annex 9 §1(1): setting-up and registration are one step except for level-3 hospitals, level-3 maternal-child hospitals, emergency centres and stations, clinical laboratory centres, joint-venture and HK/Macao/Taiwan-owned institutions`,
};

export interface TwoInOneFacts {
  categoryCode: string;
  /** The hospital level applied for (三级 = level3). */
  level: string | null;
  foreignInvestment: ForeignInvestment;
}

/** Why 两证合一 does not apply (then a separate setting-up approval comes first), or null. */
export function twoInOneExclusion(f: TwoInOneFacts): { code: string; zh: string; en: string } | null {
  const c = f.categoryCode;
  if (f.foreignInvestment === 'sino_foreign')
    return { code: 'sino_foreign', zh: '中外合资合作医疗机构', en: 'joint-venture institution' };
  if (f.foreignInvestment === 'hk_macao_taiwan')
    return { code: 'hk_macao_taiwan', zh: '港澳台独资医疗机构', en: 'HK/Macao/Taiwan-owned institution' };
  if (c === 'G100' && f.level === 'level3')
    return { code: 'level3_mch', zh: '三级妇幼保健院', en: 'level-3 maternal-child hospital' };
  if (c.startsWith('A') && f.level === 'level3')
    return { code: 'level3_hospital', zh: '三级医院', en: 'level-3 hospital' };
  if (c === 'E100' || c === 'E200')
    return { code: 'emergency_centre', zh: '急救中心', en: 'emergency centre' };
  if (c === 'E300') return { code: 'emergency_station', zh: '急救站', en: 'emergency station' };
  if (c === 'P110')
    return { code: 'clinical_lab_centre', zh: '临床检验中心', en: 'clinical laboratory centre' };
  return null;
}

/* Clinic filing: the doctors (seed 000 附件1 二、三). */

export const CLINIC_DOCTOR_CITATION: Citation = {
  zh: `${SEED_000.zh} 附件1 二：在诊所（不含中医诊所）执业的医师要取得中级及以上职称资格；三：在医疗机构执业满5年，取得中级及以上职称资格的医师开办专科诊所`,
  en: `${SEED_000.en}, annex 1 §2: doctors of a clinic (except TCM) hold an intermediate title or above; §3: a specialty clinic’s doctor has practised 5 years in a medical institution`,
};

export const CLINIC_TYPES = ['general', 'specialty'] as const;
export type ClinicType = (typeof CLINIC_TYPES)[number];

const INTERMEDIATE_OR_ABOVE = new Set(['intermediate', 'associate_senior', 'senior']);
/** TCM clinics (中医诊所) are not bound by the title rule. */
const TCM_CLINIC_CATEGORIES = new Set(['D212']);

export interface ClinicDoctor {
  id: number;
  name: string;
  profession: string;
  status: string;
  titleGrade: string | null;
  /** Full years practised in a medical institution; null when unknown. */
  yearsOfPractice: number | null;
}

export function checkClinicDoctors(input: {
  categoryCode: string;
  clinicType: ClinicType;
  doctors: readonly ClinicDoctor[];
  missingIds: readonly number[];
}): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (input.missingIds.length) {
    out.push({
      path: 'form.doctorIds',
      code: 'doctor_not_registered',
      messageZh: `名录库中没有以下医务人员：${input.missingIds.join('、')}`,
      messageEn: `No practitioner with id ${input.missingIds.join(', ')} in the registry`,
    });
  }
  if (input.doctors.length === 0 && input.missingIds.length === 0) {
    out.push({
      path: 'form.doctorIds',
      code: 'doctor_required',
      messageZh: '诊所备案须列明在诊所执业的医师',
      messageEn: 'A clinic filing lists the doctors who practise there',
    });
  }
  const titleRule = !TCM_CLINIC_CATEGORIES.has(input.categoryCode);
  for (const d of input.doctors) {
    if (d.profession !== 'doctor' || d.status !== 'active') {
      out.push({
        path: 'form.doctorIds',
        code: 'not_an_active_doctor',
        messageZh: `${d.name} 不是在册执业医师`,
        messageEn: `${d.name} is not an active registered doctor`,
      });
      continue;
    }
    if (titleRule && !INTERMEDIATE_OR_ABOVE.has(d.titleGrade ?? '')) {
      out.push({
        path: 'form.doctorIds',
        code: 'title_below_intermediate',
        messageZh: `医师 ${d.name} 未取得中级及以上职称（在诊所执业的医师要取得中级及以上职称资格）`,
        messageEn: `Dr ${d.name} does not hold an intermediate title or above`,
      });
    }
  }
  if (input.clinicType === 'specialty') {
    const experienced = input.doctors.some(
      (d) =>
        d.profession === 'doctor' &&
        d.status === 'active' &&
        INTERMEDIATE_OR_ABOVE.has(d.titleGrade ?? '') &&
        (d.yearsOfPractice ?? 0) >= 5,
    );
    if (!experienced) {
      out.push({
        path: 'form.doctorIds',
        code: 'specialty_needs_five_years',
        messageZh: '开办专科诊所的医师须在医疗机构执业满5年并取得中级及以上职称',
        messageEn:
          'A specialty clinic needs a doctor with 5 years of practice in a medical institution and an intermediate title',
      });
    }
  }
  return out;
}

/** Full years between two dates (a practice start date and the filing date). */
export function fullYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = [Number(from.slice(0, 4)), Number(from.slice(5, 7)), Number(from.slice(8, 10))];
  const [ty, tm, td] = [Number(to.slice(0, 4)), Number(to.slice(5, 7)), Number(to.slice(8, 10))];
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return Math.max(0, years);
}
