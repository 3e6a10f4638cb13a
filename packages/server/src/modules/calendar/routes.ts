import { draftArrangement } from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { citationSchema, isoDateSchema } from '../../http/common-schemas.js';
import { problemSchema } from '../../http/problem.js';
import { activateArrangement } from './activate-arrangement.js';
import { listArrangements } from './arrangement-queries.js';
import { enterArrangement } from './enter-arrangement.js';
import { loadCalendar } from './load-calendar.js';

const deadlineSchema = z
  .object({
    from: z.string(),
    days: z.number().int(),
    unit: z.enum(['working', 'calendar']),
    due: z.string(),
    provisional: z.boolean(),
    provisionalYears: z.array(z.number().int()),
    citation: citationSchema,
  })
  .meta({ id: 'Deadline' });

const dayInfoSchema = z
  .object({
    date: z.string(),
    workingDay: z.boolean(),
    kind: z.enum(['workday', 'weekend', 'holiday', 'makeup_workday']),
    festival: z.string().optional(),
    source: z.enum(['override', 'package', 'statutory', 'weekday-rule']),
    provisional: z.boolean(),
  })
  .meta({ id: 'DayInfo' });

/** The legal calendar is public: anyone may compute a statutory deadline. */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/calendar/deadline',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['calendar'],
        summary:
          '法定期限计算 Statutory deadline: N working days (行政许可法§82) or N calendar days (民法典§203) after a date',
        querystring: z.object({
          from: isoDateSchema,
          days: z.coerce.number().int().min(0).max(3650),
          unit: z.enum(['working', 'calendar']).default('working'),
        }),
        response: { 200: deadlineSchema, 400: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const { from, days, unit } = request.query;
      const calendar = await loadCalendar(db);
      const r =
        unit === 'working' ? calendar.addWorkingDays(from, days) : calendar.addCalendarDays(from, days);
      return {
        from,
        days,
        unit,
        due: r.date,
        provisional: r.provisional,
        provisionalYears: r.provisionalYears,
        citation: r.citation,
      };
    },
  );

  app.get(
    '/calendar/day',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['calendar'],
        summary: '某日是否工作日 Whether a date is a working day, and why',
        querystring: z.object({ date: isoDateSchema }),
        response: { 200: dayInfoSchema, 400: problemSchema, 422: problemSchema },
      },
    },
    async (request) => (await loadCalendar(db)).dayInfo(request.query.date),
  );

  const arrangementDay = z.object({
    date: isoDateSchema,
    kind: z.enum(['holiday', 'makeup_workday']),
    festival: z.string().max(20).nullish(),
  });
  const arrangementSchema = z
    .object({
      year: z.number().int(),
      docNo: z.string(),
      sourceUrl: z.string().nullable(),
      publishedOn: z.string().nullable(),
      status: z.enum(['draft', 'active']),
      enteredBy: z.string().nullable(),
      approvedBy: z.string().nullable(),
      days: z.array(
        z.object({
          date: z.string(),
          kind: z.enum(['holiday', 'makeup_workday']),
          festival: z.string().nullable(),
        }),
      ),
    })
    .meta({ id: 'HolidayArrangement' });
  const errors = {
    400: problemSchema,
    401: problemSchema,
    403: problemSchema,
    404: problemSchema,
    409: problemSchema,
    422: problemSchema,
  };
  const year = z.coerce.number().int().min(2027).max(2099);

  app.get(
    '/calendar/arrangements',
    {
      config: { permission: 'calendar.arrangement.manage' },
      schema: {
        tags: ['calendar'],
        summary: '放假安排 Holiday arrangements entered by administrators',
        response: { 200: z.object({ items: z.array(arrangementSchema) }), ...errors },
      },
    },
    async () => ({ items: await listArrangements(db) }),
  );

  app.get(
    '/calendar/arrangements/draft',
    {
      config: { permission: 'calendar.arrangement.manage' },
      schema: {
        tags: ['calendar'],
        summary:
          '放假安排草稿 A draft pre-filled with the statutory holidays of a year (《全国年节及纪念日放假办法》§2)',
        querystring: z.object({ year }),
        response: { 200: z.object({ year: z.number(), days: z.array(arrangementDay) }), ...errors },
      },
    },
    async (request) => ({ year: request.query.year, days: draftArrangement(request.query.year) }),
  );

  app.put(
    '/calendar/arrangements/:year',
    {
      config: { permission: 'calendar.arrangement.manage' },
      schema: {
        tags: ['calendar'],
        summary: '录入放假安排 Enter or correct a draft arrangement (the State Council notice of that year)',
        params: z.object({ year }),
        body: z.object({
          docNo: z.string().trim().min(3).max(80),
          sourceUrl: z.string().url().max(500).optional(),
          publishedOn: isoDateSchema.optional(),
          days: z.array(arrangementDay).min(1).max(80),
        }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { days, ...rest } = request.body;
      await enterArrangement(
        app.ctx.database,
        request.actor!,
        {
          year: request.params.year,
          ...rest,
          days: days.map((d) => ({ date: d.date, kind: d.kind, festival: d.festival ?? undefined })),
        },
        app.ctx.now(),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/calendar/arrangements/:year/activate',
    {
      config: { permission: 'calendar.arrangement.manage' },
      schema: {
        tags: ['calendar'],
        summary:
          '放假安排生效 Activate a draft (by a second administrator); deadlines in that year stop being provisional',
        params: z.object({ year }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await activateArrangement(app.ctx.database, request.actor!, request.params.year, app.ctx.now());
      return reply.status(204).send(null);
    },
  );
};
