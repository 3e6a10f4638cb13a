import { drawRecordPublicFrom, QUALITY_GRADE_NAMES, type QualityGrade } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import { likeEscape, nameMatches, regionFilterPrefix } from '../registry/establishment-record.js';

/**
 * The raw material of publication, read-only, from the modules' tables (disclosure owns no records
 * of its own yet: it decides what of theirs is public). Each row is shaped with the field names of
 * its data set in @weijian/domain disclosure, plus the facts that decide whether it is on display;
 * nothing here is public until it has gone through `disclose`.
 */
export type Row = Record<string, unknown>;

const ESTABLISHMENT = sql`e.id, e.public_code AS "publicCode", e.name, e.uscc, e.kind, e.category_code AS "categoryCode",
  e.region_code AS "regionCode", e.address, e.legal_representative AS "legalRepresentative", e.status, e.level, e.beds,
  e.updated_at AS "updatedAt"`;

const withIso = (r: Row): Row => ({
  ...r,
  updatedAt: r.updatedAt ? new Date(r.updatedAt as string).toISOString() : null,
});

export async function establishmentByCode(db: Executor, publicCode: string): Promise<Row | undefined> {
  const r = await queryOne<Row>(
    db,
    sql`SELECT ${ESTABLISHMENT} FROM establishment e WHERE e.public_code = ${publicCode}`,
  );
  return r && withIso(r);
}

export interface SearchQuery {
  q?: string | undefined;
  code?: string | undefined;
  kind?: string | undefined;
  region?: string | undefined;
  page: number;
  pageSize: number;
}

/** Public search: by name (part of it), credit code or establishment code, kind and region. */
export async function searchEstablishmentRows(db: Executor, q: SearchQuery, cap: number) {
  const where: SQL[] = [sql`true`];
  if (q.q) where.push(nameMatches(sql.raw('e.name'), q.q));
  if (q.code) {
    const c = q.code.toUpperCase();
    where.push(sql`(e.public_code = ${c} OR e.uscc LIKE ${`${likeEscape(c)}%`})`);
  }
  if (q.kind) where.push(sql`e.kind = ${q.kind}`);
  if (q.region) where.push(sql`e.region_code LIKE ${`${regionFilterPrefix(q.region)}%`}`);
  const w = sql.join(where, sql` AND `);
  const rows = await queryRows<Row>(
    db,
    sql`SELECT ${ESTABLISHMENT} FROM establishment e WHERE ${w} ORDER BY e.name, e.id
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM establishment e WHERE ${w} LIMIT ${cap + 1}) s`,
  );
  return { rows: rows.map(withIso), total: Math.min(total?.n ?? 0, cap), capped: (total?.n ?? 0) > cap };
}

const LICENCE = sql`l.number, e.public_code AS "establishmentCode", l.establishment_name AS "establishmentName",
  l.permit_code AS "permitCode", l.license_name_zh AS "licenceName", l.unit_name AS "issuingUnit", l.status,
  l.issued_on::text AS "issuedOn", l.valid_from::text AS "validFrom", l.valid_to::text AS "validTo", l.scope_text AS scope,
  l.status_changed_on::text AS "statusChangedOn", l.status_decision_no AS "decisionNo", l.status_reason AS reason,
  l.updated_at AS "updatedAt", e.region_code AS "_region",
  (SELECT r.state FROM licensing_revalidation r WHERE r.license_id = l.id ORDER BY r.due_on DESC, r.id DESC LIMIT 1) AS "revalidationState",
  (SELECT r.due_on::text FROM licensing_revalidation r WHERE r.license_id = l.id ORDER BY r.due_on DESC, r.id DESC LIMIT 1) AS "revalidationDueOn"`;

/**
 * An establishment filter is a number, or (for the page's single statement, page-bundle.ts) the
 * outer query's id column as SQL.
 */
export type EstablishmentRef = number | SQL;

export function licenceQuery(filter: { establishmentId?: EstablishmentRef; revoked?: boolean }): SQL {
  const where: SQL[] = [sql`true`];
  if (filter.establishmentId !== undefined) where.push(sql`l.establishment_id = ${filter.establishmentId}`);
  if (filter.revoked) where.push(sql`l.status IN ('revoked', 'withdrawn')`);
  return sql`SELECT ${LICENCE} FROM licensing_license l JOIN establishment e ON e.id = l.establishment_id
        WHERE ${sql.join(where, sql` AND `)} ORDER BY l.issued_on DESC, l.id DESC`;
}

export async function licenceRows(db: Executor, filter: { establishmentId?: number; revoked?: boolean }) {
  return queryRows<Row>(db, licenceQuery(filter));
}

type CommitmentRow = Row & { conditionsJson: { conditions?: { textZh: string }[] } | null };

