import { checkResidentId } from '../identifiers/resident-id.js';
import { checkUscc } from '../identifiers/uscc.js';
import { maskIdNumber } from '../masking/mask.js';
import type { Cell, CellIssue } from './cell.js';
import { splitList } from './clinical-subjects.js';
import { readText } from './establishment-cells.js';
import type { RowResult } from './establishment-row.js';
import {
  PRACTICE_CATEGORIES,
  PRACTICE_SCOPES,
  PROFESSION_NAMES,
  PROFESSIONS,
  type Profession,
  TITLE_GRADES,
  TITLE_NAMES,
  type TitleGrade,
} from './practice-codes.js';
import { checkQualification } from './practitioner-rules.js';
import type { ImportTemplate } from './template.js';

/**
 * The practitioner import template: the same rules as establishments (first sheet, exact headers,
 * an explanation sheet). A practitioner is matched by ID number; an exported file shows ID numbers
 * masked, so a masked number is matched through the practising certificate number instead.
 */
export const PRACTITIONER_COLUMN_KEYS = [
  'name',
  'idNumber',
  'profession',
  'qualificationCertNo',
  'practisingCertNo',
  'practiceCategory',
  'practiceScopes',
  'title',
  'primaryUscc',
  'status',
] as const;
export type PractitionerColumnKey = (typeof PRACTITIONER_COLUMN_KEYS)[number];

const col = (
  key: PractitionerColumnKey,
  header: string,
  required: boolean,
  explainZh: string,
  allowedZh: string,
  example: string,
  width: number,
) => ({ key, header, required, explainZh, allowedZh, example, width });

export const PRACTITIONER_TEMPLATE: ImportTemplate<PractitionerColumnKey> = {
  sheetName: '医务人员',
  helpSheetName: '填写说明',
  columns: [
    col('name', '姓名', true, '医务人员姓名', '必填，不超过 50 字', '张三', 10),
    col(
      'idNumber',
      '身份证件号码',
      true,
      '居民身份证号码（GB 11643），加密保存；导出时脱敏显示，原样导回时按执业证书编号匹配',
      '必填；18 位（或旧版 15 位），须通过校验',
      '11010519491231002X',
      22,
    ),
    col(
      'profession',
      '人员类别',
      true,
      '医务人员类别',
      Object.values(PROFESSION_NAMES).join(' / '),
      '医师',
      8,
    ),
    col('qualificationCertNo', '资格证书编号', false, '资格证书编号', '选填', '', 20),
    col(
      'practisingCertNo',
      '执业证书编号',
      false,
      '执业证书编号',
      '选填；导入脱敏的身份证件号码时必填',
      '',
      20,
    ),
    col(
      'practiceCategory',
      '执业类别',
      false,
      '医师执业类别（卫医发〔2001〕169号）',
      `仅医师：${Object.entries(PRACTICE_CATEGORIES)
        .map(([c, n]) => `${c} ${n}`)
        .join('、')}`,
      '临床',
      10,
    ),
    col(
      'practiceScopes',
      '执业范围',
      false,
      '医师执业范围，多个用分号分隔',
      '仅医师：执业范围代码（如 11、21）或名称（如 内科专业）',
      '11;21',
      16,
    ),
    col(
      'title',
      '职称',
      false,
      '专业技术职称',
      '与人员类别对应，如 主任医师、主管护师、药师、技士',
      '主治医师',
      12,
    ),
    col(
      'primaryUscc',
      '主要执业机构统一社会信用代码',
      true,
      '主要执业机构（须已登记为医疗卫生机构）',
      '必填；18 位统一社会信用代码',
      '12370112MB0000000X',
      24,
    ),
    col('status', '状态', false, '是否在岗', '在岗 / 离岗（空白视为在岗）', '在岗', 8),
  ],
};

const HEADER = Object.fromEntries(PRACTITIONER_TEMPLATE.columns.map((c) => [c.key, c.header])) as Record<
  PractitionerColumnKey,
  string
>;

export type ImportedId =
  | { kind: 'full'; normalized: string; masked: string }
  | { kind: 'masked'; masked: string };

export interface PractitionerRow {
  name: string;
  idNumber: ImportedId;
  profession: Profession;
  qualificationCertNo: string | null;
  practisingCertNo: string | null;
  practiceCategory: string | null;
  practiceScopes: string[];
  titleGrade: TitleGrade | null;
  primaryUscc: string;
  status: 'active' | 'inactive';
}

const STATUS: Record<string, 'active' | 'inactive'> = {
  '': 'active',
  在岗: 'active',
  执业: 'active',
  离岗: 'inactive',
  注销: 'inactive',
};

