import { DomainError, type PermitTypeDefinition } from '@weijian/domain';
import type { Actor } from '../identity/actor.js';

/**
 * Who may change which permit types (issue 5, catalogue editor): an administrator keeps the types
 * approved at their unit's level or below (a city unit: city and county types, never a province
 * type) and, unless a role grants cross-department administration, of their own department. Both
 * the version in force and the new one must be in scope, so a type cannot be moved out of reach.
 */
const RANK: Record<string, number> = { province: 0, city: 1, county: 2, town: 3, village: 4 };

export function permitInAdminScope(actor: Actor, d: Pick<PermitTypeDefinition, 'level' | 'departmentCode'>) {
  if (actor.kind !== 'staff' || !actor.unit) return false;
  if ((RANK[actor.unit.regionLevel] ?? 9) > (RANK[d.level] ?? -1)) return false;
  if (actor.permissions.has('identity.scope.all-departments')) return true;
  return actor.unit.departmentCode === d.departmentCode;
}

export function assertPermitInAdminScope(
  actor: Actor,
  d: Pick<PermitTypeDefinition, 'level' | 'departmentCode' | 'nameZh'>,
): void {
  if (permitInAdminScope(actor, d)) return;
  const unit = actor.unit?.name ?? actor.displayName;
  throw new DomainError(
    'forbidden',
    `${unit}无权修订“${d.nameZh}”：该事项由${LEVEL_ZH[d.level] ?? d.level}级（部门 ${d.departmentCode}）审批，超出您单位的层级或部门`,
    `${unit} may not revise “${d.nameZh}”: it is approved at ${d.level} level by department ${d.departmentCode}, outside your unit's level or department`,
    { level: d.level, departmentCode: d.departmentCode },
  );
}

const LEVEL_ZH: Record<string, string> = { province: '省', city: '市', county: '县' };
