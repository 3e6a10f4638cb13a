import { z } from 'zod';
import { bilingual } from '../../../http/problem.js';

export const unitSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    departmentCode: z.string(),
    departmentName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    regionLevel: z.enum(['province', 'city', 'county', 'town', 'village']),
    userCount: z.number().int().meta({ description: 'active and disabled users of the unit' }),
    createdAt: z.string(),
  })
  .meta({ id: 'Unit' });

export const unitListSchema = z
  .object({ items: z.array(unitSchema), total: z.number().int() })
  .meta({ id: 'UnitList' });

const regionCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, {
  message: bilingual('区划代码应为 6、9 或 12 位数字', 'a region code has 6, 9 or 12 digits'),
});

export const unitListQuerySchema = z.object({
  departmentCode: z.string().min(1).max(40).optional(),
  regionCode: regionCode.optional().meta({ description: 'units of this region and the regions below it' }),
  q: z.string().trim().min(1).max(50).optional().meta({ description: 'part of the unit name' }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const unitNameSchema = z.string().trim().min(2).max(100);

export const createUnitBodySchema = z
  .object({ departmentCode: z.string().min(1).max(40), regionCode, name: unitNameSchema })
  .strict()
  .meta({ id: 'CreateUnit' });

export const updateUnitBodySchema = z.object({ name: unitNameSchema }).strict().meta({ id: 'UpdateUnit' });

export const unitIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const departmentSchema = z
  .object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })
  .meta({ id: 'Department' });

export const departmentListSchema = z
  .object({ items: z.array(departmentSchema) })
  .meta({ id: 'DepartmentList' });

export type UnitDto = z.infer<typeof unitSchema>;
export type UnitListQuery = z.infer<typeof unitListQuerySchema>;
