import { beyondOwnPermissions } from './role-grants.js';

/**
 * A staff role may only be given permissions the actor holds (no one hands out more than they
 * have). Institution roles are exempt: institution users see only their own establishment, so a
 * permission there grants nothing over other people's records (and staff administrators do not
 * hold the institution's own permissions such as identity.api-key.manage).
 */
export function assertPermissionsGrantable(
  actor: { permissions: Set<string> },
  forKind: 'staff' | 'institution',
  added: string[],
): void {
  if (forKind === 'institution') return;
  const beyond = added.filter((p) => !actor.permissions.has(p));
  if (beyond.length > 0) throw beyondOwnPermissions(beyond);
}
