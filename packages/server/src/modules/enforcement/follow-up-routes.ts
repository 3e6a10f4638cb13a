import {
  BENCHMARK_CITATION,
  COMPLAINT_PERIOD_CITATIONS,
  DomainError,
  ENFORCEMENT_SETTING_CITATIONS,
} from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { legalToday } from './access.js';
import { type PolicyContent, policyInForce, policyVersions, savePolicy } from './policy.js';
import { publishPublication, recordRepair, searchPublications } from './publications.js';
import { completeReinspection, searchReinspections } from './reinspections.js';
import { publicationPageSchema, publicationSchema } from './schemas/case.js';
import { idParams, pageQuery } from './schemas/common.js';
import {
  POLICY_CONTENT_SCHEMAS,
  policyHistorySchema,
  policyParams,
  policyVersionSchema,
  publicationListQuerySchema,
  reinspectionDoneSchema,
  reinspectionInputSchema,
  reinspectionPageSchema,
  repairInputSchema,
  savePolicySchema,
} from './schemas/other.js';

const tags = ['enforcement'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };

/** After the decision: publications (双公示, credit repair), re-inspections; and the versioned policy. */
export const followUpRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/enforcement/publications',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: '执法公示 The unit’s penalty publications: pending ones by their 7-working-day due date',
        querystring: publicationListQuerySchema,
        response: { 200: publicationPageSchema, ...errors },
      },
    },
    async (request) => searchPublications(db, request.actor!, request.query, legalToday(ctx)),
  );

  const one = async (actor: Parameters<typeof searchPublications>[1], id: number) => {
    const page = await searchPublications(db, actor, { page: 1, pageSize: 200 }, legalToday(ctx));
    const p = page.items.find((x) => x.id === id);
    if (!p) throw new DomainError('not_found', `公示 ${id} 不存在`, `Publication ${id} does not exist`);
    return p;
  };

  app.post(
    '/enforcement/publications/:id/publish',
    {
      config: { permission: 'enforcement.publish' },
      schema: {
        tags,
        summary: '公示 Publish a pending penalty (masked content checked)',
        params: idParams,
        response: { 200: publicationSchema, ...writeErrors },
      },
    },
    async (request) => {
      await publishPublication({ ctx, actor: request.actor!, id: request.params.id });
      return one(request.actor!, request.params.id);
    },
  );

  app.post(
    '/enforcement/publications/:id/repair',
    {
      config: { permission: 'enforcement.publish' },
      schema: {
        tags,
        summary:
          '信用修复 Record an application for credit repair, or grant it after the shortest period (display stops)',
        params: idParams,
        body: repairInputSchema,
        response: { 200: publicationSchema, ...writeErrors },
      },
    },
    async (request) => {
      await recordRepair({ ctx, actor: request.actor!, id: request.params.id, ...request.body });
      return one(request.actor!, request.params.id);
    },
  );

  app.get(
    '/enforcement/reinspections',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: '处罚后复查 Re-inspections after penalties, by due date',
        querystring: z.object({ state: z.enum(['open', 'done']).optional(), ...pageQuery }),
        response: { 200: reinspectionPageSchema, ...errors },
      },
    },
    async (request) => searchReinspections(db, request.actor!, request.query, legalToday(ctx)),
  );

  app.post(
    '/enforcement/reinspections/:id/complete',
    {
      config: { permission: 'enforcement.investigate' },
      schema: {
        tags,
        summary: '完成复查 Record the re-inspection; a continuing violation raises a new lead',
        params: idParams,
        body: reinspectionInputSchema,
        response: { 200: reinspectionDoneSchema, ...writeErrors },
      },
    },
    async (request) =>
      completeReinspection({ ctx, actor: request.actor!, id: request.params.id, input: request.body }),
  );

  const CITATIONS = {
    benchmark: { benchmark: BENCHMARK_CITATION },
    settings: ENFORCEMENT_SETTING_CITATIONS,
    complaint_periods: COMPLAINT_PERIOD_CITATIONS,
  };

  app.get(
    '/enforcement/policies/:kind',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary:
          '执法设置 The discretion benchmark, settings or complaint periods in force, every version, and why each number is what it is',
        params: policyParams,
        response: { 200: policyHistorySchema, ...errors },
      },
    },
    async (request) => {
      const kind = request.params.kind;
      const current = await policyInForce(db, kind, legalToday(ctx));
      const asRecord = <T extends { content: unknown }>(v: T) => ({
        ...v,
        content: v.content as Record<string, unknown>,
      });
      return {
        current: asRecord(current),
        versions: (await policyVersions(db, kind)).map(asRecord),
        citations: CITATIONS[kind] as Record<string, unknown>,
      };
    },
  );

  app.post(
    '/enforcement/policies/:kind',
    {
      config: { permission: 'enforcement.policy.manage' },
      schema: {
        tags,
        summary:
          '保存新版本 Save a new version (never edits one); cases keep the benchmark version they were recorded under',
        params: policyParams,
        body: savePolicySchema,
        response: { 201: policyVersionSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const kind = request.params.kind;
      const parsed = POLICY_CONTENT_SCHEMAS[kind].safeParse(request.body.content);
      if (!parsed.success) {
        throw new DomainError(
          'invalid_policy',
          '设置内容不完整或取值无效',
          'The policy content is incomplete or invalid',
          {
            errors: parsed.error.issues.map((i) => ({
              path: ['content', ...i.path].join('.'),
              code: i.code,
              messageZh: i.message,
              messageEn: i.message,
            })),
          },
        );
      }
      const saved = await savePolicy({
        ctx,
        actor: request.actor!,
        kind,
        content: parsed.data as PolicyContent[typeof kind],
        effectiveFrom: request.body.effectiveFrom,
        note: request.body.note,
        expectedVersion: request.body.expectedVersion,
      });
      return reply
        .status(201)
        .send({ ...saved, content: saved.content as unknown as Record<string, unknown> });
    },
  );
};
