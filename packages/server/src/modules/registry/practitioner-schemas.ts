import { PROFESSIONS, TITLE_GRADES } from '@weijian/domain';
import { z } from 'zod';
import { isoDateSchema } from '../../http/common-schemas.js';

export const professionSchema = z.enum(PROFESSIONS).meta({ id: 'Profession' });
export const titleGradeSchema = z.enum(TITLE_GRADES).meta({ id: 'TitleGrade' });
const practitionerStatus = z.enum(['active', 'inactive']);
const isoInstant = z.string().meta({ description: 'ISO 8601 instant (UTC)' });

export const practitionerSummarySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    idNumberMasked: z
      .string()
      .meta({ description: 'ID number with all but the first 6 and last 4 characters masked' }),
    profession: professionSchema,
    practiceCategory: z
      .string()
      .nullable()
      .meta({ description: '执业类别 1 临床, 2 口腔, 3 公共卫生, 4 中医' }),
    practiceScopes: z.array(z.string()).meta({ description: '执业范围 codes' }),
    titleGrade: titleGradeSchema.nullable(),
    titleName: z.string().nullable().meta({ description: '职称, e.g. 主治医师' }),
    practisingCertNo: z.string().nullable(),
    primaryEstablishment: z.object({ id: z.number().int(), name: z.string(), regionCode: z.string() }),
    status: practitionerStatus,
    version: z.number().int(),
    updatedAt: isoInstant,
  })
  .meta({ id: 'PractitionerSummary' });

export const multiSiteFilingSchema = z
  .object({
    id: z.number().int(),
    site: z.object({ id: z.number().int(), name: z.string(), regionCode: z.string() }),
    validFrom: z.string(),
    validTo: z.string(),
    agreementNo: z.string(),
    agreementSignedOn: z.string().nullable(),
    status: z.enum(['active', 'ended']),
    endedOn: z.string().nullable(),
    endReason: z.string().nullable(),
    filedAt: isoInstant,
  })
  .meta({ id: 'MultiSiteFiling' });

export const practitionerSchema = practitionerSummarySchema
  .extend({
    qualificationCertNo: z.string().nullable(),
    multiSiteFilings: z.array(multiSiteFilingSchema),
    createdAt: isoInstant,
  })
  .meta({ id: 'Practitioner' });

const certNo = z.string().trim().min(4).max(40).nullable();

export const practitionerInputSchema = z
  .object({
    name: z.string().trim().min(1).max(50),
    idNumber: z
      .string()
      .trim()
      .min(15)
      .max(18)
      .meta({ description: 'Resident ID number (GB 11643); stored encrypted' }),
    profession: professionSchema,
    qualificationCertNo: certNo.default(null),
    practisingCertNo: certNo.default(null),
    practiceCategory: z.enum(['1', '2', '3', '4']).nullable().default(null),
    practiceScopes: z
      .array(z.string().regex(/^\d{2}$/))
      .max(10)
      .default([]),
    titleGrade: titleGradeSchema.nullable().default(null),
    primaryEstablishmentId: z.number().int().positive(),
    status: practitionerStatus.default('active'),
  })
  .strict()
  .meta({ id: 'PractitionerCreate' });
export type PractitionerInput = z.infer<typeof practitionerInputSchema>;

export const practitionerPatchSchema = z
  .object({
    name: z.string().trim().min(1).max(50),
    profession: professionSchema,
    qualificationCertNo: certNo,
    practisingCertNo: certNo,
    practiceCategory: z.enum(['1', '2', '3', '4']).nullable(),
    practiceScopes: z.array(z.string().regex(/^\d{2}$/)).max(10),
    titleGrade: titleGradeSchema.nullable(),
    primaryEstablishmentId: z.number().int().positive(),
    status: practitionerStatus,
    expectedVersion: z.number().int(),
  })
  .partial()
  .strict()
  .meta({ id: 'PractitionerPatch' });
export type PractitionerPatch = z.infer<typeof practitionerPatchSchema>;

export const practitionerListQuerySchema = z.object({
  q: z.string().trim().min(1).max(50).optional().meta({ description: 'Part of the name' }),
  idNumber: z
    .string()
    .trim()
    .min(15)
    .max(18)
    .optional()
    .meta({ description: 'Exact ID number (matched by keyed hash)' }),
  certNo: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .optional()
    .meta({ description: 'Exact practising or qualification certificate number' }),
  profession: professionSchema.optional(),
  establishmentId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .meta({ description: 'Primary institution, or an active multi-site filing there' }),
  status: practitionerStatus.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(['name', 'updatedAt']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type PractitionerListQuery = z.infer<typeof practitionerListQuerySchema>;

export const practitionerPageSchema = z
  .object({
    items: z.array(practitionerSummarySchema),
    total: z.number().int(),
    totalExact: z.boolean(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'PractitionerPage' });

export const multiSiteFilingInputSchema = z
  .object({
    siteEstablishmentId: z.number().int().positive(),
    validFrom: isoDateSchema,
    validTo: isoDateSchema,
    agreementNo: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .meta({ description: 'Number of the agreement with the primary institution' }),
    agreementSignedOn: isoDateSchema.nullable().default(null),
  })
  .strict()
  .meta({ id: 'MultiSiteFilingRequest' });

export const endFilingInputSchema = z
  .object({ endedOn: isoDateSchema, reason: z.string().trim().min(2).max(300) })
  .strict()
  .meta({ id: 'EndMultiSiteFiling' });

export const filingParams = z.object({
  id: z.coerce.number().int().positive(),
  filingId: z.coerce.number().int().positive(),
});
