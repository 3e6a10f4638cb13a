import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.js';
import { decideProposal } from './decide-proposal.js';
import { presentProposal, searchProposals } from './proposal-queries.js';
import {
  defenceInputSchema,
  proposalDecisionSchema,
  proposalListQuerySchema,
  proposalPageSchema,
  proposalSchema,
  proposeListingSchema,
  proposeRemovalSchema,
} from './proposal-schemas.js';
import { proposeListing } from './propose-listing.js';
import { proposeRemoval } from './propose-removal.js';
import { idParams } from './schemas.js';
import { creditNotFound } from './scope.js';
import { stateDefence } from './state-defence.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const tags = ['credit: blacklist'];

/** Four-eyes blacklisting: proposals, the subject's notice and defence, the second officer's decision. */
export const proposalRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/credit/blacklist/proposals',
    {
      config: { permission: 'credit.read' },
      schema: {
        tags,
        summary:
          '黑名单提议 Proposals to list or remove in scope (institution users: the notices about their establishment)',
        querystring: proposalListQuerySchema,
        response: { 200: proposalPageSchema, ...errors },
      },
    },
    async (request) => searchProposals(db, request.actor!, request.query, ctx.now()),
  );

  app.post(
    '/credit/blacklist/proposals',
    {
      config: { permission: 'credit.blacklist.propose' },
      schema: {
        tags,
        summary:
          '提议列入黑名单 Propose a listing: the subject is notified and may state a defence; another officer approves',
        body: proposeListingSchema,
        response: { 201: proposalSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await proposeListing({ ctx, actor: request.actor!, input: request.body })),
  );

  app.get(
    '/credit/blacklist/proposals/:id',
    {
      config: { permission: 'credit.read' },
      schema: {
        tags,
        summary: '黑名单提议 One proposal with its notice, defence and decision',
        params: idParams,
        response: { 200: proposalSchema, ...errors },
      },
    },
    async (request) => {
      const p = await presentProposal(db, request.actor!, request.params.id, ctx.now());
      if (!p) throw creditNotFound('proposal', request.params.id);
      return p;
    },
  );

  app.post(
    '/credit/blacklist/proposals/:id/defence',
    {
      config: { permission: 'credit.blacklist.defend' },
      schema: {
        tags,
        summary: '陈述申辩 State the subject’s defence (or its waiver) against a proposed listing',
        params: idParams,
        body: defenceInputSchema,
        response: { 200: proposalSchema, ...writeErrors },
      },
    },
    async (request) =>
      stateDefence({ ctx, actor: request.actor!, proposalId: request.params.id, input: request.body }),
  );

  app.post(
    '/credit/blacklist/proposals/:id/decide',
    {
      config: { permission: 'credit.blacklist.approve' },
      schema: {
        tags,
        summary:
          '审核黑名单提议 Approve or reject with a reason; never the proposer (409 four_eyes_required); a listing waits for the defence',
        params: idParams,
        body: proposalDecisionSchema,
        response: { 200: proposalSchema, ...writeErrors },
      },
    },
    async (request) =>
      decideProposal({ ctx, actor: request.actor!, proposalId: request.params.id, input: request.body }),
  );

  app.post(
    '/credit/blacklist/:id/removal-proposals',
    {
      config: { permission: 'credit.blacklist.propose' },
      schema: {
        tags,
        summary: '提议移出黑名单 Propose to end a listing with a reason; another officer approves',
        params: idParams,
        body: proposeRemovalSchema,
        response: { 201: proposalSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await proposeRemoval({
          ctx,
          actor: request.actor!,
          blacklistId: request.params.id,
          reason: request.body.reason,
        }),
      ),
  );
};
