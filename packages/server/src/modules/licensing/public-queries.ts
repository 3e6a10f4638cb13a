import {
  currentHalfYearlyList,
  DomainError,
  HALF_YEARLY_LIST_CITATION,
  halfYearlyLists,
  NEW_APPLICATION_PUBLICITY_CITATION,
  REFORM_MODE_CITATIONS,
  TWO_IN_ONE_CITATION,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryRows } from '../../db/database.js';
import { establishmentFacts } from '../registry/queries.js';
import { permitTypesInForce } from './catalogue.js';
import type { approvedListSchema, publicCommitmentSchema, publicNoticeSchema } from './schemas/reports.js';

/**
 * What the portal publishes without sign-in: commitments (seed 000 三: 将企业承诺内容向社会公开),
 * the 两证合一 public notices and new assisted-reproduction applications (seed 004: within one
 * month), and the half-yearly approved lists (seed 004). Only establishments' public facts.
 */
export async function publishedCommitments(db: Executor): Promise<z.infer<typeof publicCommitmentSchema>> {
  const rows = await queryRows<{
    number: string;
    establishment_name: string;
    permit_name: string;
    license_number: string | null;
    decided_on: string;
    commitment: { conditions: { textZh: string }[] } | null;
    task_state: string | null;
  }>(
    db,
    sql`SELECT a.number, a.establishment_name, p.name_zh AS permit_name, l.number AS license_number, a.decided_on::text AS decided_on,
          a.commitment, (SELECT t.state FROM licensing_task t WHERE t.application_id = a.id ORDER BY t.id DESC LIMIT 1) AS task_state
        FROM licensing_application a JOIN permit_type_version p ON p.code = a.permit_code AND p.version = a.permit_version
          LEFT JOIN licensing_license l ON l.id = a.license_id
        WHERE a.mode = 'commitment' AND a.state = 'granted' AND a.purpose = 'new'
        ORDER BY a.decided_on DESC, a.id DESC LIMIT 200`,
  );
  const verification = (s: string | null) =>
    s === 'rectifying'
      ? 'rectifying'
      : s === 'conforming'
        ? 'conforming'
        : s === 'failed'
          ? 'false'
          : 'pending';
  return {
    items: rows.map((r) => ({
      applicationNumber: r.number,
      establishmentName: r.establishment_name,
      permitNameZh: r.permit_name,
      licenseNumber: r.license_number,
      decidedOn: r.decided_on,
      conditions: r.commitment?.conditions.map((c) => c.textZh) ?? [],
      verification: verification(r.task_state),
    })),
    citation: REFORM_MODE_CITATIONS.commitment,
  };
}

export async function publicNotices(
  db: Executor,
  today: string,
): Promise<z.infer<typeof publicNoticeSchema>> {
  const rows = await queryRows<{
    number: string;
    establishment_id: number;
    establishment_name: string;
    permit_name: string;
    received_on: string;
    public_notice_from: string | null;
    public_notice_until: string | null;
    disclose_by: string | null;
  }>(
    db,
    sql`SELECT a.number, a.establishment_id, a.establishment_name, p.name_zh AS permit_name, a.received_on::text AS received_on,
          a.public_notice_from::text AS public_notice_from, a.public_notice_until::text AS public_notice_until,
          a.disclose_by::text AS disclose_by
        FROM licensing_application a JOIN permit_type_version p ON p.code = a.permit_code AND p.version = a.permit_version
        WHERE a.number IS NOT NULL AND a.state NOT IN ('withdrawn', 'draft', 'signed')
          AND ((a.public_notice_from IS NOT NULL AND a.public_notice_from <= ${today} AND a.public_notice_until >= ${today})
            OR (a.disclose_by IS NOT NULL AND a.received_on >= ${`${Number(today.slice(0, 4)) - 1}${today.slice(4)}`}))
        ORDER BY a.received_on DESC, a.id DESC LIMIT 200`,
  );
  const items = [];
  for (const r of rows) {
    const facts = await establishmentFacts(db, r.establishment_id);
    const notice =
      r.public_notice_from !== null &&
      r.public_notice_from <= today &&
      (r.public_notice_until ?? '') >= today;
    items.push({
      kind: notice ? ('two_in_one_notice' as const) : ('new_application' as const),
      applicationNumber: r.number,
      establishmentName: r.establishment_name,
      address: facts?.address ?? null,
      permitNameZh: r.permit_name,
      receivedOn: r.received_on,
      from: notice ? r.public_notice_from : null,
      until: notice ? r.public_notice_until : null,
      publicBy: notice ? null : r.disclose_by,
    });
  }
  return { items, citations: [TWO_IN_ONE_CITATION, NEW_APPLICATION_PUBLICITY_CITATION] };
}

export async function approvedList(
  db: Executor,
  today: string,
  asOf?: string,
): Promise<z.infer<typeof approvedListSchema>> {
  const list = asOf
    ? halfYearlyLists(Number(asOf.slice(0, 4)) + (asOf.endsWith('-12-31') ? 1 : 0)).find(
        (l) => l.asOf === asOf,
      )
    : currentHalfYearlyList(today);
  if (!list) {
    throw new DomainError(
      'not_a_list_date',
      '名单的数据截止日为每年12月31日或6月30日',
      'Lists are as of 31 December or 30 June',
      {
        errors: [
          {
            path: 'asOf',
            code: 'not_a_list_date',
            messageZh: '应为 12-31 或 06-30',
            messageEn: 'Use 12-31 or 06-30',
          },
        ],
      },
    );
  }
  const codes = (await permitTypesInForce(db, list.asOf))
    .filter((v) => v.definition.publication?.halfYearlyList)
    .map((v) => v.code);
  const rows = codes.length
    ? await queryRows<{
        establishment_name: string;
        permit_code: string;
        license_name_zh: string;
        number: string;
        valid_from: string;
        valid_to: string | null;
      }>(
        db,
        sql`SELECT l.establishment_name, l.permit_code, l.license_name_zh, l.number, l.valid_from::text AS valid_from,
              l.valid_to::text AS valid_to
            FROM licensing_license l
            WHERE l.permit_code IN (${sql.join(
              codes.map((c) => sql`${c}`),
              sql`, `,
            )}) AND l.valid_from <= ${list.asOf}
              AND (l.valid_to IS NULL OR l.valid_to >= ${list.asOf})
              AND (l.status = 'valid' OR l.status_changed_on > ${list.asOf})
            ORDER BY l.permit_code, l.establishment_name`,
      )
    : [];
  return {
    asOf: list.asOf,
    publishBy: list.publishBy,
    schedule: halfYearlyLists(Number(today.slice(0, 4))),
    items: rows.map((r) => ({
      establishmentName: r.establishment_name,
      permitCode: r.permit_code,
      licenseNameZh: r.license_name_zh,
      licenseNumber: r.number,
      validFrom: r.valid_from,
      validTo: r.valid_to,
    })),
    citation: HALF_YEARLY_LIST_CITATION,
  };
}
