import {
  CATEGORIES,
  CATEGORY_CITATIONS,
  CLINICAL_SUBJECTS,
  CLINICAL_SUBJECTS_CITATION,
  categoryTree,
  checkUscc,
  ESTABLISHMENT_FLAGS,
  ESTABLISHMENT_KINDS,
  ESTABLISHMENT_STATUSES,
  FLAG_NAMES,
  FLAGS_CITATION,
  KIND_NAMES,
  LEVEL_NAMES,
  LEVELS,
  MANUAL_FLAGS,
  OWNERSHIP_NAMES,
  OWNERSHIPS,
  PRACTICE_CATEGORIES,
  PRACTICE_CITATION,
  PRACTICE_SCOPES,
  PROFESSION_NAMES,
  PROFESSIONS,
  STATUS_NAMES,
  TITLE_GRADES,
  TITLE_NAMES,
} from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { citationSchema } from '../../http/common-schemas.js';
import { problemSchema } from '../../http/problem.js';
import { acceptUscc } from './accept-uscc.js';
import { iso } from './establishment-record.js';
import { listUsccAcceptances } from './queries.js';
import { usccAcceptanceInputSchema, usccAcceptanceSchema } from './schemas.js';

const named = z.object({ code: z.string(), nameZh: z.string() });

const codeListsSchema = z
  .object({
    kinds: z.array(named.extend({ nameEn: z.string() })),
    categories: z.array(named.extend({ kind: z.string(), parent: z.string() })),
    categoryTree: z.array(named.extend({ parent: z.string().nullable() })),
    clinicalSubjects: z.array(named.extend({ parent: z.string().nullable() })),
    statuses: z.array(named),
    ownerships: z.array(named),
    levels: z.array(named),
    flags: z.array(named.extend({ manual: z.boolean() })),
    professions: z.array(named),
    practiceCategories: z.array(named),
    practiceScopes: z.array(named.extend({ category: z.string() })),
    titles: z.array(z.object({ grade: z.string(), profession: z.string(), nameZh: z.string() })),
    citations: z.record(z.string(), citationSchema),
  })
  .meta({ id: 'RegistryCodeLists' });

const codeLists = {
  kinds: ESTABLISHMENT_KINDS.map((code) => ({
    code,
    nameZh: KIND_NAMES[code].zh,
    nameEn: KIND_NAMES[code].en,
  })),
  categories: CATEGORIES.map((c) => ({ code: c.code, nameZh: c.nameZh, kind: c.kind, parent: c.parent })),
  categoryTree: categoryTree(),
  clinicalSubjects: [...CLINICAL_SUBJECTS],
  statuses: ESTABLISHMENT_STATUSES.map((code) => ({ code, nameZh: STATUS_NAMES[code] })),
  ownerships: OWNERSHIPS.map((code) => ({ code, nameZh: OWNERSHIP_NAMES[code] })),
  levels: LEVELS.map((code) => ({ code, nameZh: LEVEL_NAMES[code] })),
  flags: ESTABLISHMENT_FLAGS.map((code) => ({
    code,
    nameZh: FLAG_NAMES[code],
    manual: MANUAL_FLAGS.includes(code),
  })),
  professions: PROFESSIONS.map((code) => ({ code, nameZh: PROFESSION_NAMES[code] })),
  practiceCategories: Object.entries(PRACTICE_CATEGORIES).map(([code, nameZh]) => ({ code, nameZh })),
  practiceScopes: [...PRACTICE_SCOPES],
  titles: PROFESSIONS.flatMap((profession) =>
    TITLE_GRADES.map((grade) => ({ grade, profession, nameZh: TITLE_NAMES[profession][grade] })),
  ),
  citations: {
    ws218: { ...CATEGORY_CITATIONS.ws218 },
    weijianCategories: { ...CATEGORY_CITATIONS.weijian },
    clinicalSubjects: { ...CLINICAL_SUBJECTS_CITATION },
    practice: { ...PRACTICE_CITATION },
    flags: { ...FLAGS_CITATION },
  },
};

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

  app.get(
    '/registry/code-lists',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags: ['registry'],
        summary:
          '代码表 Code lists of the registry: kinds, WS 218 categories, 诊疗科目, 执业类别/范围, titles, flags',
        response: { 200: codeListsSchema, ...errors },
      },
    },
    async () => codeLists,
  );

  app.get(
    '/registry/uscc-acceptances',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags: ['registry'],
        summary:
          '已确认的校验未通过信用代码 Credit codes accepted despite a failed check (by users of your region)',
        response: { 200: z.object({ items: z.array(usccAcceptanceSchema) }), ...errors },
      },
    },
    async (request) => ({
      items: (await listUsccAcceptances(ctx.database.db, request.actor!)).map((a) => ({
        uscc: a.uscc,
        reason: a.reason,
        acceptedBy: a.accepted_by_name,
        acceptedAt: iso(a.accepted_at),
        checkErrors: checkUscc(a.uscc).errors,
      })),
    }),
  );

  app.post(
    '/registry/uscc-acceptances',
    {
      config: { permission: 'registry.uscc.accept' },
      schema: {
        tags: ['registry'],
        summary: '确认信用代码 Accept a credit code that fails its check, with the reason (audited)',
        body: usccAcceptanceInputSchema,
        response: { 204: z.null(), 422: problemSchema, ...errors },
      },
    },
    async (request, reply) => {
      await acceptUscc({ ctx, actor: request.actor!, input: request.body });
      return reply.status(204).send(null);
    },
  );
};
