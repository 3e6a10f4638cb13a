import { isIsoDate } from '@weijian/domain';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import type { InspectorInput } from './create-inspector.js';
import { searchInspectors } from './roster-queries.js';
import { type RowError, rowError, type SheetColumn, writeSheet } from './xlsx-sheet.js';

/** The roster as a sheet (执法人员名录 export and import); the unit is named as in the console. */
export const ROSTER_COLUMNS: SheetColumn[] = [
  { zh: '执法证号', en: 'Certificate No.', width: 18 },
  { zh: '姓名', en: 'Name', width: 10 },
  { zh: '所属单位', en: 'Unit', width: 30 },
  { zh: '执法证有效期至', en: 'Certificate valid until', width: 16 },
  { zh: '专业领域', en: 'Specialties', width: 24 },
  { zh: '可参与抽取', en: 'Available', width: 10 },
  { zh: '不可参与原因', en: 'Reason unavailable', width: 20 },
];
const [CERT, NAME, UNIT, VALID, SPECIALTIES, AVAILABLE, REASON] = ROSTER_COLUMNS as [
  SheetColumn,
  SheetColumn,
  SheetColumn,
  SheetColumn,
  SheetColumn,
  SheetColumn,
  SheetColumn,
];

/** Every officer in the actor's scope, in the import's columns. */
export async function rosterWorkbook(db: Executor, actor: Actor): Promise<Buffer> {
  const page = await searchInspectors(db, actor, { page: 1, pageSize: 20_000 });
  return writeSheet(
    '执法人员名录',
    ROSTER_COLUMNS,
    page.items.map((o) => [
      o.certificateNo,
      o.name,
      o.unit.name,
      o.certificateValidUntil ?? '',
      o.specialties.join(','),
      o.available ? '是' : '否',
      o.unavailableReason ?? '',
    ]),
  );
}

export type RosterRow = Omit<InspectorInput, 'unitId' | 'userId'> & { row: number; unitName: string };

const YES = new Set(['', '是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '0']);

/** One sheet row checked on its own (the unit and duplicates are checked against the database). */
export function rosterRow(row: number, cells: string[], errors: RowError[]): RosterRow | null {
  const [certificateNo = '', name = '', unitName = '', valid = '', spec = '', avail = '', reason = ''] =
    cells;
  const before = errors.length;
  if (!/^[\x21-\x7e]{1,100}$/.test(certificateNo))
    errors.push(
      rowError(
        row,
        CERT,
        '应为 1–100 位字母、数字或符号（不含空格）',
        'expected 1–100 printable characters, no spaces',
      ),
    );
  if (!name || name.length > 50)
    errors.push(rowError(row, NAME, '必填，不超过 50 字', 'required, at most 50 characters'));
  if (!unitName) errors.push(rowError(row, UNIT, '必填', 'required'));
  if (valid && !isIsoDate(valid))
    errors.push(rowError(row, VALID, '日期无效，应为 YYYY-MM-DD', 'invalid date, expected YYYY-MM-DD'));
  const specialties = spec ? spec.split(/[,，、;；\s]+/).filter(Boolean) : [];
  const badSpec = specialties.find((s) => !/^[a-z0-9_-]{1,40}$/.test(s));
  if (badSpec)
    errors.push(
      rowError(
        row,
        SPECIALTIES,
        `「${badSpec}」不是专业代码（小写字母、数字）`,
        `"${badSpec}" is not a specialty code (lower-case)`,
      ),
    );
  if (specialties.length > 20) errors.push(rowError(row, SPECIALTIES, '最多 20 项', 'at most 20'));
  const a = avail.toLowerCase();
  if (!YES.has(a) && !NO.has(a))
    errors.push(rowError(row, AVAILABLE, '应为「是」或「否」', 'expected 是 (yes) or 否 (no)'));
  if (reason.length > 200) errors.push(rowError(row, REASON, '不超过 200 字', 'at most 200 characters'));
  if (errors.length > before) return null;
  const available = YES.has(a);
  return {
    row,
    certificateNo,
    name,
    unitName,
    certificateValidUntil: valid || null,
    specialties,
    available,
    unavailableReason: available ? null : reason || null,
  };
}

export const rosterColumn = { CERT, UNIT };
