import { z } from 'zod';

export const importErrorSchema = z
  .object({
    row: z
      .number()
      .int()
      .meta({ description: 'Spreadsheet row; the header is row 1, 0 is the file as a whole' }),
    column: z.string().meta({ description: "Column header ('' for the whole row or file)" }),
    code: z.string(),
    message: z.string().meta({ description: 'Chinese message' }),
    messageEn: z.string(),
  })
  .meta({ id: 'ImportError' });

export const importReportSchema = z
  .object({
    rows: z.number().int().meta({ description: 'Data rows in the file (header excluded)' }),
    valid: z.number().int().meta({ description: 'Rows without errors' }),
    errors: z.array(importErrorSchema).meta({ description: 'Problems by row (at most the first 1,000)' }),
    errorCount: z.number().int(),
    warnings: z.array(importErrorSchema),
    dryRun: z.boolean(),
    committed: z
      .boolean()
      .meta({ description: 'Whether anything was written (all rows, in one transaction)' }),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    batchId: z.number().int().nullable(),
  })
  .meta({ id: 'ImportReport' });

export const importQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .meta({ description: 'true (default): only check and report; false: write' }),
  skipInvalid: z.enum(['true', 'false']).default('false').meta({
    description: 'When writing: write the valid rows even if others have errors (default: all or nothing)',
  }),
  fileName: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'Original file name, kept with the import batch' }),
});

export const SPREADSHEET_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
];
