import { ITEM_RESULTS, REPLACEMENT_REASONS } from '@weijian/domain';
import { z } from 'zod';
import { bilingual } from '../../http/problem.js';
import { kindSchema } from '../registry/schemas.js';
import { severitySchema } from './reference-schemas.js';

export const itemResultSchema = z
  .enum(ITEM_RESULTS)
  .meta({ id: 'ItemResult', description: 'compliant 符合 | non_compliant 不符合 | not_applicable 不适用' });
export const dispositionSchema = z.enum(['rectification', 'lead', 'rectification_and_lead']).meta({
  id: 'Disposition',
  description:
    'For 不符合: order rectification (deadline + re-inspection), pass a lead to enforcement, or both',
});

export const mergedItemSchema = z
  .object({
    code: z.string(),
    what: z.string(),
    basis: z.string(),
    severity: severitySchema,
    departments: z.array(z.string()),
  })
  .meta({ id: 'MergedChecklistItem' });

const officerSchema = z
  .object({
    inspectorId: z.number().int(),
    certificateNo: z.string(),
    name: z.string(),
    departmentCode: z.string(),
  })
  .meta({ id: 'InspectionOfficer' });

export const photoSchema = z
  .object({
    id: z.number().int(),
    sha256: z.string(),
    mediaType: z.enum(['image/jpeg', 'image/png']),
    sizeBytes: z.number().int(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'InspectionPhoto' });

export const rectificationSchema = z
  .object({
    id: z.number().int(),
    itemCodes: z.array(z.string()),
    orderedOn: z.string(),
    workingDays: z.number().int(),
    deadline: z.string(),
    status: z.enum(['open', 'rectified', 'not_rectified']),
    reinspectionId: z.number().int().nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: 'Rectification' });

export const leadSchema = z
  .object({
    id: z.number().int(),
    itemCodes: z.array(z.string()),
    summary: z.string(),
    status: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'InspectionLead' });

export const publicationSchema = z
  .object({
    campaignNo: z.string(),
    campaignTitle: z.string(),
    establishment: z.object({
      name: z.string(),
      code: z.string(),
      address: z.string(),
      legalRepresentative: z.string().nullable(),
    }),
    inspectedOn: z.string(),
    departments: z.array(z.string()),
    outcome: z.enum(['compliant', 'non_compliant']),
    outcomeName: z.string(),
    items: z.array(
      z.object({ code: z.string(), what: z.string(), result: itemResultSchema, resultName: z.string() }),
    ),
    rectification: z.object({ deadline: z.string(), status: z.string() }).nullable(),
    officers: z.array(z.object({ certificateNo: z.string(), name: z.string() })),
    publishedOn: z.string(),
  })
  .meta({ id: 'InspectionPublication', description: 'What the portal shows; personal names masked' });

export const inspectionSummarySchema = z
  .object({
    id: z.number().int(),
    campaign: z.object({
      id: z.number().int(),
      campaignNo: z.string(),
      title: z.string(),
      joint: z.boolean(),
    }),
    taskKind: z.enum(['random', 'reinspection']),
    parentId: z.number().int().nullable(),
    establishment: z
      .object({
        id: z.number().int(),
        name: z.string(),
        uscc: z.string().nullable(),
        publicCode: z.string(),
        kind: kindSchema,
        regionCode: z.string(),
        address: z.string(),
      })
      .nullable(),
    code: z.string(),
    stratum: z.string().nullable(),
    departments: z.array(z.string()),
    status: z.enum(['assigned', 'completed', 'replaced']),
    dueOn: z.string(),
    overdue: z.boolean(),
    understaffed: z.boolean(),
    team: z.array(officerSchema.extend({ position: z.number().int() })),
    inspectedOn: z.string().nullable(),
    outcome: z.enum(['compliant', 'non_compliant']).nullable(),
    publicationDue: z.string().nullable(),
    publishedAt: z.string().nullable(),
    readOnly: z
      .boolean()
      .meta({ description: 'Visible as a shared result only (another department’s inspection)' }),
  })
  .meta({ id: 'InspectionSummary' });

export const inspectionDetailSchema = inspectionSummarySchema
  .extend({
    drawKey: z.string().nullable(),
    replacementSeq: z.number().int().nullable(),
    checklist: z.array(mergedItemSchema),
    result: z
      .object({
        inspectedAt: z.string(),
        notes: z.string().nullable(),
        officers: z.array(officerSchema),
        items: z.array(
          z.object({
            itemCode: z.string(),
            result: itemResultSchema,
            note: z.string(),
            photoIds: z.array(z.number().int()),
            disposition: dispositionSchema.nullable(),
          }),
        ),
        recordedAt: z.string(),
        recordedBy: z.string().nullable(),
      })
      .nullable(),
    photos: z.array(photoSchema),
    rectification: rectificationSchema.nullable(),
    parentRectification: rectificationSchema
      .nullable()
      .meta({ description: 'For a re-inspection: the order it checks' }),
    leads: z.array(leadSchema),
    publication: publicationSchema.nullable(),
    replaced: z
      .object({ reason: z.enum(REPLACEMENT_REASONS), on: z.string(), note: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: 'Inspection' });

export const inspectionListQuerySchema = z.object({
  campaignId: z.coerce.number().int().positive().optional(),
  establishmentId: z.coerce.number().int().positive().optional(),
  status: z.enum(['assigned', 'completed', 'replaced']).optional(),
  taskKind: z.enum(['random', 'reinspection']).optional(),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'Only tasks whose team includes the signed-in officer' }),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const inspectionPageSchema = z
  .object({
    items: z.array(inspectionSummarySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'InspectionPage' });

export const completeInspectionSchema = z
  .object({
    inspectedAt: z.iso.datetime({ offset: true }).meta({ description: 'When the visit took place' }),
    officers: z
      .array(z.number().int().positive())
      .min(2, { message: bilingual('现场执法人员不得少于两人', 'at least two officers must be present') })
      .max(20)
      .meta({ description: 'Roster ids of the officers present (at least two: 行政处罚法 第四十二条)' }),
    items: z
      .array(
        z
          .object({
            itemCode: z.string().min(1),
            result: itemResultSchema,
            note: z.string().trim().max(2000).default(''),
            photoIds: z.array(z.number().int().positive()).max(20).default([]),
            disposition: dispositionSchema.nullable().default(null),
          })
          .strict(),
      )
      .min(1),
    rectificationWorkingDays: z.number().int().min(1).max(60).nullable().default(null).meta({
      description:
        'Rectification period chosen by the officers; default by the most serious finding (policy)',
    }),
    leadSummary: z
      .string()
      .trim()
      .max(4000)
      .nullable()
      .default(null)
      .meta({ description: 'Required when an item passes a lead' }),
    notes: z.string().trim().max(4000).nullable().default(null),
  })
  .strict()
  .meta({ id: 'CompleteInspection' });

export const photoParams = z.object({
  id: z.coerce.number().int().positive(),
  photoId: z.coerce.number().int().positive(),
});