export function validatePractitionerRow(
  cells: Partial<Record<PractitionerColumnKey, Cell>>,
  ctx: { today: string },
): RowResult<PractitionerRow> {
  const issues: CellIssue[] = [];
  const problem = (key: PractitionerColumnKey, code: string, messageZh: string, messageEn: string) =>
    issues.push({ column: HEADER[key], code, messageZh, messageEn });
  const text = (key: PractitionerColumnKey) => {
    const t = readText(HEADER[key], cells[key], issues);
    return t.ok ? t.text : undefined;
  };
  const need = (key: PractitionerColumnKey) => {
    const v = text(key);
    if (v === '') problem(key, 'required', `“${HEADER[key]}”不能为空`, `"${HEADER[key]}" is required`);
    return v || undefined;
  };

  const name = need('name');
  const rawId = need('idNumber');
  let idNumber: ImportedId | undefined;
  if (rawId && /^\d{6}\*{8}[\dXx]{4}$/.test(rawId))
    idNumber = { kind: 'masked', masked: rawId.toUpperCase() };
  else if (rawId) {
    const check = checkResidentId(rawId, { today: ctx.today });
    if (check.valid)
      idNumber = { kind: 'full', normalized: check.normalized, masked: maskIdNumber(check.normalized) };
    else problem('idNumber', check.errors[0]!.code, check.errors[0]!.messageZh, check.errors[0]!.messageEn);
  }
  const professionText = need('profession');
  const profession = PROFESSIONS.find((p) => PROFESSION_NAMES[p] === professionText || p === professionText);
  if (professionText && !profession)
    problem(
      'profession',
      'unknown_profession',
      `人员类别应为 医师、护士、药师 或 技师：${professionText}`,
      `Unknown profession: ${professionText}`,
    );
  const categoryText = text('practiceCategory') ?? '';
  const practiceCategory =
    categoryText === ''
      ? null
      : (Object.entries(PRACTICE_CATEGORIES).find(
          ([c, n]) => c === categoryText || n === categoryText,
        )?.[0] ?? undefined);
  if (practiceCategory === undefined)
    problem(
      'practiceCategory',
      'unknown_category',
      `执业类别无法识别：${categoryText}`,
      `Unknown practice category: ${categoryText}`,
    );
  const scopes: string[] = [];
  for (const token of splitList(text('practiceScopes') ?? '')) {
    const s = PRACTICE_SCOPES.find(
      (x) => x.code === token || x.nameZh === token || x.nameZh === `${token}专业`,
    );
    if (s) scopes.push(s.code);
    else
      problem(
        'practiceScopes',
        'unknown_scope',
        `执业范围无法识别：${token}`,
        `Unknown scope of practice: ${token}`,
      );
  }
  const titleText = text('title') ?? '';
  const titleGrade =
    titleText === '' || !profession
      ? null
      : (TITLE_GRADES.find((g) => TITLE_NAMES[profession][g] === titleText) ?? undefined);
  if (titleGrade === undefined)
    problem(
      'title',
      'unknown_title',
      `职称“${titleText}”与人员类别不符`,
      `Title ${titleText} does not fit the profession`,
    );
  const usccText = need('primaryUscc');
  const uscc = usccText ? checkUscc(usccText) : undefined;
  if (uscc?.errors.some((e) => e.code === 'uscc_format'))
    problem('primaryUscc', 'uscc_format', uscc.errors[0]!.messageZh, uscc.errors[0]!.messageEn);
  const statusText = text('status') ?? '';
  const status = STATUS[statusText];
  if (!status)
    problem(
      'status',
      'unknown_status',
      `状态应为 在岗 或 离岗：${statusText}`,
      `Status must be 在岗 or 离岗: ${statusText}`,
    );
  if (profession && practiceCategory !== undefined) {
    for (const p of checkQualification({
      profession,
      practiceCategory,
      practiceScopes: scopes,
      titleGrade: null,
    })) {
      const key: PractitionerColumnKey = p.path === 'practiceScopes' ? 'practiceScopes' : 'practiceCategory';
      problem(key, p.code, p.messageZh, p.messageEn);
    }
  }
  const qualificationCertNo = text('qualificationCertNo') || null;
  const practisingCertNo = text('practisingCertNo') || null;
  if (issues.length) return { value: undefined, issues };
  return {
    value: {
      name: name!,
      idNumber: idNumber!,
      profession: profession!,
      qualificationCertNo,
      practisingCertNo,
      practiceCategory: practiceCategory ?? null,
      practiceScopes: [...new Set(scopes)].sort(),
      titleGrade: titleGrade ?? null,
      primaryUscc: uscc!.normalized,
      status: status!,
    },
    issues,
  };
}
