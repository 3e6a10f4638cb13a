import { type ArrangementDay, checkArrangement, DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Database, queryOne } from '../../db/database.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';

export interface ArrangementInput {
  year: number;
  docNo: string;
  sourceUrl?: string | undefined;
  publishedOn?: string | undefined;
  days: ArrangementDay[];
}

/**
 * An administrator enters (or corrects) the State Council's arrangement for a year the packaged
 * calendar lacks. It stays a draft, with no effect on deadlines, until a second person activates it.
 */
export async function enterArrangement(
  database: Database,
  actor: Actor,
  input: ArrangementInput,
  at: Date,
): Promise<void> {
  const problems = checkArrangement(input.year, input.days);
  if (problems.length > 0) {
    throw new DomainError(
      'invalid_arrangement',
      '放假安排未通过校验。',
      'The holiday arrangement did not pass validation.',
      { errors: problems },
    );
  }
  await database.db.transaction(async (tx) => {
    const existing = await queryOne<{ status: string }>(
      tx,
      sql`SELECT status FROM holiday_arrangement WHERE year = ${input.year} FOR UPDATE`,
    );
    if (existing?.status === 'active') {
      throw new DomainError(
        'arrangement_active',
        `${input.year} 年的放假安排已生效，不能再修改。`,
        `The arrangement for ${input.year} is already active and can no longer be changed.`,
      );
    }
    await tx.execute(sql`DELETE FROM calendar_override WHERE year = ${input.year}`);
    await tx.execute(sql`
      INSERT INTO holiday_arrangement (year, doc_no, source_url, published_on, status, entered_by, approved_by, created_at)
      VALUES (${input.year}, ${input.docNo}, ${input.sourceUrl ?? null}, ${input.publishedOn ?? null}, 'draft', ${actor.userId}, NULL, ${at.toISOString()})
      ON CONFLICT (year) DO UPDATE SET doc_no = EXCLUDED.doc_no, source_url = EXCLUDED.source_url,
        published_on = EXCLUDED.published_on, entered_by = EXCLUDED.entered_by`);
    for (const d of input.days) {
      await tx.execute(sql`INSERT INTO calendar_override (date, kind, festival, year)
                           VALUES (${d.date}, ${d.kind}, ${d.festival ?? null}, ${input.year})`);
    }
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'calendar.arrangement.enter',
        entityType: 'holiday_arrangement',
        entityId: input.year,
        diff: { docNo: [null, input.docNo], days: [null, input.days.length] },
      },
      at,
    );
  });
}
