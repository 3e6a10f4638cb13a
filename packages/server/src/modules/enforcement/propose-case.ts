import { assertEnoughOfficers, MIN_CASE_OFFICERS } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { GENESIS_HASH } from '../audit/chain.js';
import type { Actor } from '../identity/actor.js';
import { establishmentFacts } from '../registry/queries.js';
import { fieldRefusal } from './access.js';
import type { LeadRow } from './lead-record.js';
import { assignOfficer, rosterOfficer } from './officers.js';
import { appendRecord } from './record-chain.js';
import { nextRegisterNumber } from './sequences.js';

/**
 * 立案申请: officers propose to open a case from a lead, naming the party and at least two certified
 * officers (§42); the head of the unit approves the opening (§54), which starts the 90-day limit.
 */
export interface ProposeCaseInput {
  summary: string;
  officerIds: number[];
  partyKind?: 'organisation' | 'individual_business' | 'person' | undefined;
  partyName?: string | undefined;
  partyCreditCode?: string | undefined;
  partyRepresentative?: string | undefined;
  partyAddress?: string | undefined;
  partyIdNumber?: string | undefined;
  partyIsMinor?: boolean | undefined;
  practitionerId?: number | undefined;
  flaggedComplex?: boolean | undefined;
}

export async function proposeCaseIn(
  tx: Executor,
  ctx: AppContext,
  actor: Actor,
  lead: LeadRow,
  input: ProposeCaseInput,
  today: string,
  at: Date,
): Promise<{ id: number; number: string }> {
  const officerIds = [...new Set(input.officerIds)];
  assertEnoughOfficers(officerIds.length);
  const officers = [];
  for (const [i, id] of officerIds.entries()) {
    officers.push(await rosterOfficer(tx, actor, id, lead.establishment_id, `officerIds[${i}]`));
  }
  if (officers.length < MIN_CASE_OFFICERS) assertEnoughOfficers(officers.length);
  const facts =
    lead.establishment_id !== null ? await establishmentFacts(tx, lead.establishment_id) : undefined;
  const partyName = input.partyName?.trim() || facts?.name;
  if (!partyName) {
    throw fieldRefusal('party_required', 'partyName', '请填写当事人', 'Name the party');
  }
  const partyKind = input.partyKind ?? (facts ? 'organisation' : 'person');
  const unit = await queryOne<{ name: string }>(tx, sql`SELECT name FROM unit WHERE id = ${lead.unit_id}`);
  const number = await nextRegisterNumber(tx, 'case', lead.region_code, today);
  const row = await queryOne<{ id: number }>(
    tx,
    sql`INSERT INTO enforcement_case (number, lead_id, establishment_id, practitioner_id, party_kind, party_name, party_credit_code,
          party_representative, party_address, party_id_number_enc, party_is_minor, region_code, department_code, unit_id, unit_name,
          summary, state, flagged_complex, proposed_on, record_head, record_length, created_at, created_by, updated_at)
        VALUES (${number}, ${lead.id}, ${lead.establishment_id}, ${input.practitionerId ?? lead.practitioner_id}, ${partyKind}, ${partyName},
          ${input.partyCreditCode ?? (partyKind === 'person' ? null : (facts?.uscc ?? null))},
          ${input.partyRepresentative ?? (partyKind === 'person' ? null : (facts?.legalRepresentative ?? null))},
          ${input.partyAddress ?? facts?.address ?? ''},
          ${input.partyIdNumber ? ctx.secrets.encrypt(input.partyIdNumber.trim().toUpperCase()) : null}, ${input.partyIsMinor === true},
          ${lead.region_code}, ${lead.department_code}, ${lead.unit_id}, ${unit!.name}, ${input.summary}, 'proposed',
          ${input.flaggedComplex === true}, ${today}, ${GENESIS_HASH}, 0, ${at.toISOString()}, ${actor.userId}, ${at.toISOString()})
        RETURNING id`,
  );
  const id = Number(row!.id);
  for (const o of officers) await assignOfficer(tx, id, o, today);
  await appendRecord(tx, id, {
    action: 'propose',
    fromState: null,
    toState: 'proposed',
    onDate: today,
    at,
    actor,
    role: 'investigator',
    details: {
      number,
      leadId: lead.id,
      leadNumber: lead.number,
      summary: input.summary,
      party: { kind: partyKind, name: partyName },
      officers: officers.map((o) => ({
        inspectorId: o.inspectorId,
        name: o.name,
        certificateNo: o.certificateNo,
      })),
      flaggedComplex: input.flaggedComplex === true,
    },
  });
  return { id, number };
}
