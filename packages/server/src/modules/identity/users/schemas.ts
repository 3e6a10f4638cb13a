import { z } from 'zod';
import { bilingual } from '../../../http/problem.js';

/** Request and response shapes of the user administration API (they also make the OpenAPI document). */

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,49}$/, {
    message: bilingual(
      '用户名为 3–50 位字母、数字、点、下划线或连字符，以字母或数字开头',
      'a username has 3–50 letters, digits, dots, underscores or hyphens and starts with a letter or digit',
    ),
  });

export const displayNameSchema = z.string().trim().min(1).max(50);

/** A phone number as typed: digits with optional spaces, hyphens and a leading +. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[\d\s-]{7,20}$/, {
    message: bilingual('电话号码格式不正确', 'not a phone number'),
  });

/** Checked against GB 11643 (check character, birth date) by the use case. */
export const idNumberSchema = z.string().trim().min(1).max(30);

const roleCodes = z.array(z.string().min(1).max(40)).min(1).max(20);

export const userUnitSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    departmentCode: z.string(),
    departmentName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
  })
  .meta({ id: 'UserUnit' });

export const roleRefSchema = z
  .object({ code: z.string(), name: z.string(), nameEn: z.string() })
  .meta({ id: 'RoleRef' });

export const userSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['staff', 'institution']),
    username: z.string(),
    displayName: z.string(),
    status: z.enum(['active', 'disabled']),
    unit: userUnitSchema.nullable(),
    establishmentId: z.number().int().nullable(),
    roles: z.array(roleRefSchema),
    phoneMasked: z
      .string()
      .nullable()
      .meta({ description: 'e.g. 138****5678; the full number is at /sensitive' }),
    idNumberMasked: z
      .string()
      .nullable()
      .meta({ description: 'first 6 and last 4 characters; the full number is at /sensitive' }),
    secondFactorEnabled: z.boolean(),
    mustChangePassword: z.boolean(),
    locked: z.boolean(),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
    passwordChangedAt: z.string(),
  })
  .meta({ id: 'User' });

export const userListSchema = z
  .object({ items: z.array(userSchema), total: z.number().int() })
  .meta({ id: 'UserList' });

export const userListQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .optional()
    .meta({ description: 'part of the username or display name' }),
  unitId: z.coerce.number().int().positive().optional(),
  role: z.string().min(1).max(40).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const userIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const createStaffUserSchema = z
  .object({
    kind: z.literal('staff'),
    username: usernameSchema,
    displayName: displayNameSchema,
    unitId: z.number().int().positive(),
    roles: roleCodes,
    phone: phoneSchema.optional(),
    idNumber: idNumberSchema.optional(),
  })
  .strict()
  .meta({ id: 'CreateStaffUser' });

export const createInstitutionUserSchema = z
  .object({
    kind: z.literal('institution'),
    username: usernameSchema,
    displayName: displayNameSchema,
    establishmentId: z.number().int().positive(),
    roles: roleCodes,
    phone: phoneSchema.optional(),
    idNumber: idNumberSchema.optional(),
  })
  .strict()
  .meta({
    id: 'CreateInstitutionUser',
    description: 'Refused (422 institution_users_unavailable) until the registry module holds establishments',
  });

export const createUserBodySchema = z
  .discriminatedUnion('kind', [createStaffUserSchema, createInstitutionUserSchema])
  .meta({ id: 'CreateUser' });

export const oneTimePasswordSchema = z.string().meta({
  description: 'Shown once, never stored in clear; the user must change it at first sign-in',
});

export const userWithPasswordSchema = z
  .object({ user: userSchema, oneTimePassword: oneTimePasswordSchema })
  .meta({ id: 'UserWithOneTimePassword' });

export const updateUserBodySchema = z
  .object({
    displayName: displayNameSchema.optional(),
    unitId: z.number().int().positive().optional().meta({ description: 'moves the user to another unit' }),
    roles: roleCodes.optional(),
    phone: phoneSchema.nullable().optional().meta({ description: 'null clears it' }),
    idNumber: idNumberSchema.nullable().optional().meta({ description: 'null clears it' }),
  })
  .strict()
  .meta({ id: 'UpdateUser' });

export const userSensitiveSchema = z
  .object({ id: z.number().int(), phone: z.string().nullable(), idNumber: z.string().nullable() })
  .meta({
    id: 'UserSensitive',
    description: 'Full personal data; every read is recorded in the audit trail',
  });

export type UserDto = z.infer<typeof userSchema>;
export type CreateUserBody = z.infer<typeof createUserBodySchema>;
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;
export type UserListQuery = z.infer<typeof userListQuerySchema>;
