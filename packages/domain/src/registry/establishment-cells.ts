import { checkUscc } from '../identifiers/uscc.js';
import type { EstablishmentKind } from './categories.js';
import type { Cell, CellIssue } from './cell.js';
import { resolveClinicalSubject, splitList } from './clinical-subjects.js';
import { classifyPhone, isMaskedMobile } from './establishment-fields.js';
import type { EstablishmentRowContext, ImportedPhone } from './establishment-row.js';
import { ESTABLISHMENT_TEMPLATE, type EstablishmentColumnKey } from './establishment-template.js';

/** Readers of the establishment template's cells: each returns the value or records its problems. */
export const HEADER = Object.fromEntries(
  ESTABLISHMENT_TEMPLATE.columns.map((c) => [c.key, c.header]),
) as Record<EstablishmentColumnKey, string>;

/** Control characters (line breaks inside a cell, NUL) become spaces. */
export function stripControls(v: string): string {
  let out = '';
  for (const ch of v) out += ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? ' ' : ch;
  return out;
}

export type Text = { ok: true; text: string } | { ok: false };

/** Reads a text column; numbers become text (Excel stores 370112 as a number), dates and errors are refused. */
export function readText(column: string, cell: Cell | undefined, issues: CellIssue[]): Text {
  if (!cell || cell.type === 'empty') return { ok: true, text: '' };
  switch (cell.type) {
    case 'text':
      return { ok: true, text: stripControls(cell.value).trim() };
    case 'number':
      return { ok: true, text: Number.isInteger(cell.value) ? cell.value.toFixed(0) : String(cell.value) };
    case 'date':
      issues.push({
        column,
        code: 'unexpected_date',
        messageZh: `“${column}”应为文本，但单元格是日期（${cell.value}）；请将该列设为文本格式后重新填写`,
        messageEn: `"${column}" must be text but the cell holds a date (${cell.value})`,
      });
      return { ok: false };
    case 'boolean':
      issues.push({
        column,
        code: 'unexpected_boolean',
        messageZh: `“${column}”应为文本，但单元格是逻辑值（${cell.value ? 'TRUE' : 'FALSE'}）`,
        messageEn: `"${column}" must be text but the cell holds a boolean`,
      });
      return { ok: false };
    case 'error':
      issues.push({
        column,
        code: 'cell_error',
        messageZh: `“${column}”单元格是公式错误值 ${cell.value}，请填写实际内容`,
        messageEn: `"${column}" holds the error value ${cell.value}`,
      });
      return { ok: false };
  }
}

export function issue(
  issues: CellIssue[],
  key: EstablishmentColumnKey,
  code: string,
  zh: string,
  en: string,
): void {
  issues.push({ column: HEADER[key], code, messageZh: zh, messageEn: en });
}

export function required(issues: CellIssue[], key: EstablishmentColumnKey, t: Text): string | undefined {
  if (!t.ok) return undefined;
  if (t.text === '') {
    issue(issues, key, 'required', `“${HEADER[key]}”不能为空`, `"${HEADER[key]}" is required`);
    return undefined;
  }
  return t.text;
}

export function maxLength(
  issues: CellIssue[],
  key: EstablishmentColumnKey,
  v: string | undefined,
  max: number,
) {
  if (v !== undefined && [...v].length > max) {
    issue(
      issues,
      key,
      'too_long',
      `“${HEADER[key]}”不能超过 ${max} 字`,
      `"${HEADER[key]}" exceeds ${max} characters`,
    );
    return undefined;
  }
  return v;
}

export function readUscc(cell: Cell | undefined, ctx: EstablishmentRowContext, issues: CellIssue[]) {
  if (cell?.type === 'number' && !Number.isSafeInteger(cell.value)) {
    issue(
      issues,
      'uscc',
      'uscc_stored_as_number',
      '统一社会信用代码被 Excel 存成了数字，末几位已丢失；请将该列设为“文本”格式后重新录入',
      'The code was stored as a number by Excel and lost its last digits; format the column as text and re-enter it',
    );
    return undefined;
  }
  const raw = required(issues, 'uscc', readText(HEADER.uscc, cell, issues));
  if (raw === undefined) return undefined;
  const check = checkUscc(raw);
  if (check.valid) return { uscc: check.normalized, failed: false };
  const formatError = check.errors.some((e) => e.code === 'uscc_format' || e.code === 'uscc_division_code');
  if (!formatError && ctx.usccAccepted(check.normalized)) return { uscc: check.normalized, failed: true };
  const first = check.errors[0]!;
  issue(
    issues,
    'uscc',
    first.code,
    formatError
      ? `${first.messageZh}（${raw}）`
      : `${first.messageZh}（${check.normalized}）；如该代码确系登记机关核发，可由有权限的人员说明理由后确认`,
    `${first.messageEn} (${check.normalized})`,
  );
  return undefined;
}

