import { type EstablishmentKind, resolveCategory } from './categories.js';
import type { Cell, CellIssue } from './cell.js';
import {
  HEADER,
  issue,
  maxLength,
  readBeds,
  readPhone,
  readRegion,
  readSubjects,
  readText,
  readUscc,
  required,
} from './establishment-cells.js';
import {
  type ClassifiedPhone,
  type EstablishmentStatus,
  type Ownership,
  parseForProfit,
  parseOwnership,
  parseStatus,
} from './establishment-fields.js';
import type { EstablishmentColumnKey } from './establishment-template.js';

/** What a row validator needs to know about a region code (looked up by the caller). */
export interface RegionFacts {
  level: 'province' | 'city' | 'county' | 'town' | 'village';
  retired: boolean;
  replacedBy: readonly string[];
  /** Inside the importing user's region subtree. */
  inScope: boolean;
}

export interface EstablishmentRowContext {
  region(code: string): RegionFacts | undefined;
  /** A code that fails its check but was accepted, with a reason, by a user with the permission. */
  usccAccepted(code: string): boolean;
}

export type ImportedPhone = ClassifiedPhone | { kind: 'masked'; masked: string };

export interface EstablishmentRow {
  name: string;
  uscc: string;
  /** The code fails its check and was accepted (a warning shown on the record). */
  usccCheckFailed: boolean;
  categoryCode: string;
  kind: EstablishmentKind;
  regionCode: string;
  address: string;
  legalRepresentative: string | null;
  phone: ImportedPhone | null;
  ownership: Ownership | null;
  forProfit: boolean | null;
  beds: number | null;
  clinicalSubjects: string[];
  status: EstablishmentStatus;
}

export interface RowResult<T> {
  value: T | undefined;
  issues: CellIssue[];
}

/** Validates one data row of the establishment template. Every problem is reported, not just the first. */
export function validateEstablishmentRow(
  cells: Partial<Record<EstablishmentColumnKey, Cell>>,
  ctx: EstablishmentRowContext,
): RowResult<EstablishmentRow> {
  const issues: CellIssue[] = [];
  const name = maxLength(
    issues,
    'name',
    required(issues, 'name', readText(HEADER.name, cells.name, issues)),
    200,
  );
  const uscc = readUscc(cells.uscc, ctx, issues);
  const categoryText = required(issues, 'category', readText(HEADER.category, cells.category, issues));
  const category = categoryText === undefined ? undefined : resolveCategory(categoryText);
  if (categoryText !== undefined && !category) {
    issue(
      issues,
      'category',
      'unknown_category',
      `机构类别无法识别：${categoryText}（应为类别代码如 A100，或名称如 综合医院）`,
      `Unknown category: ${categoryText}`,
    );
  }
  const regionCode = readRegion(cells.regionCode, ctx, issues);
  const address = maxLength(
    issues,
    'address',
    required(issues, 'address', readText(HEADER.address, cells.address, issues)),
    300,
  );
  const rep = readText(HEADER.legalRepresentative, cells.legalRepresentative, issues);
  const legalRepresentative = maxLength(issues, 'legalRepresentative', rep.ok ? rep.text : undefined, 50);
  const phone = readPhone(cells.contactPhone, issues);
  const medical = category?.kind === 'medical';

  const own = readText(HEADER.ownership, cells.ownership, issues);
  let ownership: Ownership | null | undefined = null;
  if (own.ok && own.text !== '') {
    ownership = parseOwnership(own.text);
    if (!ownership)
      issue(
        issues,
        'ownership',
        'unknown_ownership',
        `举办主体应为“公立”或“社会办”：${own.text}`,
        `Ownership must be 公立 or 社会办: ${own.text}`,
      );
  } else if (own.ok && medical) {
    issue(
      issues,
      'ownership',
      'required',
      '医疗卫生机构须填写举办主体（公立 / 社会办）',
      'Medical institutions need an ownership',
    );
    ownership = undefined;
  }
  const profit = readText(HEADER.forProfit, cells.forProfit, issues);
  let forProfit: boolean | null | undefined = null;
  if (profit.ok && profit.text !== '') {
    forProfit = parseForProfit(profit.text);
    if (forProfit === undefined)
      issue(
        issues,
        'forProfit',
        'unknown_profit',
        `经营性质应为“营利性”或“非营利性”：${profit.text}`,
        `Must be 营利性 or 非营利性: ${profit.text}`,
      );
  } else if (profit.ok && medical) {
    issue(
      issues,
      'forProfit',
      'required',
      '医疗卫生机构须填写经营性质（营利性 / 非营利性）',
      'Medical institutions need a profit status',
    );
    forProfit = undefined;
  }
  const beds = readBeds(cells.beds, issues);
  const clinicalSubjects = readSubjects(cells.clinicalSubjects, category?.kind, issues);
  const statusText = required(issues, 'status', readText(HEADER.status, cells.status, issues));
  const status = statusText === undefined ? undefined : parseStatus(statusText);
  if (statusText !== undefined && !status) {
    issue(
      issues,
      'status',
      'unknown_status',
      `状态应为 筹建、执业、停业 或 注销：${statusText}`,
      `Status must be 筹建, 执业, 停业 or 注销: ${statusText}`,
    );
  }

  if (issues.length) return { value: undefined, issues };
  return {
    value: {
      name: name!,
      uscc: uscc!.uscc,
      usccCheckFailed: uscc!.failed,
      categoryCode: category!.code,
      kind: category!.kind,
      regionCode: regionCode!,
      address: address!,
      legalRepresentative: legalRepresentative || null,
      phone: phone ?? null,
      ownership: ownership ?? null,
      forProfit: forProfit ?? null,
      beds: beds ?? null,
      clinicalSubjects: clinicalSubjects ?? [],
      status: status!,
    },
    issues,
  };
}
