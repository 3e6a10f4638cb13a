import { DomainError, type WorkflowRole } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../http/context.js';
import type { Actor } from '../identity/actor.js';
import { inUnitScope, ownEstablishment } from '../identity/scope.js';

/**
 * Who may do what in licensing, and scope. Applications, licences, tasks and revalidations belong
 * to a department's unit: staff see those of their department in their region subtree (the
 * competent unit's region); an institution user sees those of its own establishment; the first
 * accepting window of a joint application sees all its parts. Out of scope is "not found".
 */

/** The workflow roles an actor holds towards records of `establishmentId`. */
export function workflowRoles(actor: Actor, establishmentId: number): WorkflowRole[] {
  const roles: WorkflowRole[] = [];
  if (actor.permissions.has('licensing.apply')) {
    if (actor.kind === 'staff' || actor.establishmentId === establishmentId) roles.push('applicant');
  }
  if (actor.kind === 'staff' && actor.permissions.has('licensing.decide')) roles.push('approver');
  if (actor.kind === 'staff' && actor.permissions.has('licensing.verify')) roles.push('inspector');
  return roles;
}

/** A department-owned licensing record `alias` (unit_region_code, department_code, establishment_id). */
export function recordInScope(actor: Actor, alias: string): SQL {
  const a = sql.raw(alias);
  return sql`(${inUnitScope(actor, sql`${a}.unit_region_code`, sql`${a}.department_code`)} OR ${ownEstablishment(actor, sql`${a}.establishment_id`)})`;
}

/** Applications the actor may read: its scope, plus every part of a joint application whose window it is. */
export function applicationReadable(actor: Actor, alias = 'a'): SQL {
  const a = sql.raw(alias);
  return sql`(${recordInScope(actor, alias)} OR (${a}.joint_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM licensing_joint_application j WHERE j.id = ${a}.joint_id
      AND ${inUnitScope(actor, sql`j.window_region_code`, sql`j.window_department_code`)})))`;
}

export const notFound = (what: { zh: string; en: string }, id: number | string) =>
  new DomainError('not_found', `${what.zh} ${id} 不存在`, `${what.en} ${id} does not exist`);

export const APPLICATION = { zh: '许可申请', en: 'Application' };
export const LICENSE = { zh: '许可证', en: 'Licence' };
export const TASK = { zh: '核查任务', en: 'Verification task' };
export const REVALIDATION = { zh: '校验', en: 'Revalidation' };
export const JOINT = { zh: '联动申请', en: 'Joint application' };

/** 409 conflict when the record changed since the client read it (two staff deciding at once). */
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

/** Today's legal date in China (UTC+8): deadlines are dates, and the clock is a parameter. */
export function legalToday(ctx: AppContext): string {
  return new Date(ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export const iso = (v: Date | string): string => new Date(v).toISOString();
