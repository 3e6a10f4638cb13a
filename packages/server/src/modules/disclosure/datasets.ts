import {
  type DatasetId,
  type DiscloseOptions,
  disclose,
  type PublicRecord,
  SUPERVISION_MODE_NAMES,
  type SupervisionMode,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import { approvedList, publicNotices } from '../licensing/public-queries.js';
import {
  blacklistRows,
  campaignRows,
  commitmentRows,
  inspectionResultRows,
  licenceRows,
  penaltyRows,
  type Row,
  withGradeName,
} from './sources.js';

/** A disclosed record and the region codes it belongs to (for the per-county files). */
export interface RegionalRecord {
  record: PublicRecord;
  regions: string[];
}

const regionsOf = (r: Row): string[] =>
  Array.isArray(r._regions)
    ? (r._regions as string[])
    : typeof r._region === 'string'
      ? [r._region]
      : typeof r.regionCode === 'string'
        ? [r.regionCode]
        : [];

/** The gate, keeping each record's region beside it (the region itself is published only where declared). */
function gate(id: DatasetId, rows: readonly Row[], today: string, opts?: (r: Row) => DiscloseOptions) {
  const out: RegionalRecord[] = [];
  for (const r of rows) {
    const record = disclose(id, r, today, opts?.(r));
    if (record) out.push({ record, regions: regionsOf(r) });
  }
  return out;
}

/** Region of each licence number / application number, for lists that licensing gives without it. */
async function regionsBy(db: Executor, table: 'licence' | 'application'): Promise<Map<string, string>> {
  const rows = await queryRows<{ k: string; r: string }>(
    db,
    table === 'licence'
      ? sql`SELECT l.number AS k, e.region_code AS r FROM licensing_license l JOIN establishment e ON e.id = l.establishment_id`
      : sql`SELECT a.number AS k, e.region_code AS r FROM licensing_application a JOIN establishment e ON e.id = a.establishment_id
            WHERE a.number IS NOT NULL`,
  );
  return new Map(rows.map((x) => [x.k, x.r]));
}

/**
 * Every record of a public data set on display on `today`, masked, with its regions: the same gate
 * as the pages, so a penalty past its period or withdrawn is absent from the open data the moment
 * it leaves the page.
 */
export async function regionalRecords(db: Executor, id: DatasetId, today: string): Promise<RegionalRecord[]> {
  switch (id) {
    case 'establishments': {
      const rows = await queryRows<Row>(
        db,
        sql`SELECT public_code AS "publicCode", name, uscc, kind, category_code AS "categoryCode", region_code AS "regionCode",
              address, legal_representative AS "legalRepresentative", status, level, beds, updated_at AS "updatedAt"
            FROM establishment ORDER BY region_code, id`,
      );
      for (const r of rows) r.updatedAt = new Date(r.updatedAt as string).toISOString();
      return gate(id, rows, today);
    }
    case 'licences':
    case 'revoked_licences':
      return gate(id, await licenceRows(db, { revoked: id === 'revoked_licences' }), today);
    case 'commitments':
      return gate(id, await commitmentRows(db), today);
    case 'inspection_results':
      return gate(id, await inspectionResultRows(db, {}), today);
    case 'penalties': {
      const rows = await penaltyRows(db, {});
      const names = new Map(rows.map((p) => [p.record, p.personNames]));
      return gate(
        id,
        rows.map((p) => p.record),
        today,
        (r) => ({ personNames: names.get(r as never) ?? [] }),
      );
    }
    case 'credit': {
      const rows = await queryRows<Row>(
        db,
        sql`SELECT p.public_code AS "establishmentCode", p.name, p.grade, p.region_code AS "_region",
              (SELECT g.assessed_on::text FROM credit_grading g WHERE g.establishment_id = p.subject_id ORDER BY g.assessed_on DESC, g.id DESC LIMIT 1) AS "assessedOn",
              p.demerit_points AS "demeritPoints", p.demerit_cycle_start::text AS "cycleStart", p.demerit_cycle_end::text AS "cycleEnd"
            FROM credit_profile p WHERE p.subject_type = 'establishment' AND (p.grade IS NOT NULL OR p.demerit_points > 0)
            ORDER BY p.region_code, p.subject_id`,
      );
      return gate(id, rows.map(withGradeName), today);
    }
    case 'supervision_modes': {
      const rows = await queryRows<Row>(
        db,
        sql`SELECT p.public_code AS "establishmentCode", p.name, p.mode, p.region_code AS "_region"
            FROM credit_profile p WHERE p.subject_type = 'establishment' AND p.mode IS NOT NULL
            ORDER BY p.region_code, p.subject_id`,
      );
      for (const r of rows) {
        const names = SUPERVISION_MODE_NAMES[r.mode as SupervisionMode];
        r.modeName = names?.zh ?? null;
        r.modeNameEn = names?.en ?? null;
      }
      return gate(id, rows, today);
    }
    case 'blacklist':
      return gate(id, await blacklistRows(db), today);
    case 'campaigns':
      return gate(id, await campaignRows(db), today);
    case 'approved_institutions': {
      const list = await approvedList(db, today);
      const regions = await regionsBy(db, 'licence');
      return gate(
        id,
        list.items.map((i) => ({
          asOf: list.asOf,
          establishmentName: i.establishmentName,
          permitCode: i.permitCode,
          licenceName: i.licenseNameZh,
          number: i.licenseNumber,
          validFrom: i.validFrom,
          validTo: i.validTo,
          _region: regions.get(i.licenseNumber),
        })),
        today,
      );
    }
    case 'notices': {
      const list = await publicNotices(db, today);
      const regions = await regionsBy(db, 'application');
      return gate(
        id,
        list.items.map((i) => ({
          ...i,
          permitName: i.permitNameZh,
          _region: regions.get(i.applicationNumber),
        })),
        today,
      );
    }
  }
}

/** Every record of a public data set on display on `today`, masked (the public lists). */
export async function datasetRecords(db: Executor, id: DatasetId, today: string): Promise<PublicRecord[]> {
  return (await regionalRecords(db, id, today)).map((r) => r.record);
}
