import type { Citation } from '../calendar/calendar.js';

/**
 * Uploaded materials are PDF, JPEG or PNG only, recognised by their first bytes (magic numbers), not
 * by the name or the type the client claims.
 */
export const MATERIAL_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];

export const MATERIAL_EXTENSIONS: Readonly<Record<MaterialType, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** The type of a file from its first bytes, or null when it is none of the accepted ones. */
export function sniffMaterialType(head: Uint8Array): MaterialType | null {
  if (startsWith(head, PDF)) return 'application/pdf';
  if (startsWith(head, PNG)) return 'image/png';
  if (startsWith(head, JPEG)) return 'image/jpeg';
  return null;
}

export const PAPERLESS_CITATION: Citation = {
  zh: '大卫健办发〔2020〕31号 三：压减材料和环节；附件9 二（一）：全面实施医疗机构电子化登记管理',
  en: 'Dalian 2020 No. 31 §3: fewer materials; annex 9 §2(1): electronic registration',
};