export function readRegion(cell: Cell | undefined, ctx: EstablishmentRowContext, issues: CellIssue[]) {
  const code = required(issues, 'regionCode', readText(HEADER.regionCode, cell, issues));
  if (code === undefined) return undefined;
  if (!/^\d{6}(\d{3})?$/.test(code)) {
    issue(
      issues,
      'regionCode',
      'region_format',
      `行政区划代码应为 6 位（县级）或 9 位（乡镇、街道）数字：${code}`,
      `A region code has 6 (county) or 9 (town) digits: ${code}`,
    );
    return undefined;
  }
  const r = ctx.region(code);
  if (!r) {
    issue(
      issues,
      'regionCode',
      'unknown_region',
      `行政区划代码 ${code} 不存在`,
      `Region code ${code} does not exist`,
    );
    return undefined;
  }
  if (r.retired) {
    const next = r.replacedBy.length ? `，请改用 ${r.replacedBy.join('、')}` : '';
    issue(
      issues,
      'regionCode',
      'region_retired',
      `行政区划代码 ${code} 已停用${next}`,
      `Region code ${code} is no longer in use`,
    );
    return undefined;
  }
  if (r.level !== 'county' && r.level !== 'town') {
    issue(
      issues,
      'regionCode',
      'region_level',
      `行政区划代码 ${code} 不是县级或乡镇（街道）级代码`,
      `Region code ${code} is not a county or town code`,
    );
    return undefined;
  }
  if (!r.inScope) {
    issue(
      issues,
      'regionCode',
      'region_out_of_scope',
      `行政区划 ${code} 不在您的管辖范围内`,
      `Region ${code} is outside your area`,
    );
    return undefined;
  }
  return code;
}

export function readPhone(cell: Cell | undefined, issues: CellIssue[]): ImportedPhone | null | undefined {
  const t = readText(HEADER.contactPhone, cell, issues);
  if (!t.ok) return undefined;
  if (t.text === '') return null;
  if (isMaskedMobile(t.text)) return { kind: 'masked', masked: t.text.trim() };
  const phone = classifyPhone(t.text);
  if (!phone) {
    issue(
      issues,
      'contactPhone',
      'phone_format',
      `联系电话格式不正确：${t.text}（应为 11 位手机号、带区号的固定电话或 400/800 号码）`,
      `Not a phone number: ${t.text}`,
    );
    return undefined;
  }
  return phone;
}

export function readBeds(cell: Cell | undefined, issues: CellIssue[]): number | null | undefined {
  if (!cell || cell.type === 'empty') return null;
  if (cell.type === 'date') {
    issue(
      issues,
      'beds',
      'date_in_number_column',
      `床位数应为整数，但单元格是日期（${cell.value}）；请将该列设为“常规”或“数值”格式后重新填写`,
      `Beds must be a whole number but the cell holds a date (${cell.value})`,
    );
    return undefined;
  }
  let n: number;
  if (cell.type === 'number') n = cell.value;
  else if (cell.type === 'text' && /^\s*-?\d+(\.\d+)?\s*$/.test(cell.value)) n = Number(cell.value);
  else {
    const shown = cell.type === 'text' || cell.type === 'error' ? cell.value : String(cell.value);
    issue(
      issues,
      'beds',
      'not_a_number',
      `床位数应为不小于 0 的整数：${shown}`,
      `Beds must be a whole number ≥ 0: ${shown}`,
    );
    return undefined;
  }
  if (n < 0) {
    issue(issues, 'beds', 'negative_beds', `床位数不能为负数：${n}`, `Beds cannot be negative: ${n}`);
    return undefined;
  }
  if (!Number.isInteger(n) || n > 100_000) {
    issue(
      issues,
      'beds',
      'not_a_whole_number',
      `床位数应为 0–100000 的整数：${n}`,
      `Beds must be a whole number from 0 to 100000: ${n}`,
    );
    return undefined;
  }
  return n;
}

export function readSubjects(
  cell: Cell | undefined,
  kind: EstablishmentKind | undefined,
  issues: CellIssue[],
) {
  const t = readText(HEADER.clinicalSubjects, cell, issues);
  if (!t.ok) return undefined;
  const tokens = splitList(t.text);
  if (tokens.length && kind && kind !== 'medical') {
    issue(
      issues,
      'clinicalSubjects',
      'subjects_not_applicable',
      '只有医疗卫生机构填写诊疗科目',
      'Only medical institutions have clinical subjects',
    );
    return undefined;
  }
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const token of tokens) {
    const s = resolveClinicalSubject(token);
    if (s) {
      if (!codes.includes(s.code)) codes.push(s.code);
    } else unknown.push(token);
  }
  if (unknown.length) {
    issue(
      issues,
      'clinicalSubjects',
      'unknown_subject',
      `诊疗科目无法识别：${unknown.join('、')}（应为《医疗机构诊疗科目名录》的代码或一级科目名称）`,
      `Unknown clinical subject(s): ${unknown.join(', ')}`,
    );
    return undefined;
  }
  return codes.sort();
}
