import { once } from 'node:events';
import fs from 'node:fs';
import {
  derivedFlags,
  ESTABLISHMENT_TEMPLATE,
  OWNERSHIP_NAMES,
  PROFIT_NAMES,
  STATUS_NAMES,
} from '@weijian/domain';
import { DemoRandom } from '../packages/server/src/demo/random.js';
import {
  type DemoRegion,
  EstablishmentGenerator,
  type GeneratedEstablishment,
} from '../packages/server/src/demo/registry-demo-data.js';

/**
 * The scale generator: N synthetic establishments (the demo generator's kinds, names and valid
 * credit codes, over the given regions), written twice with the same rows —
 *  - `template.csv`: the import template's twelve columns, as a user would upload it;
 *  - `table.csv`: the `establishment` table's columns, for a plain COPY of the same rows.
 * Deterministic for a seed, streamed to disk (a million rows is about 150 MB per file).
 */
export const TABLE_COLUMNS = [
  'public_code',
  'name',
  'uscc',
  'kind',
  'category_code',
  'region_code',
  'address',
  'legal_representative',
  'contact_phone',
  'ownership',
  'for_profit',
  'beds',
  'clinical_subjects',
  'status',
  'flags',
  'version',
  'created_at',
  'updated_at',
] as const;

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

function templateLine(e: GeneratedEstablishment): string {
  return [
    e.name,
    e.uscc,
    e.categoryCode,
    e.regionCode,
    e.address,
    e.legalRepresentative,
    e.contactPhone,
    OWNERSHIP_NAMES[e.ownership],
    PROFIT_NAMES[e.forProfit ? 'true' : 'false'],
    e.beds === null ? '' : String(e.beds),
    e.clinicalSubjects.join(';'),
    STATUS_NAMES[e.status],
  ]
    .map(quote)
    .join(',');
}

function tableLine(e: GeneratedEstablishment, at: string): string {
  const flags = derivedFlags({
    categoryCode: e.categoryCode,
    clinicalSubjects: e.clinicalSubjects,
    uscc: e.uscc,
  });
  return [
    e.publicCode,
    e.name,
    e.uscc,
    e.kind,
    e.categoryCode,
    e.regionCode,
    e.address,
    e.legalRepresentative,
    e.contactPhone,
    e.ownership,
    String(e.forProfit),
    e.beds === null ? '' : String(e.beds),
    `{${e.clinicalSubjects.join(',')}}`,
    e.status,
    `{${flags.join(',')}}`,
    '1',
    at,
    at,
  ]
    .map(quote)
    .join(',');
}

async function write(stream: fs.WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

export async function generate(opts: {
  rows: number;
  regions: DemoRegion[];
  seed: number;
  templateFile: string;
  tableFile: string;
}): Promise<void> {
  const gen = new EstablishmentGenerator(new DemoRandom(opts.seed), opts.regions);
  const template = fs.createWriteStream(opts.templateFile);
  const table = fs.createWriteStream(opts.tableFile);
  await write(template, `\uFEFF${ESTABLISHMENT_TEMPLATE.columns.map((c) => c.header).join(',')}\r\n`);
  const at = new Date('2026-01-01T00:00:00Z').toISOString();
  let t = '';
  let b = '';
  for (let i = 0; i < opts.rows; i++) {
    const e = gen.next();
    t += `${templateLine(e)}\r\n`;
    b += `${tableLine(e, at)}\n`;
    if (t.length > 1 << 20) {
      await write(template, t);
      await write(table, b);
      t = '';
      b = '';
    }
  }
  await write(template, t);
  await write(table, b);
  template.end();
  table.end();
  await Promise.all([once(template, 'finish'), once(table, 'finish')]);
}
