import {
  checkQualification,
  checkResidentId,
  DomainError,
  type FieldProblem,
  maskIdNumber,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import type { PractitionerInput } from './practitioner-schemas.js';
import { establishmentInScope } from './scope.js';

export function invalidPractitioner(problems: FieldProblem[]): DomainError {
  return new DomainError(
    'invalid_practitioner',
    '医务人员信息有误，请检查标出的字段。',
    'The practitioner has errors; check the listed fields.',
    {
      errors: problems,
    },
  );
}

/** The primary institution or a filing site: in the actor's scope, and a medical institution. */
export async function medicalEstablishmentInScope(
  tx: Executor,
  actor: Actor,
  id: number,
  path: string,
): Promise<{ problem: FieldProblem | null; kind: string | null }> {
  const e = await queryOne<{ kind: string; status: string }>(
    tx,
    sql`SELECT e.kind, e.status FROM establishment e WHERE e.id = ${id} AND ${establishmentInScope(actor)}`,
  );
  if (!e)
    return {
      problem: {
        path,
        code: 'unknown_establishment',
        messageZh: `机构 ${id} 不存在或不在您的管辖范围内`,
        messageEn: `Establishment ${id} not found`,
      },
      kind: null,
    };
  if (e.kind !== 'medical')
    return {
      problem: {
        path,
        code: 'not_medical',
        messageZh: '执业机构应为医疗卫生机构',
        messageEn: 'The institution must be a medical institution',
      },
      kind: e.kind,
    };
  return { problem: null, kind: e.kind };
}

export interface ResolvedIdentity {
  normalized: string;
  masked: string;
}

export function resolveIdNumber(
  idNumber: string,
  today: string,
): { value?: ResolvedIdentity; problem?: FieldProblem } {
  const check = checkResidentId(idNumber, { today });
  if (!check.valid) {
    const e = check.errors[0]!;
    return { problem: { path: 'idNumber', code: e.code, messageZh: e.messageZh, messageEn: e.messageEn } };
  }
  return { value: { normalized: check.normalized, masked: maskIdNumber(check.normalized) } };
}

/** Every rule on a practitioner's professional fields (the identity is checked by the caller). */
export async function checkPractitionerFields(
  tx: Executor,
  actor: Actor,
  input: Omit<PractitionerInput, 'idNumber'>,
): Promise<FieldProblem[]> {
  const problems = checkQualification({
    profession: input.profession,
    practiceCategory: input.practiceCategory,
    practiceScopes: input.practiceScopes,
    titleGrade: input.titleGrade,
  });
  const primary = await medicalEstablishmentInScope(
    tx,
    actor,
    input.primaryEstablishmentId,
    'primaryEstablishmentId',
  );
  if (primary.problem) problems.push(primary.problem);
  return problems;
}

export async function assertPersonNew(tx: Executor, hash: string): Promise<void> {
  const existing = await queryOne<{ id: number }>(
    tx,
    sql`SELECT id FROM practitioner WHERE id_number_hash = ${hash}`,
  );
  if (existing) {
    throw new DomainError(
      'conflict',
      '该身份证件号码已登记为医务人员',
      'A practitioner with this ID number is already registered',
      {
        reason: 'practitioner_exists',
      },
    );
  }
}
