import { DATASET_IDS, ESTABLISHMENT_KINDS, SUPERVISION_MODES } from '@weijian/domain';
import { z } from 'zod';
import { bilingual } from '../../http/problem.js';

/** A record that went through the disclosure gate: only declared fields, masked. */
export const publicRecordSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
  .meta({ id: 'PublicRecord', description: 'Fields as in the data dictionary (GET /open-data/dictionary)' });

export const publicSupervisionModeSchema = z
  .object({
    code: z.enum(SUPERVISION_MODES),
    label: z.string(),
    labelEn: z.string(),
    citation: z.object({ zh: z.string(), en: z.string() }),
  })
  .nullable()
  .meta({
    id: 'PublicSupervisionMode',
    description:
      'The supervision mode where policy makes it public (one-code, demerit, commitment, graded); else null',
  });

export const datasetIdSchema = z.enum(DATASET_IDS).meta({ id: 'PublicDataset' });

export const establishmentPageSchema = z
  .object({
    establishment: publicRecordSchema,
    licences: z.array(publicRecordSchema),
    revokedLicences: z.array(publicRecordSchema),
    commitments: z.array(publicRecordSchema),
    inspections: z.array(publicRecordSchema),
    penalties: z.array(publicRecordSchema),
    credit: publicRecordSchema.nullable(),
    blacklist: z.array(publicRecordSchema),
    supervisionMode: publicSupervisionModeSchema,
    asOf: z.string().meta({ description: 'The day (China time) the periods were applied for' }),
    lastUpdated: z.string().nullable().meta({ description: 'Newest change among what is shown' }),
  })
  .meta({ id: 'PublicEstablishmentPage' });

// Search strings are plain text: length-capped, never interpreted (parameters only, LIKE escaped).
export const establishmentSearchQuerySchema = z.object({
  q: z.string().trim().max(50, bilingual('名称最多 50 个字', 'A name is at most 50 characters')).optional(),
  code: z
    .string()
    .trim()
    .max(18, bilingual('代码最多 18 位', 'A code is at most 18 characters'))
    .regex(/^[0-9A-Za-z]*$/, bilingual('代码只含字母和数字', 'A code has letters and digits only'))
    .optional(),
  kind: z.enum(ESTABLISHMENT_KINDS).optional(),
  region: z
    .string()
    .regex(/^\d{6}(\d{3})?$/, bilingual('区划代码为 6 位或 9 位数字', 'A region code has 6 or 9 digits'))
    .optional(),
  page: z.coerce.number().int().min(1).max(250).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

export const establishmentSearchSchema = z
  .object({
    items: z.array(publicRecordSchema),
    total: z.number().int(),
    capped: z.boolean().meta({ description: 'More matched than counted; narrow the search' }),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'PublicEstablishmentSearch' });

const citation = z.object({ zh: z.string(), en: z.string() });

export const dictionarySchema = z
  .object({
    id: datasetIdSchema,
    titleZh: z.string(),
    titleEn: z.string(),
    periodZh: z.string(),
    periodEn: z.string(),
    citations: z.array(citation),
    fields: z.array(
      z.object({
        name: z.string(),
        type: z.enum(['string', 'number', 'date', 'boolean']),
        treatment: z.enum(['code', 'text', 'free_text', 'person_name', 'party_name']),
        zh: z.string(),
        en: z.string(),
      }),
    ),
  })
  .meta({ id: 'PublicDataDictionary' });

export const publicListSchema = z
  .object({ asOf: z.string(), dictionary: dictionarySchema, items: z.array(publicRecordSchema) })
  .meta({ id: 'PublicList' });

export const openDataCatalogueSchema = z
  .object({
    asOf: z.string(),
    licence: z.string(),
    datasets: z.array(
      z.object({
        id: datasetIdSchema,
        titleZh: z.string(),
        titleEn: z.string(),
        records: z.number().int(),
        day: z.string().meta({
          description:
            'The day the files are of: asOf, or for a daily snapshot the night job has not written yet, the day before',
        }),
        csv: z.string(),
        json: z.string(),
        csvSha256: z.string().meta({ description: 'SHA-256 of the CSV file (its ETag)' }),
        jsonSha256: z.string().meta({ description: 'SHA-256 of the JSON file (its ETag)' }),
        csvBytes: z.number().int(),
        jsonBytes: z.number().int(),
        generatedAt: z.string().meta({ description: 'When the files were written' }),
      }),
    ),
    regions: z.array(z.string()).meta({
      description: 'County codes with files of their own: /open-data/regions/{code}/{dataset}.csv|json',
    }),
    manifest: z.string().meta({ description: 'Every file of the day with its size and SHA-256' }),
  })
  .meta({ id: 'OpenDataCatalogue' });

export const openDataManifestSchema = z
  .object({
    day: z.string(),
    files: z.array(
      z.object({
        day: z.string(),
        dataset: datasetIdSchema,
        region: z.string().meta({ description: "County code, or 'all' for the whole deployment" }),
        format: z.enum(['csv', 'json']),
        records: z.number().int(),
        sha256: z.string(),
        bytes: z.number().int(),
        generatedAt: z.string(),
        url: z.string(),
      }),
    ),
  })
  .meta({ id: 'OpenDataManifest' });
