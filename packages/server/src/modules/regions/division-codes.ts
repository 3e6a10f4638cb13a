import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * GB/T 2260 division codes from the MCA-derived history file (data/regions/). One row per code: the
 * code's current name (or last name when retired), earlier names under the same code, and what
 * replaced a retired code. Retired codes are kept: older licences and records refer to them.
 */
export const DIVISIONS_FILE = fileURLToPath(
  new URL('../../../data/regions/gbt2260-history.csv', import.meta.url),
);

export interface Division {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
  retired: boolean;
  validFrom: number | null;
  validTo: number | null;
  replacedBy: string[];
  formerNames: { name: string; from: number | null; to: number | null }[];
}

const LEVELS: Record<string, Division['level']> = { 省级: 'province', 地级: 'city', 县级: 'county' };

interface Row {
  code: string;
  name: string;
  level: Division['level'];
  status: string;
  from: number | null;
  to: number | null;
  replacedBy: string[];
}

const year = (s: string | undefined) => (s && /^\d{4}$/.test(s) ? Number(s) : null);

function parseRows(text: string): Row[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const header = lines.shift();
  if (!header?.startsWith('代码,')) throw new Error(`unexpected division file header: ${header}`);
  return lines.map((line, i) => {
    const [code, , , name, levelZh, status, from, to, replaced] = line.split(',');
    const level = LEVELS[levelZh ?? ''];
    if (!code || !/^\d{6}$/.test(code) || !name || !level || !status) {
      throw new Error(`division file line ${i + 2} is malformed: ${line}`);
    }
    return {
      code,
      name,
      level,
      status,
      from: year(from),
      to: year(to),
      // "370923[1996]" = replaced by 370923 in 1996; keep the code only.
      replacedBy: (replaced ?? '')
        .split(';')
        .map((c) => c.replace(/\[.*\]$/, '').trim())
        .filter((c) => /^\d{6}$/.test(c) && c !== code),
    };
  });
}

export function parseDivisions(text: string): Division[] {
  const byCode = new Map<string, Row[]>();
  for (const row of parseRows(text)) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
  const codes = new Set(byCode.keys());
  const divisions: Division[] = [];
  for (const [code, rows] of byCode) {
    // The row in use wins; otherwise the most recent one.
    const sorted = [...rows].sort((a, b) => (b.from ?? 0) - (a.from ?? 0));
    const current = sorted.find((r) => r.status === '在用') ?? sorted[0]!;
    const retired = !rows.some((r) => r.status === '在用');
    let parentCode: string | null = null;
    if (current.level === 'city') parentCode = `${code.slice(0, 2)}0000`;
    if (current.level === 'county') {
      const city = `${code.slice(0, 4)}00`;
      parentCode = codes.has(city) ? city : `${code.slice(0, 2)}0000`;
    }
    divisions.push({
      code,
      name: current.name,
      level: current.level,
      parentCode: parentCode && codes.has(parentCode) ? parentCode : null,
      retired,
      validFrom:
        Math.min(...rows.map((r) => r.from ?? 9999)) === 9999
          ? null
          : Math.min(...rows.map((r) => r.from ?? 9999)),
      validTo: retired ? current.to : null,
      replacedBy: retired ? current.replacedBy : [],
      formerNames: rows
        .filter((r) => r !== current && r.name !== current.name)
        .map((r) => ({ name: r.name, from: r.from, to: r.to })),
    });
  }
  // Parents before children, so rows can be inserted in order with the foreign key in place.
  const rank = { province: 0, city: 1, county: 2 } as const;
  return divisions.sort((a, b) => rank[a.level] - rank[b.level] || a.code.localeCompare(b.code));
}

export function readDivisions(file = DIVISIONS_FILE): Division[] {
  return parseDivisions(fs.readFileSync(file, 'utf8'));
}
