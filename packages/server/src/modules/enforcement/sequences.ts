import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';

/**
 * Register numbers (complaints, leads, cases, referrals: per county and year) and document numbers
 * (per unit, kind and year, in the unit's scheme 〔year〕n号). The row lock serialises draws.
 */
async function next(tx: Executor, scope: string, owner: string, year: number): Promise<number> {
  const row = await queryOne<{ last_value: number }>(
    tx,
    sql`INSERT INTO enforcement_sequence (scope, owner, year, last_value) VALUES (${scope}, ${owner}, ${year}, 1)
        ON CONFLICT (scope, owner, year) DO UPDATE SET last_value = enforcement_sequence.last_value + 1
        RETURNING last_value`,
  );
  return row!.last_value;
}

const REGISTER_PREFIX = { complaint: 'TS', lead: 'XS', case: 'AJ', referral: 'YS' } as const;

/** e.g. TS370112-2026-000001. */
export async function nextRegisterNumber(
  tx: Executor,
  register: keyof typeof REGISTER_PREFIX,
  regionCode: string,
  onDate: string,
): Promise<string> {
  const county = regionCode.slice(0, 6);
  const year = Number(onDate.slice(0, 4));
  const n = await next(tx, register, county, year);
  return `${REGISTER_PREFIX[register]}${county}-${year}-${String(n).padStart(6, '0')}`;
}

export type DocumentKind = 'filing' | 'notice' | 'decision';
const DOCUMENT_WORD: Record<DocumentKind, string> = { filing: '立', notice: '罚告', decision: '罚决' };

/**
 * The unit's document-number scheme: an abbreviation of the unit (its region's name without the
 * level suffix and a department mark), the document word, the year in 〔〕 and the number:
 * 历城卫监罚决〔2026〕3号.
 */
export function unitAbbreviation(unitName: string, departmentCode: string): string {
  const region = unitName.match(/^(.+?(?:市|区|县|旗))/)?.[1] ?? unitName.slice(0, 3);
  const place = region.replace(/^.+?市(?=.+[区县旗]$)/, '').replace(/(市|区|县|旗)$/, '');
  const mark: Record<string, string> = {
    health: '卫健',
    supervision: '卫监',
    police: '公',
    approval: '审批',
    market: '市监',
    environment: '环',
    insurance: '医保',
  };
  return `${place}${mark[departmentCode] ?? ''}`;
}

export async function nextDocumentNumber(
  tx: Executor,
  kind: DocumentKind,
  unit: { id: number; name: string; departmentCode: string },
  onDate: string,
): Promise<string> {
  const year = Number(onDate.slice(0, 4));
  const n = await next(tx, `doc:${kind}`, String(unit.id), year);
  return `${unitAbbreviation(unit.name, unit.departmentCode)}${DOCUMENT_WORD[kind]}〔${year}〕${n}号`;
}
