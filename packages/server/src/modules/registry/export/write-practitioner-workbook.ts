import type { Writable } from 'node:stream';
import {
  PRACTICE_CATEGORIES,
  PRACTICE_SCOPES,
  PRACTITIONER_TEMPLATE,
  PROFESSION_NAMES,
  TITLE_NAMES,
} from '@weijian/domain';
import ExcelJS from 'exceljs';
import type { PractitionerRecord } from '../practitioner-record.js';
import { addDataSheet, addHelpSheet } from './write-workbook.js';

/** The practitioner workbook (template or export): ID numbers only masked, like every list. */
export type ExportedPractitioner = PractitionerRecord & { primary_uscc: string | null };

export function practitionerRow(r: ExportedPractitioner): (string | null)[] {
  const values: Record<string, string | null> = {
    name: r.name,
    idNumber: r.id_number_masked,
    profession: PROFESSION_NAMES[r.profession],
    qualificationCertNo: r.qualification_cert_no,
    practisingCertNo: r.practising_cert_no,
    practiceCategory: r.practice_category ? (PRACTICE_CATEGORIES[r.practice_category] ?? null) : null,
    practiceScopes: r.practice_scopes.join(';') || null,
    title: r.title_grade ? TITLE_NAMES[r.profession][r.title_grade] : null,
    primaryUscc: r.primary_uscc,
    status: r.status === 'active' ? '在岗' : '离岗',
  };
  return PRACTITIONER_TEMPLATE.columns.map((c) => values[c.key] ?? null);
}

export async function writePractitionerWorkbook(
  out: Writable,
  pages: AsyncIterable<ExportedPractitioner[]> | null,
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = '卫监 Weijian';
  const data = addDataSheet(
    wb,
    PRACTITIONER_TEMPLATE,
    new Set(['idNumber', 'qualificationCertNo', 'practisingCertNo', 'practiceScopes', 'primaryUscc']),
  );
  let n = 0;
  if (pages) {
    for await (const page of pages) {
      for (const r of page) {
        data.addRow(practitionerRow(r)).commit();
        n++;
      }
    }
  }
  data.commit();
  addHelpSheet(
    wb,
    PRACTITIONER_TEMPLATE,
    '第 1 行为表头，请勿修改；数据从第 2 行开始。按身份证件号码匹配已登记人员（脱敏号码按执业证书编号匹配）：已登记的更新并留存变更历史，未登记的新增。',
  );
  const scopes = wb.addWorksheet('执业范围代码');
  scopes.columns = [{ width: 8 }, { width: 40 }, { width: 12 }];
  scopes.addRow(['代码', '名称', '执业类别']).commit();
  for (const s of PRACTICE_SCOPES)
    scopes.addRow([s.code, s.nameZh, PRACTICE_CATEGORIES[s.category] ?? '任一']).commit();
  scopes.commit();
  await wb.commit();
  return n;
}
