import multipart from '@fastify/multipart';
import { DomainError } from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { imageSizeQuery, sendImage } from '../../files/image-reply.js';
import { problemSchema } from '../../http/problem.js';
import { legalToday } from './access.js';
import { actOnCase } from './act-on-case.js';
import { caseDetail, caseRecord, searchCases, sharedPenalties } from './case-queries.js';
import { loadCase } from './case-record.js';
import { renderCaseDocument } from './documents.js';
import { addEvidence, assertEvidenceOpen, openEvidence } from './evidence.js';
import { EVIDENCE_LIMIT, fileTooLarge } from './files.js';
import { verifyCaseRecord } from './record-chain.js';
import {
  caseActionSchema,
  caseDetailSchema,
  caseListQuerySchema,
  casePageSchema,
  caseRecordSchema,
  documentParams,
  documentQuerySchema,
  evidenceParams,
  evidenceQuerySchema,
  evidenceSchema,
  recordVerdictSchema,
  sharedPenaltyPageSchema,
} from './schemas/case.js';
import { idParams, pageQuery } from './schemas/common.js';

const tags = ['enforcement'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };

function attachment(name: string, inline = false): string {
  return `${inline ? 'inline' : 'attachment'}; filename="${encodeURIComponent(name).replace(/%/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Cases: inbox, detail, the workflow's actions, evidence, documents, the enforcement record. */
export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;
  await app.register(multipart, {
    limits: { fileSize: EVIDENCE_LIMIT, files: 1, fields: 2, parts: 3, fieldSize: 1000 },
  });

  app.get(
    '/enforcement/cases',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: '案件 The unit’s cases, the nearest deadline first',
        querystring: caseListQuerySchema,
        response: { 200: casePageSchema, ...errors },
      },
    },
    async (request) => searchCases(db, request.actor!, request.query, legalToday(ctx)),
  );

  app.get(
    '/enforcement/cases/:id',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary:
          '案件详情 One case: deadlines with their legal basis, the benchmark range, officers, evidence, documents, publications, actions',
        params: idParams,
        response: { 200: caseDetailSchema, ...errors },
      },
    },
    async (request) => caseDetail(ctx, request.actor!, request.params.id, legalToday(ctx)),
  );

  app.post(
    '/enforcement/cases/:id/actions',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary:
          '办案 Take a step of the case (approve opening, notify, hearing, propose, legal review, decide, serve, pay, close …)',
        description:
          '409 invalid_transition lists details.allowedActions; 409 conflict on a stale expectedVersion; 403 forbidden when the step is not the user’s role. Rules answer 422: too_few_officers, violation_required, benchmark_reason_required, beyond_statutory_range, rights_period_running, heavier_than_notified, hearing_not_available, hearing_request_late, hearing_notice_too_short, host_not_independent, reviewer_handled_case, legal_review_required, decision_deadline_passed, service_late_reason_required, payment_exceeds_due, payment_outstanding, referral_required.',
        params: idParams,
        body: caseActionSchema,
        response: { 200: caseDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      await actOnCase({ ctx, actor: request.actor!, id: request.params.id, input: request.body });
      return caseDetail(ctx, request.actor!, request.params.id, legalToday(ctx));
    },
  );

  app.get(
    '/enforcement/cases/:id/record',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: '执法全过程记录 The case’s record as one timeline with its hash chain (export for review)',
        params: idParams,
        response: { 200: caseRecordSchema, ...errors },
      },
    },
    async (request) => caseRecord(db, request.actor!, request.params.id),
  );

  app.get(
    '/enforcement/cases/:id/record/verify',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: '校验执法记录 Recompute the case’s hash chain and the hashes of its files',
        params: idParams,
        response: { 200: recordVerdictSchema, ...errors },
      },
    },
    async (request) => {
      await loadCase(db, request.actor!, request.params.id);
      return verifyCaseRecord(db, request.params.id, ctx);
    },
  );

  app.get(
    '/enforcement/cases/:id/documents/:kind',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary:
          '执法文书 A document of the case as PDF or Word: filing 立案审批表, inspection_record 现场检查笔录, notice 行政处罚事先告知书, decision 行政处罚决定书, service 送达回证, closure 结案报告',
        description: '422 document_not_available until the case has reached the document.',
        params: documentParams,
        querystring: documentQuerySchema,
        produces: ['application/pdf', DOCX],
        response: {
          200: z.any().meta({ description: 'The PDF or .docx file' }),
          422: problemSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const format = request.query.format;
      const { file, fileName } = await renderCaseDocument(
        ctx,
        request.actor!,
        request.params.id,
        request.params.kind,
        format,
      );
      // The PDF opens in the browser; the Word file is downloaded.
      reply.header('content-disposition', attachment(fileName, format === 'pdf'));
      reply.header('cache-control', 'private, no-store');
      return reply.type(format === 'pdf' ? 'application/pdf' : DOCX).send(file);
    },
  );

  app.post(
    '/enforcement/cases/:id/evidence',
    {
      config: { permission: 'enforcement.investigate' },
      schema: {
        tags,
        summary:
          '提交证据 Upload one evidence file: multipart/form-data, one file part (PDF, JPEG or PNG; 20 MB at most)',
        description:
          'The type is recognised from the first bytes. 415 unsupported_media_type, 413 payload_too_large, 422 evidence_locked.',
        params: idParams,
        querystring: evidenceQuerySchema,
        consumes: ['multipart/form-data'],
        response: {
          201: evidenceSchema,
          413: problemSchema,
          415: problemSchema,
          422: problemSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      assertEvidenceOpen(actor, await loadCase(db, actor, request.params.id));
      if (!request.isMultipart()) {
        throw new DomainError(
          'unsupported_media_type',
          '请以 multipart/form-data 上传一个文件',
          'Upload one file as multipart/form-data',
        );
      }
      let part: Awaited<ReturnType<typeof request.file>>;
      try {
        part = await request.file();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge();
        throw e;
      }
      if (!part) {
        throw new DomainError('file_missing', '请求中没有文件', 'The request carries no file', {
          errors: [{ path: 'file', code: 'required', messageZh: '请选择文件', messageEn: 'Choose a file' }],
        });
      }
      const stored = await addEvidence({
        ctx,
        actor,
        caseId: request.params.id,
        meta: request.query,
        fileName: part.filename,
        stream: part.file,
        truncated: () => part.file.truncated,
      });
      return reply.status(201).send(stored);
    },
  );

  app.get(
    '/enforcement/cases/:id/evidence/:evidenceId',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary:
          '下载证据 Download one evidence file (?size=thumb: a photo as a 320-pixel JPEG thumbnail for the case page)',
        params: evidenceParams,
        querystring: imageSizeQuery,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 200: z.any().meta({ description: 'The file' }), ...errors },
      },
    },
    async (request, reply) => {
      const { evidence, bytes } = await openEvidence({
        ctx,
        actor: request.actor!,
        caseId: request.params.id,
        evidenceId: request.params.evidenceId,
      });
      // The original downloads under its file name; a thumbnail is shown on the case page.
      if (request.query.size === 'full') reply.header('content-disposition', attachment(evidence.fileName));
      return sendImage(reply, request.log, {
        bytes,
        mediaType: evidence.contentType,
        sha256: evidence.sha256,
        size: request.query.size,
        cacheControl: 'private, no-store',
      });
    },
  );

  app.get(
    '/enforcement/penalties',
    {
      config: { permission: 'enforcement.read' },
      schema: {
        tags,
        summary: '行政处罚（跨部门共享） Decided penalties of the region, read-only for every department',
        querystring: z.object({
          establishmentId: z.coerce.number().int().positive().optional(),
          ...pageQuery,
        }),
        response: { 200: sharedPenaltyPageSchema, ...errors },
      },
    },
    async (request) => sharedPenalties(db, request.actor!, request.query),
  );
};
