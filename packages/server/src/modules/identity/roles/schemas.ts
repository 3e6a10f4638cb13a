import { z } from 'zod';
import { bilingual } from '../../../http/problem.js';
import { ALL_PERMISSIONS, type Permission } from '../permissions.js';

export const permissionNameSchema = z
  .enum(ALL_PERMISSIONS as [Permission, ...Permission[]])
  .meta({ id: 'PermissionName', description: 'A permission declared in code (GET /permissions)' });

export const permissionSchema = z
  .object({ name: permissionNameSchema, module: z.string(), labelZh: z.string(), labelEn: z.string() })
  .meta({ id: 'Permission' });

export const permissionListSchema = z
  .object({ items: z.array(permissionSchema) })
  .meta({ id: 'PermissionList' });

export const roleSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    description: z.string(),
    builtin: z.boolean().meta({ description: 'shipped with Weijian: editable, not deletable' }),
    forKind: z.enum(['staff', 'institution']),
    permissions: z.array(z.string()),
    userCount: z.number().int().meta({ description: 'users in your scope holding the role' }),
  })
  .meta({ id: 'Role' });

export const roleListSchema = z.object({ items: z.array(roleSchema) }).meta({ id: 'RoleList' });

const permissions = z.array(permissionNameSchema).max(200);
const nameZh = z.string().trim().min(1).max(50);
const nameEn = z.string().trim().min(1).max(100);
const description = z.string().trim().max(500);

export const roleCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, {
  message: bilingual(
    '角色代码为 2–40 位小写字母、数字或下划线，以字母开头',
    'a role code has 2–40 lower-case letters, digits or underscores and starts with a letter',
  ),
});

export const createRoleBodySchema = z
  .object({
    code: roleCodeSchema,
    nameZh,
    nameEn,
    description: description.default(''),
    forKind: z.enum(['staff', 'institution']).default('staff'),
    permissions,
  })
  .strict()
  .meta({ id: 'CreateRole' });

export const updateRoleBodySchema = z
  .object({
    nameZh: nameZh.optional(),
    nameEn: nameEn.optional(),
    description: description.optional(),
    permissions: permissions.optional().meta({ description: 'the complete new set' }),
  })
  .strict()
  .meta({ id: 'UpdateRole' });

export const roleParamsSchema = z.object({ code: z.string().min(1).max(40) });

export type RoleDto = z.infer<typeof roleSchema>;
export type CreateRoleBody = z.infer<typeof createRoleBodySchema>;
export type UpdateRoleBody = z.infer<typeof updateRoleBodySchema>;
