import { DomainError, type EnforcementRole } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../http/context.js';
import type { Actor } from '../identity/actor.js';
import { inUnitScope } from '../identity/scope.js';

/**
 * Enforcement scope (ARCHITECTURE.md, in the query). Complaints, leads, cases, re-inspections and
 * publications are department-owned records of a region: staff see those of their department in
 * their region subtree. A referral is seen by the sending and the receiving unit. Decided penalties
 * are shared read-only with every department of the region (GET /enforcement/penalties). Out of
 * scope is "not found".
 */
export function unitOwned(actor: Actor, alias: string): SQL {
  const a = sql.raw(alias);
  return inUnitScope(actor, sql`${a}.region_code`, sql`${a}.department_code`);
}

/** The roles an actor holds in enforcement workflows, from its permissions. */
export function enforcementRoles(actor: Actor): EnforcementRole[] {
  if (actor.kind !== 'staff') return [];
  const roles: EnforcementRole[] = [];
  if (actor.permissions.has('complaint.handle')) roles.push('handler');
  if (actor.permissions.has('enforcement.investigate')) roles.push('investigator');
  if (actor.permissions.has('enforcement.review')) roles.push('reviewer');
  if (actor.permissions.has('enforcement.approve')) roles.push('approver');
  return roles;
}

export const notFound = (what: { zh: string; en: string }, id: number | string) =>
  new DomainError('not_found', `${what.zh} ${id} 不存在`, `${what.en} ${id} does not exist`);

export const COMPLAINT = { zh: '投诉举报', en: 'Complaint' };
export const LEAD = { zh: '线索', en: 'Lead' };
export const CASE = { zh: '案件', en: 'Case' };
export const REFERRAL = { zh: '移送', en: 'Referral' };
export const PUBLICATION = { zh: '公示', en: 'Publication' };
export const REINSPECTION = { zh: '复查任务', en: 'Re-inspection' };
export const EVIDENCE = { zh: '证据', en: 'Evidence' };

/** 409 conflict when the record changed since the client read it. */
export function assertVersion(expected: number, current: number, what: { zh: string; en: string }): void {
  if (expected !== current) {
    throw new DomainError(
      'conflict',
      `该${what.zh}已被他人处理（当前版本 ${current}，您看到的是 ${expected}），请刷新后查看结果`,
      `This ${what.en.toLowerCase()} was changed by someone else (now version ${current}, you saw ${expected}); reload to see what happened`,
      { currentVersion: current, expectedVersion: expected },
    );
  }
}

/** Today's legal date in China (UTC+8); the clock is a parameter. */
export function legalToday(ctx: AppContext): string {
  return chinaDate(ctx.now());
}

export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export const iso = (v: Date | string): string => new Date(v).toISOString();
export const isoOrNull = (v: Date | string | null | undefined): string | null => (v == null ? null : iso(v));
/** numeric columns arrive as strings from both drivers. */
export const money = (v: string | number | null | undefined): number => (v == null ? 0 : Number(v));

export const refuse = (code: string, zh: string, en: string, details?: Record<string, unknown>): never => {
  throw new DomainError(code, zh, en, details);
};

/** A refusal tied to one field of the request. */
export const fieldRefusal = (
  code: string,
  path: string,
  zh: string,
  en: string,
  extra: Record<string, unknown> = {},
) => new DomainError(code, zh, en, { ...extra, errors: [{ path, code, messageZh: zh, messageEn: en }] });
