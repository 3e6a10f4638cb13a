import type { z } from 'zod';
import type { Actor } from './actor.js';
import { secondFactorRequired } from './auth-hook.js';
import type { currentUserSchema } from './schemas.js';

export function presentCurrentUser(actor: Actor): z.infer<typeof currentUserSchema> {
  const { unit } = actor;
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    kind: actor.kind,
    unit: unit
      ? {
          id: unit.id,
          name: unit.name,
          departmentCode: unit.departmentCode,
          departmentName: unit.departmentName,
          regionCode: unit.regionCode,
          regionName: unit.regionName,
          regionLevel: unit.regionLevel,
        }
      : null,
    establishmentId: actor.establishmentId,
    roles: actor.roles,
    permissions: [...actor.permissions].sort(),
    secondFactorEnabled: actor.secondFactorEnabled,
    secondFactorSetupRequired: !actor.secondFactorEnabled && secondFactorRequired(actor),
    mustChangePassword: actor.mustChangePassword,
  };
}
