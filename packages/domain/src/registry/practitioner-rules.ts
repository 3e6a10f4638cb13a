import { PRACTICE_CATEGORIES, type Profession, scopeFitsCategory, TITLE_GRADES } from './practice-codes.js';

/** A problem with one field of a request, in the shape problem+json carries (details.errors). */
export interface FieldProblem {
  path: string;
  code: string;
  messageZh: string;
  messageEn: string;
}

export interface PractitionerQualification {
  profession: Profession;
  practiceCategory: string | null;
  practiceScopes: readonly string[];
  titleGrade: string | null;
}

/**
 * 执业类别 and 执业范围 apply to doctors (医师); a doctor registers one category and one or more
 * scopes of it (卫医发〔2001〕169号). Nurses, pharmacists and technicians carry neither here.
 */
export function checkQualification(q: PractitionerQualification): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (q.profession === 'doctor') {
    if (!q.practiceCategory || !PRACTICE_CATEGORIES[q.practiceCategory]) {
      problems.push({
        path: 'practiceCategory',
        code: 'practice_category_required',
        messageZh: '医师须填写执业类别（1 临床、2 口腔、3 公共卫生、4 中医）',
        messageEn: 'A doctor needs a practice category (1 clinical, 2 dental, 3 public health, 4 TCM)',
      });
    } else if (q.practiceScopes.length === 0) {
      problems.push({
        path: 'practiceScopes',
        code: 'practice_scope_required',
        messageZh: '医师须填写至少一个执业范围',
        messageEn: 'A doctor needs at least one scope of practice',
      });
    } else {
      const bad = q.practiceScopes.filter((s) => !scopeFitsCategory(s, q.practiceCategory!));
      if (bad.length) {
        problems.push({
          path: 'practiceScopes',
          code: 'practice_scope_mismatch',
          messageZh: `执业范围 ${bad.join('、')} 不属于执业类别“${PRACTICE_CATEGORIES[q.practiceCategory]}”`,
          messageEn: `Scope(s) ${bad.join(', ')} do not belong to the practice category ${q.practiceCategory}`,
        });
      }
    }
  } else if (q.practiceCategory || q.practiceScopes.length) {
    problems.push({
      path: 'practiceCategory',
      code: 'practice_category_not_applicable',
      messageZh: '执业类别和执业范围只适用于医师',
      messageEn: 'Practice category and scope apply to doctors only',
    });
  }
  if (q.titleGrade !== null && !(TITLE_GRADES as readonly string[]).includes(q.titleGrade)) {
    problems.push({
      path: 'titleGrade',
      code: 'unknown_title',
      messageZh: `职称等级无效：${q.titleGrade}`,
      messageEn: `Unknown title grade: ${q.titleGrade}`,
    });
  }
  return problems;
}

export interface MultiSiteFilingInput {
  profession: Profession;
  primaryEstablishmentId: number;
  siteEstablishmentId: number;
  siteKind: string;
  validFrom: string;
  validTo: string;
}

/**
 * 多点执业备案: a doctor practises at an extra medical institution for a period, under an
 * agreement with the primary institution (seed 003; seed 001 三(四) 加强对医师多点执业机构备案的监管).
 */
export function checkMultiSiteFiling(f: MultiSiteFilingInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (f.profession !== 'doctor') {
    problems.push({
      path: 'practitionerId',
      code: 'multi_site_doctors_only',
      messageZh: '多点执业备案只适用于医师',
      messageEn: 'Multi-site practice filings are for doctors only',
    });
  }
  if (f.siteEstablishmentId === f.primaryEstablishmentId) {
    problems.push({
      path: 'siteEstablishmentId',
      code: 'multi_site_same_as_primary',
      messageZh: '多点执业机构不能是主要执业机构',
      messageEn: 'The extra site cannot be the primary institution',
    });
  }
  if (f.siteKind !== 'medical') {
    problems.push({
      path: 'siteEstablishmentId',
      code: 'multi_site_not_medical',
      messageZh: '多点执业机构应为医疗卫生机构',
      messageEn: 'The extra site must be a medical institution',
    });
  }
  if (f.validTo < f.validFrom) {
    problems.push({
      path: 'validTo',
      code: 'period_reversed',
      messageZh: '备案有效期的结束日期不能早于开始日期',
      messageEn: 'The period ends before it starts',
    });
  }
  return problems;
}
