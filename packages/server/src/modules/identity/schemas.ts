import { z } from 'zod';

export const currentUserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    kind: z.enum(['staff', 'institution']),
    unit: z
      .object({
        id: z.number().int(),
        name: z.string(),
        departmentCode: z.string(),
        departmentName: z.string(),
        regionCode: z.string(),
        regionName: z.string(),
        regionLevel: z.enum(['province', 'city', 'county', 'town', 'village']),
      })
      .nullable(),
    establishmentId: z.number().int().nullable(),
    roles: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })),
    permissions: z.array(z.string()),
    secondFactorEnabled: z.boolean(),
    secondFactorSetupRequired: z.boolean(),
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'CurrentUser' });

export const signInBodySchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  totpCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
