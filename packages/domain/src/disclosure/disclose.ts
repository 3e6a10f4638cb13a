import { redactText } from '../enforcement/publication.js';
import { maskPersonName } from '../masking/mask.js';
import { DATASETS, type DatasetId, type DisplayFacts, type FieldRule } from './datasets.js';

/** A value the public may see: text, number, boolean or nothing. */
export type PublicValue = string | number | boolean | null;
export type PublicRecord = Record<string, PublicValue>;

export interface DiscloseOptions {
  /** Names of natural persons that may appear in free text (patients, witnesses, the party). */
  personNames?: readonly string[];
}

const NATURAL_PERSON = new Set(['person', '自然人']);

function treat(rule: FieldRule, value: unknown, record: Record<string, unknown>, names: readonly string[]) {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) value = value.join('、');
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  switch (rule.treatment) {
    case 'code':
      return text;
    case 'text':
      return redactText(text, names);
    case 'free_text':
      return redactText(text, names);
    case 'person_name':
      return maskPersonName(text);
    case 'party_name':
      return NATURAL_PERSON.has(String(record.partyKind ?? ''))
        ? maskPersonName(text)
        : redactText(text, names);
  }
}

/**
 * The one gate every public page, API answer and open-data file goes through: null when the record
 * is not on display today (not yet published, past its period, withdrawn), else only the declared
 * fields, each masked by its rule. Nothing undeclared passes.
 */
export function disclose(
  dataset: DatasetId,
  record: Record<string, unknown> & DisplayFacts,
  today: string,
  opts: DiscloseOptions = {},
): PublicRecord | null {
  const rule = DATASETS[dataset];
  if (!rule.onDisplay(record, today)) return null;
  const names = opts.personNames ?? [];
  const out: PublicRecord = {};
  for (const field of rule.fields) out[field.name] = treat(field, record[field.name], record, names);
  return out;
}

/**
 * The same gate for a response of another shape (a module's own public route): `fields` ties every
 * key of the item to a declared field of the data set, whose treatment masks it (arrays element by
 * element); `facts` adds what decides display. Null when not on display. Keys not listed do not
 * pass, and a key tied to an undeclared field is a programming error.
 */
export function discloseAs<T extends Record<string, unknown>>(
  dataset: DatasetId,
  item: T,
  today: string,
  fields: { readonly [K in keyof T]: string },
  facts: DisplayFacts = {},
  opts: DiscloseOptions = {},
): T | null {
  const rule = DATASETS[dataset];
  const record: Record<string, unknown> = { ...facts };
  for (const k in fields) record[fields[k]] = item[k];
  if (!rule.onDisplay(record, today)) return null;
  const names = opts.personNames ?? [];
  const out: Record<string, unknown> = {};
  for (const k in fields) {
    const fr = rule.fields.find((f) => f.name === fields[k]);
    if (!fr) throw new Error(`${dataset}.${fields[k]} is not a declared public field`);
    const v = item[k];
    out[k] = Array.isArray(v) ? v.map((x) => treat(fr, x, record, names)) : treat(fr, v, record, names);
  }
  return out as T;
}

/** Every record of a list that is on display today, masked. */
export function discloseAll(
  dataset: DatasetId,
  records: readonly (Record<string, unknown> & DisplayFacts)[],
  today: string,
  opts: DiscloseOptions = {},
): PublicRecord[] {
  const out: PublicRecord[] = [];
  for (const r of records) {
    const d = disclose(dataset, r, today, opts);
    if (d) out.push(d);
  }
  return out;
}

/** The data dictionary of one data set: fields, how each is treated, the period and the citations. */
export function dataDictionary(dataset: DatasetId) {
  const rule = DATASETS[dataset];
  return {
    id: rule.id,
    titleZh: rule.titleZh,
    titleEn: rule.titleEn,
    periodZh: rule.periodZh,
    periodEn: rule.periodEn,
    citations: rule.citations.map((c) => ({ zh: c.zh, en: c.en })),
    fields: rule.fields.map((fr) => ({
      name: fr.name,
      type: fr.type,
      treatment: fr.treatment,
      zh: fr.zh,
      en: fr.en,
    })),
  };
}

const csvCell = (v: PublicValue) => {
  if (v === null) return '';
  let s = String(v);
  // A leading = + - @ would run as a formula in a spreadsheet (CSV injection).
  if (/^[=+\-@]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The CSV header line of a data set, with the UTF-8 BOM spreadsheet programs need. */
export function csvHeader(dataset: DatasetId): string {
  return `\uFEFF${DATASETS[dataset].fields.map((fr) => fr.name).join(',')}\r\n`;
}

/** CSV lines of public records (no header), for writing a large file in parts. */
export function csvRows(dataset: DatasetId, rows: readonly PublicRecord[]): string {
  const fields = DATASETS[dataset].fields.map((fr) => fr.name);
  let out = '';
  for (const r of rows) out += `${fields.map((name) => csvCell(r[name] ?? null)).join(',')}\r\n`;
  return out;
}

/** CSV of public records in the dictionary's column order (RFC 4180, UTF-8 with BOM for spreadsheet programs). */
export function toCsv(dataset: DatasetId, rows: readonly PublicRecord[]): string {
  return csvHeader(dataset) + csvRows(dataset, rows);
}