export function commitmentQuery(establishmentId?: EstablishmentRef): SQL {
  return sql`SELECT a.number AS "applicationNumber", e.public_code AS "establishmentCode", a.establishment_name AS "establishmentName",
          p.name_zh AS "permitName", l.number AS "licenceNumber", a.decided_on::text AS "decidedOn", a.commitment AS "conditionsJson",
          e.region_code AS "_region",
          (SELECT t.state FROM licensing_task t WHERE t.application_id = a.id ORDER BY t.id DESC LIMIT 1) AS "taskState"
        FROM licensing_application a JOIN permit_type_version p ON p.code = a.permit_code AND p.version = a.permit_version
          JOIN establishment e ON e.id = a.establishment_id LEFT JOIN licensing_license l ON l.id = a.license_id
        WHERE a.mode = 'commitment' AND a.state = 'granted' AND a.purpose = 'new'
          ${establishmentId === undefined ? sql`` : sql`AND a.establishment_id = ${establishmentId}`}
        ORDER BY a.decided_on DESC, a.id DESC`;
}

export async function commitmentRows(db: Executor, establishmentId?: number) {
  return mapCommitments(await queryRows<CommitmentRow>(db, commitmentQuery(establishmentId)));
}

export function mapCommitments(rows: CommitmentRow[]) {
  return rows.map(({ conditionsJson, taskState, ...r }) => ({
    ...r,
    conditions: (conditionsJson?.conditions ?? []).map((c) => c.textZh),
    verification:
      taskState === 'rectifying' || taskState === 'conforming'
        ? taskState
        : taskState === 'failed'
          ? 'false'
          : 'pending',
  }));
}

interface InspectionPublication {
  campaignNo: string;
  campaignTitle: string;
  establishment: { name: string; code: string; address: string; legalRepresentative: string | null };
  inspectedOn: string;
  departments: string[];
  outcome: string;
  outcomeName: string;
  items: { what: string; result: string }[];
  rectification: { deadline: string; status: string } | null;
  officers: { certificateNo: string; name: string }[];
  publishedOn: string;
}

type InspectionRow = {
  publication: InspectionPublication | string;
  public_code: string;
  region_code: string;
};

export function inspectionQuery(filter: { establishmentId?: EstablishmentRef; campaignNo?: string }): SQL {
  const where: SQL[] = [sql`i.published_at IS NOT NULL`];
  if (filter.establishmentId !== undefined) where.push(sql`i.establishment_id = ${filter.establishmentId}`);
  if (filter.campaignNo) where.push(sql`c.campaign_no = ${filter.campaignNo}`);
  return sql`SELECT i.publication, e.public_code, e.region_code FROM inspection i JOIN campaign c ON c.id = i.campaign_id
          JOIN establishment e ON e.id = i.establishment_id
        WHERE ${sql.join(where, sql` AND `)} ORDER BY i.published_at DESC, i.id DESC`;
}

export async function inspectionResultRows(
  db: Executor,
  filter: { establishmentId?: number; campaignNo?: string },
) {
  return mapInspections(await queryRows<InspectionRow>(db, inspectionQuery(filter)));
}

export function mapInspections(rows: InspectionRow[]) {
  return rows.map((r) => {
    const p = (
      typeof r.publication === 'string' ? JSON.parse(r.publication) : r.publication
    ) as InspectionPublication;
    return {
      campaignNo: p.campaignNo,
      campaignTitle: p.campaignTitle,
      establishmentCode: r.public_code,
      establishmentName: p.establishment.name,
      address: p.establishment.address,
      legalRepresentative: p.establishment.legalRepresentative,
      inspectedOn: p.inspectedOn,
      departments: p.departments,
      outcome: p.outcome,
      outcomeName: p.outcomeName,
      findings: p.items.filter((i) => i.result === 'non_compliant').map((i) => i.what),
      rectification: p.rectification ? `${p.rectification.status}（期限 ${p.rectification.deadline}）` : null,
      officers: p.officers.map((o) => `${o.name}（${o.certificateNo}）`),
      publishedOn: p.publishedOn,
      _region: r.region_code,
    };
  });
}

interface PenaltyContent {
  party: { name: string; kindZh: string; creditCode: string | null; legalRepresentative: string | null };
  decisionNo: string;
  violationType: string;
  facts: string;
  basis: string;
  penaltyContent: string;
  fineAmountWan: number;
  confiscationAmountWan: number;
  authority: string;
}

/** Penalty publications with their display facts; `personNames` are the natural persons to mask in the text. */
type PenaltyRow = {
  content: PenaltyContent | string;
  party_kind: string;
  party_name: string;
  public_code: string | null;
  severity: string;
  status: string;
  decided_on: string;
  published_on: string | null;
  max_until: string | null;
  withdrawn_on: string | null;
  region_code: string;
};

