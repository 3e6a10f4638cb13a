import { z } from 'zod';
import { citationSchema } from '../../http/common-schemas.js';
import { bilingual } from '../../http/problem.js';
import { subjectTypeSchema } from './schemas.js';

/** Four-eyes blacklisting: proposals to list or remove, the subject's defence, the decision. */
const reason = z
  .string()
  .trim()
  .min(5, {
    message: bilingual('须填写理由（至少 5 个字）', 'a written reason is required (at least 5 characters)'),
  })
  .max(2000);

export const proposalStatusSchema = z.enum(['pending', 'approved', 'rejected']);
export const defenceStatusSchema = z.enum(['awaiting', 'stated', 'waived', 'not_required']);

export const proposeListingSchema = z
  .object({
    subjectType: subjectTypeSchema,
    subjectId: z.number().int().positive(),
    ruleCode: z.string().min(1).max(40).meta({ description: 'A rule of the blacklist section' }),
    reason,
    source: z
      .object({
        module: z.enum(['enforcement', 'licensing', 'inspection']),
        type: z.string().trim().min(1).max(30),
        id: z.string().trim().min(1).max(50),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'ProposeBlacklisting' });

export const proposeRemovalSchema = z.object({ reason }).strict().meta({ id: 'ProposeBlacklistRemoval' });

export const defenceInputSchema = z
  .object({
    kind: z.enum(['stated', 'waived']).meta({
      description: 'stated: the subject’s statement and defence; waived: it declared it will not state one',
    }),
    statement: z
      .string()
      .trim()
      .min(5, {
        message: bilingual('须填写陈述申辩内容（至少 5 个字）', 'the statement needs at least 5 characters'),
      })
      .max(4000),
  })
  .strict()
  .meta({ id: 'BlacklistDefence' });

export const proposalDecisionSchema = z
  .object({ decision: z.enum(['approve', 'reject']), reason })
  .strict()
  .meta({ id: 'BlacklistProposalDecision' });

export const proposalListQuerySchema = z.object({
  status: proposalStatusSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const proposalSchema = z
  .object({
    id: z.number().int(),
    action: z.enum(['enter', 'remove']),
    subjectType: subjectTypeSchema,
    subjectId: z.number().int(),
    establishmentId: z.number().int(),
    name: z.string(),
    ruleCode: z.string().nullable(),
    ruleName: citationSchema.nullable(),
    basis: citationSchema.nullable(),
    blacklistId: z.number().int().nullable(),
    reason: z.string(),
    source: z.object({ module: z.string(), type: z.string(), id: z.string() }).nullable(),
    notice: citationSchema.nullable(),
    noticedOn: z.string().nullable(),
    defenceDueOn: z.string().nullable(),
    defenceStatus: defenceStatusSchema,
    defenceStatement: z.string().nullable(),
    defenceAt: z.string().nullable(),
    defenceBy: z
      .string()
      .nullable()
      .meta({ description: 'Who stated or recorded it; hidden (null) from the institution' }),
    status: proposalStatusSchema,
    proposedAt: z.string(),
    proposedBy: z.string().nullable().meta({ description: 'Hidden (null) from the institution' }),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decisionReason: z.string().nullable(),
    allowedActions: z.array(z.enum(['defend', 'approve', 'reject'])),
    citation: citationSchema,
  })
  .meta({ id: 'BlacklistProposal' });

export const proposalPageSchema = z
  .object({
    items: z.array(proposalSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'BlacklistProposalPage' });
