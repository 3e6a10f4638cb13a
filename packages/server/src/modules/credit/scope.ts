import { DomainError } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../identity/actor.js';
import { inRegionScope, inUnitScope, ownEstablishment } from '../identity/scope.js';

/**
 * Credit scope (enforced in the query). Credit files, profiles, points, the blacklist, gradings and
 * monitoring batches are region-scoped like establishments and shared by every department of the
 * region; an institution user sees its own establishment's (and its practitioners'). Warnings are
 * department work: region subtree and the answering department. Out of scope is "not found".
 */
export function creditInScope(actor: Actor, alias: string): SQL {
  const a = sql.raw(alias);
  return sql`(${inRegionScope(actor, sql`${a}.region_code`)} OR ${ownEstablishment(actor, sql`${a}.establishment_id`)})`;
}

/** Staff only: the region subtree, never an institution's own view (e.g. warnings being checked). */
export function staffRegionScope(actor: Actor, alias: string): SQL {
  return inRegionScope(actor, sql`${sql.raw(alias)}.region_code`);
}

export function alertInScope(actor: Actor, alias = 'a'): SQL {
  const a = sql.raw(alias);
  return inUnitScope(actor, sql`${a}.region_code`, sql`${a}.department_code`);
}

const NAMES = {
  establishment: ['监管对象', 'Establishment'],
  practitioner: ['医务人员', 'Practitioner'],
  demerit: ['记分记录', 'Demerit record'],
  override: ['人工调整', 'Override'],
  blacklist: ['黑名单记录', 'Blacklist entry'],
  repair: ['信用修复申请', 'Repair application'],
  proposal: ['黑名单提议', 'Blacklist proposal'],
  alert: ['预警', 'Warning'],
  grading: ['量化分级', 'Grading'],
} as const;

export function creditNotFound(what: keyof typeof NAMES, id: number | string): DomainError {
  const [zh, en] = NAMES[what];
  return new DomainError('not_found', `${zh} ${id} 不存在`, `${en} ${id} not found`);
}

/** The day in China (UTC+8) of an instant: the legal day deadlines and windows count from. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export const iso = (v: Date | string | null): string | null =>
  v === null ? null : new Date(v).toISOString();
export const dateText = (v: Date | string | null): string | null =>
  v === null ? null : typeof v === 'string' ? v.slice(0, 10) : chinaDay(v);
