import { CREDIT_POLICY_SECTION_NAMES } from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.js';
import { currentRuleSets, ruleSetVersions, saveRuleSet } from './policy.js';
import { publicCredit } from './queries.js';
import {
  publicCodeParams,
  publicCreditSchema,
  ruleSetListSchema,
  ruleSetSchema,
  saveRuleSetSchema,
  sectionParams,
  sweepResultSchema,
} from './schemas.js';
import { recomputeAll } from './sweeps.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const tags = ['credit: rules'];

const named = <T extends { section: keyof typeof CREDIT_POLICY_SECTION_NAMES }>(s: T) => ({
  ...s,
  nameZh: CREDIT_POLICY_SECTION_NAMES[s.section].zh,
  nameEn: CREDIT_POLICY_SECTION_NAMES[s.section].en,
});

/** The rules as versioned data (readable by every credit reader, edited by administrators), recompute, the public view. */
export const ruleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/credit/rules',
    {
      config: { permission: 'credit.read' },
      schema: {
        tags,
        summary:
          '信用与风险规则 Every rule section in force: points, levels, blacklist, risk weights and cut-points, modes, grading, warnings, monitoring; each with citations',
        response: { 200: ruleSetListSchema, ...errors },
      },
    },
    async () => ({ items: (await currentRuleSets(db)).map(named) }),
  );

  app.get(
    '/credit/rules/:section/versions',
    {
      config: { permission: 'credit.read' },
      schema: {
        tags,
        summary: '规则历史版本 Every version of a section, newest first',
        params: sectionParams,
        response: { 200: ruleSetListSchema, ...errors },
      },
    },
    async (request) => ({ items: (await ruleSetVersions(db, request.params.section)).map(named) }),
  );

  app.put(
    '/credit/rules/:section',
    {
      config: { permission: 'credit.rules.manage' },
      schema: {
        tags,
        summary:
          '修改规则 Save a new version of a section (checked; 409 version_conflict when expectedVersion is stale); run POST /credit/recompute to apply it',
        params: sectionParams,
        body: saveRuleSetSchema,
        response: { 200: ruleSetSchema, ...writeErrors },
      },
    },
    async (request) =>
      named(
        await saveRuleSet({
          ctx,
          actor: request.actor!,
          section: request.params.section,
          input: request.body,
        }),
      ),
  );

  app.post(
    '/credit/recompute',
    {
      config: { permission: 'credit.rules.manage', rateLimit: { max: 6, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          '重新计算 Recompute credit levels, risk scores and modes of the region (after a rule change; decay moves scores daily)',
        response: { 200: sweepResultSchema, ...writeErrors },
      },
    },
    async (request) => recomputeAll({ ctx, actor: request.actor! }),
  );

  app.get(
    '/public/credit/:publicCode',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary:
          '公示信用信息 What the public portal shows of an establishment: its quantitative grade, demerit points this cycle, blacklist listings marked for publication',
        params: publicCodeParams,
        response: { 200: publicCreditSchema, 404: problemSchema },
      },
    },
    async (request) => publicCredit(db, request.params.publicCode),
  );
};
