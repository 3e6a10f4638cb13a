import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.js';
import { attachment } from '../registry/upload.js';
import { CONTENT_TYPES, generateReport } from './generate-report.js';
import { reportQuerySchema } from './schemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Reports for a period and region, as Word, Excel or PDF; each generation is recorded and audited. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.get(
    '/oversight/reports',
    {
      config: { permission: 'oversight.report' },
      schema: {
        tags: ['oversight'],
        summary:
          '监管报告 The yearly reform evaluation, the random-inspection year report or the monthly supervision report of a region, as .docx, .xlsx or PDF (a period without data gives a labelled empty report)',
        querystring: reportQuerySchema,
        produces: Object.values(CONTENT_TYPES),
        response: { 200: z.any().meta({ description: 'The file' }), ...errors },
      },
    },
    async (request, reply) => {
      const { file, fileName, contentType, empty } = await generateReport({
        ctx,
        actor: request.actor!,
        input: request.query,
      });
      reply.header('content-disposition', attachment(fileName));
      reply.header('cache-control', 'private, no-store');
      reply.header('x-report-empty', String(empty));
      return reply.type(contentType).send(file);
    },
  );
};
