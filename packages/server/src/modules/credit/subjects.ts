import type { CreditSubjectType } from '@weijian/domain';
import type { Executor } from '../../db/database.js';
import { practitionerFacts } from '../registry/practitioner-queries.js';
import { type SupervisionFacts, supervisionFactsOf } from '../registry/supervision-facts.js';
import type { SubjectRef } from './entries.js';

export interface Subject {
  type: CreditSubjectType;
  id: number;
}

export const keyOf = (s: Subject) => `${s.type}:${s.id}`;

export interface ResolvedSubject extends SubjectRef {
  /** The establishment (itself, or the practitioner's primary institution). */
  establishment: SupervisionFacts;
}

/**
 * Who the subjects are, through the registry's query functions: the establishment (or the
 * practitioner's primary institution) with its region, for scope. Unknown ids are absent.
 */
export async function resolveSubjects(
  db: Executor,
  subjects: readonly Subject[],
): Promise<Map<string, ResolvedSubject>> {
  const prIds = [...new Set(subjects.filter((s) => s.type === 'practitioner').map((s) => s.id))];
  const practitioners = new Map((await practitionerFacts(db, prIds)).map((p) => [Number(p.id), p]));
  const estIds = [
    ...subjects.filter((s) => s.type === 'establishment').map((s) => s.id),
    ...[...practitioners.values()].map((p) => Number(p.primaryEstablishmentId)),
  ];
  const establishments = await supervisionFactsOf(db, estIds);
  const out = new Map<string, ResolvedSubject>();
  for (const s of subjects) {
    if (s.type === 'establishment') {
      const e = establishments.get(s.id);
      if (e)
        out.set(keyOf(s), {
          type: s.type,
          id: s.id,
          establishmentId: e.id,
          regionCode: e.regionCode,
          name: e.name,
          establishment: e,
        });
    } else {
      const p = practitioners.get(s.id);
      const e = p ? establishments.get(Number(p.primaryEstablishmentId)) : undefined;
      if (p && e)
        out.set(keyOf(s), {
          type: s.type,
          id: s.id,
          establishmentId: e.id,
          regionCode: e.regionCode,
          name: p.name,
          establishment: e,
        });
    }
  }
  return out;
}

export async function resolveSubject(db: Executor, s: Subject): Promise<ResolvedSubject | undefined> {
  return (await resolveSubjects(db, [s])).get(keyOf(s));
}