export function penaltyQuery(filter: { establishmentId?: EstablishmentRef }): SQL {
  return sql`SELECT p.content, c.party_kind, c.party_name, e.public_code, p.severity, p.status, p.decided_on::text AS decided_on,
          p.published_on::text AS published_on, p.max_until::text AS max_until, p.withdrawn_on::text AS withdrawn_on,
          coalesce(e.region_code, c.region_code) AS region_code
        FROM penalty_publication p JOIN enforcement_case c ON c.id = p.case_id LEFT JOIN establishment e ON e.id = c.establishment_id
        WHERE p.status IN ('published', 'withdrawn')
          ${filter.establishmentId === undefined ? sql`` : sql`AND c.establishment_id = ${filter.establishmentId}`}
        ORDER BY p.decided_on DESC, p.id DESC`;
}

export async function penaltyRows(db: Executor, filter: { establishmentId?: number }) {
  return mapPenalties(await queryRows<PenaltyRow>(db, penaltyQuery(filter)));
}

export function mapPenalties(rows: PenaltyRow[]) {
  return rows.map((r) => {
    const c = (typeof r.content === 'string' ? JSON.parse(r.content) : r.content) as PenaltyContent;
    return {
      record: {
        decisionNo: c.decisionNo,
        partyKind: r.party_kind,
        partyName: r.party_kind === 'person' ? r.party_name : c.party.name,
        creditCode: c.party.creditCode,
        legalRepresentative: c.party.legalRepresentative,
        establishmentCode: r.public_code,
        violationType: c.violationType,
        facts: c.facts,
        basis: c.basis,
        penaltyContent: c.penaltyContent,
        fineAmountWan: c.fineAmountWan,
        confiscationAmountWan: c.confiscationAmountWan,
        authority: c.authority,
        severity: r.severity,
        decidedOn: r.decided_on,
        publishedOn: r.published_on,
        displayUntil: r.max_until,
        withdrawnOn: r.withdrawn_on,
        status: r.status,
        _region: r.region_code,
      },
      personNames: r.party_kind === 'person' ? [r.party_name] : [],
    };
  });
}

const withGradeName = (r: Row): Row => ({
  ...r,
  gradeName: r.grade ? (QUALITY_GRADE_NAMES[r.grade as QualityGrade]?.zh ?? null) : null,
});

export function creditQuery(establishmentId: EstablishmentRef): SQL {
  return sql`SELECT p.public_code AS "establishmentCode", p.name, p.grade,
          (SELECT g.assessed_on::text FROM credit_grading g WHERE g.establishment_id = p.subject_id ORDER BY g.assessed_on DESC, g.id DESC LIMIT 1) AS "assessedOn",
          p.demerit_points AS "demeritPoints", p.demerit_cycle_start::text AS "cycleStart", p.demerit_cycle_end::text AS "cycleEnd",
          p.mode AS "supervisionMode"
        FROM credit_profile p WHERE p.subject_type = 'establishment' AND p.subject_id = ${establishmentId}`;
}

export async function creditRow(db: Executor, establishmentId: number): Promise<Row | undefined> {
  const r = await queryOne<Row>(db, creditQuery(establishmentId));
  return r && withGradeName(r);
}

export { withGradeName };

export function blacklistQuery(establishmentId?: EstablishmentRef): SQL {
  return sql`SELECT e.public_code AS "establishmentCode", b.name, b.reason, b.entered_on::text AS "enteredOn", b.ends_on::text AS "endsOn",
          (b.status = 'listed') AS listed, ('publish' = ANY(b.flags)) AS marked, b.region_code AS "_region"
        FROM credit_blacklist b LEFT JOIN establishment e ON e.id = b.establishment_id AND b.subject_type = 'establishment'
        WHERE b.subject_type = 'establishment'
          ${establishmentId === undefined ? sql`` : sql`AND b.subject_id = ${establishmentId}`}
        ORDER BY b.entered_on DESC, b.id DESC`;
}

export async function blacklistRows(db: Executor, establishmentId?: number) {
  return queryRows<Row>(db, blacklistQuery(establishmentId));
}

export async function campaignRows(db: Executor) {
  const rows = await queryRows<Row>(
    db,
    sql`SELECT c.campaign_no AS "campaignNo", c.title, c.description, c.status, c.departments, c.kinds, c.region_codes AS "regionCodes",
          c.period_start::text AS "periodStart", c.period_end::text AS "periodEnd", c.commitment, d.draw_hash AS "drawHash",
          c.published_at::text AS "publishedOn", c.region_codes AS "_regions"
        FROM campaign c LEFT JOIN campaign_draw d ON d.campaign_id = c.id
        WHERE c.published_at IS NOT NULL ORDER BY c.published_at DESC, c.id DESC`,
  );
  for (const r of rows) r.recordPublicFrom = drawRecordPublicFrom(String(r.periodEnd));
  return rows;
}
