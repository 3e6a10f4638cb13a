import { checkMultiSiteFiling, DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { iso } from './establishment-record.js';
import { invalidPractitioner, medicalEstablishmentInScope } from './practitioner-input.js';
import { loadPractitioner } from './practitioner-record.js';
import { writeVersion } from './versions.js';

/**
 * 多点执业备案: a doctor's filing to practise at another medical institution for a period, under an
 * agreement with the primary institution. Filing and ending one are versions of the practitioner.
 * The extra site must be within the recording user's area (a city-level user records cross-county filings).
 */
export async function fileMultiSite(opts: {
  ctx: AppContext;
  actor: Actor;
  practitionerId: number;
  input: {
    siteEstablishmentId: number;
    validFrom: string;
    validTo: string;
    agreementNo: string;
    agreementSignedOn: string | null;
  };
}): Promise<number> {
  const { ctx, actor, practitionerId, input } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const p = await loadPractitioner(tx, actor, practitionerId, { forUpdate: true });
    const site = await medicalEstablishmentInScope(
      tx,
      actor,
      input.siteEstablishmentId,
      'siteEstablishmentId',
    );
    const problems = checkMultiSiteFiling({
      profession: p.profession,
      primaryEstablishmentId: p.primary_establishment_id,
      siteEstablishmentId: input.siteEstablishmentId,
      siteKind: site.kind ?? 'medical',
      validFrom: input.validFrom,
      validTo: input.validTo,
    }).filter((x) => !(site.problem && x.path === 'siteEstablishmentId'));
    if (site.problem) problems.push(site.problem);
    if (problems.length) throw invalidPractitioner(problems);
    const overlap = await queryOne<{ id: number }>(
      tx,
      sql`SELECT id FROM multi_site_filing WHERE practitioner_id = ${practitionerId} AND site_establishment_id = ${input.siteEstablishmentId}
          AND status = 'active' AND valid_from <= ${input.validTo} AND valid_to >= ${input.validFrom}`,
    );
    if (overlap) {
      throw new DomainError(
        'conflict',
        '该医师在此机构已有重叠期间的多点执业备案',
        'An active filing at this site overlaps the period',
        {
          reason: 'filing_overlaps',
          filingId: overlap.id,
        },
      );
    }
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO multi_site_filing (practitioner_id, site_establishment_id, valid_from, valid_to, agreement_no, agreement_signed_on, filed_at, filed_by)
          VALUES (${practitionerId}, ${input.siteEstablishmentId}, ${input.validFrom}, ${input.validTo}, ${input.agreementNo},
            ${input.agreementSignedOn}, ${at.toISOString()}, ${actor.userId}) RETURNING id`,
    );
    const filing = {
      siteEstablishmentId: input.siteEstablishmentId,
      validFrom: input.validFrom,
      validTo: input.validTo,
      agreementNo: input.agreementNo,
    };
    const diff = { multiSiteFiling: [null, { id: row!.id, ...filing }] };
    const audit = auditActorOf(actor);
    const version = p.version + 1;
    await tx.execute(
      sql`UPDATE practitioner SET version = ${version}, updated_at = ${at.toISOString()}, updated_by = ${actor.userId} WHERE id = ${practitionerId}`,
    );
    await writeVersion(tx, 'practitioner', {
      id: practitionerId,
      version,
      action: 'multi_site_filed',
      diff,
      actor: audit,
      at,
    });
    await recordAudit(
      tx,
      audit,
      { action: 'registry.multi-site.file', entityType: 'multi_site_filing', entityId: row!.id, diff },
      at,
    );
    return row!.id;
  });
}

export async function endMultiSite(opts: {
  ctx: AppContext;
  actor: Actor;
  practitionerId: number;
  filingId: number;
  input: { endedOn: string; reason: string };
}): Promise<void> {
  const { ctx, actor, practitionerId, filingId, input } = opts;
  const at = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const p = await loadPractitioner(tx, actor, practitionerId, { forUpdate: true });
    const f = await queryOne<{ status: string; valid_from: string }>(
      tx,
      sql`SELECT status, valid_from::text AS valid_from FROM multi_site_filing WHERE id = ${filingId} AND practitioner_id = ${practitionerId}`,
    );
    if (!f)
      throw new DomainError(
        'not_found',
        `多点执业备案 ${filingId} 不存在`,
        `Filing ${filingId} does not exist`,
      );
    if (f.status !== 'active')
      throw new DomainError('invalid_transition', '该备案已终止', 'The filing has already ended', {
        allowed: [],
      });
    if (input.endedOn < f.valid_from) {
      throw invalidPractitioner([
        {
          path: 'endedOn',
          code: 'period_reversed',
          messageZh: '终止日期不能早于备案开始日期',
          messageEn: 'Ends before it starts',
        },
      ]);
    }
    await tx.execute(
      sql`UPDATE multi_site_filing SET status = 'ended', ended_on = ${input.endedOn}, end_reason = ${input.reason} WHERE id = ${filingId}`,
    );
    const diff = {
      multiSiteFiling: [
        { id: filingId, status: 'active' },
        { id: filingId, status: 'ended', endedOn: input.endedOn, reason: input.reason },
      ],
    };
    const audit = auditActorOf(actor);
    const version = p.version + 1;
    await tx.execute(
      sql`UPDATE practitioner SET version = ${version}, updated_at = ${at.toISOString()}, updated_by = ${actor.userId} WHERE id = ${practitionerId}`,
    );
    await writeVersion(tx, 'practitioner', {
      id: practitionerId,
      version,
      action: 'multi_site_ended',
      diff,
      actor: audit,
      at,
    });
    await recordAudit(
      tx,
      audit,
      { action: 'registry.multi-site.end', entityType: 'multi_site_filing', entityId: filingId, diff },
      at,
    );
  });
}

export async function filingsOf(db: Executor, practitionerId: number) {
  const rows = await queryRows<{
    id: number;
    site_id: number;
    site_name: string;
    site_region: string;
    valid_from: string;
    valid_to: string;
    agreement_no: string;
    agreement_signed_on: string | null;
    status: 'active' | 'ended';
    ended_on: string | null;
    end_reason: string | null;
    filed_at: Date | string;
  }>(
    db,
    sql`SELECT f.id, s.id AS site_id, s.name AS site_name, s.region_code AS site_region, f.valid_from, f.valid_to, f.agreement_no,
          f.agreement_signed_on, f.status, f.ended_on, f.end_reason, f.filed_at
        FROM multi_site_filing f JOIN establishment s ON s.id = f.site_establishment_id
        WHERE f.practitioner_id = ${practitionerId} ORDER BY f.valid_from DESC, f.id DESC`,
  );
  return rows.map((r) => ({
    id: r.id,
    site: { id: r.site_id, name: r.site_name, regionCode: r.site_region },
    validFrom: r.valid_from,
    validTo: r.valid_to,
    agreementNo: r.agreement_no,
    agreementSignedOn: r.agreement_signed_on,
    status: r.status,
    endedOn: r.ended_on,
    endReason: r.end_reason,
    filedAt: iso(r.filed_at),
  }));
}
