import { z } from 'zod';
import { citationSchema } from '../../http/common-schemas.js';
import {
  blacklistFlagSchema,
  creditLevelSchema,
  qualityGradeSchema,
  riskLevelSchema,
  riskPartSchema,
  supervisionModeSchema,
} from './schemas.js';

/**
 * The institution's own credit view (GET /credit/mine): the same facts as the staff profile, without
 * what is internal to the regulator (staff names, notes on points, who decided, override authors).
 */
const bi = { zh: z.string(), en: z.string() };

const ownBandSchema = z.object({
  minPoints: z.number().int(),
  labelZh: z.string(),
  labelEn: z.string(),
  consequences: z.array(z.object({ code: z.string(), ...bi })),
});

/** A supervisor's adjustment as the party sees it: the value and the written reason, not who made it. */
const ownOverrideSchema = z.object({
  value: z.string(),
  reason: z.string(),
  validUntil: z.string().nullable(),
});

export const ownDemeritSchema = z
  .object({
    points: z.number().int(),
    actZh: z.string(),
    actEn: z.string(),
    article: citationSchema,
    occurredOn: z.string(),
    status: z.enum(['active', 'revoked']),
    revokedReason: z.string().nullable(),
  })
  .meta({ id: 'OwnDemerit' });

export const ownListingSchema = z
  .object({
    id: z.number().int(),
    ruleCode: z.string(),
    reason: z.string(),
    basis: citationSchema,
    flags: z.array(blacklistFlagSchema),
    enteredOn: z.string(),
    repairFrom: z.string(),
    endsOn: z.string(),
    repair: z.object({
      canApplyNow: z
        .boolean()
        .meta({ description: 'the minimum period has passed and no application is pending' }),
      conditions: z.array(z.object({ code: z.string(), ...bi })),
      howZh: z.string(),
      howEn: z.string(),
      citation: citationSchema,
    }),
    repairs: z.array(
      z.object({
        status: z.enum(['pending', 'granted', 'refused']),
        appliedAt: z.string(),
        decidedAt: z.string().nullable(),
        decisionReason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'OwnBlacklistListing' });

export const ownCreditSchema = z
  .object({
    establishment: z.object({
      id: z.number().int(),
      name: z.string(),
      publicCode: z.string().nullable(),
      kind: z.string().nullable(),
    }),
    computedOn: z.string(),
    creditLevel: z.object({
      level: creditLevelSchema,
      nameZh: z.string(),
      nameEn: z.string(),
      reasons: z.array(z.object({ reasonZh: z.string(), reasonEn: z.string() })),
      override: ownOverrideSchema.nullable(),
      citation: citationSchema,
    }),
    risk: z
      .object({
        score: z.number(),
        level: riskLevelSchema,
        nameZh: z.string(),
        parts: z.array(riskPartSchema),
        cutPoints: z.object({ medium: z.number(), high: z.number(), severe: z.number() }),
        override: ownOverrideSchema.nullable(),
        citation: citationSchema,
      })
      .nullable(),
    mode: z
      .object({
        mode: supervisionModeSchema,
        nameZh: z.string(),
        nameEn: z.string(),
        inspectionsPerYear: z.number(),
        reasons: z.array(z.object(bi)),
        override: ownOverrideSchema.nullable(),
        citation: citationSchema,
      })
      .nullable(),
    demerits: z.object({
      points: z.number().int(),
      cycleStart: z.string(),
      cycleEnd: z.string(),
      band: ownBandSchema.nullable(),
      nextBand: ownBandSchema.nullable(),
      items: z.array(ownDemeritSchema),
    }),
    blacklist: z.array(ownListingSchema),
    grade: z
      .object({
        grade: qualityGradeSchema,
        nameZh: z.string(),
        nameEn: z.string(),
        total: z.number(),
        assessedOn: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'OwnCredit' });
