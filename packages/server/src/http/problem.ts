import { DomainError } from '@weijian/domain';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDatabaseUnavailable } from '../db/unavailable.js';

/**
 * Errors as application/problem+json (RFC 9457) with a stable `code`, a Chinese and an English
 * message, field-level details for validation, and the request id. Never a stack trace.
 */
export const fieldErrorSchema = z.object({
  path: z.string(),
  code: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    messageZh: z.string(),
    messageEn: z.string(),
    requestId: z.string(),
    errors: z.array(fieldErrorSchema).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** HTTP status of each stable error code; domain code never sees these numbers. */
const STATUS_BY_CODE: Record<string, number> = {
  validation_failed: 400,
  malformed_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  invalid_second_factor: 401,
  second_factor_setup_required: 403,
  password_change_required: 403,
  second_factor_required: 401,
  invalid_api_key: 401,
  api_key_not_allowed: 403,
  session_expired: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  invalid_transition: 409,
  arrangement_active: 409,
  four_eyes_required: 409,
  version_conflict: 409,
  uscc_taken: 409,
  last_administrator: 409,
  user_has_open_tasks: 409,
  role_in_use: 409,
  builtin_role: 409,
  already_drawn: 409,
  campaign_locked: 409,
  batch_id_reused: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  account_locked: 423,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
  database_unavailable: 503,
};

export function statusForCode(code: string): number {
  return STATUS_BY_CODE[code] ?? 422; // a rule of the domain refused the request
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(
  requestId: string,
  code: string,
  messageZh: string,
  messageEn: string,
  extra: { errors?: FieldError[]; details?: Record<string, unknown>; status?: number } = {},
): Problem {
  const status = extra.status ?? statusForCode(code);
  return {
    type: `https://weijian.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail: messageEn,
    messageZh,
    messageEn,
    requestId,
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(extra.details ? { details: extra.details } : {}),
  };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.status(p.status).type('application/problem+json; charset=utf-8').send(p);
}

/**
 * A bilingual message for a zod refinement: `z.string().refine(f, { message: bilingual('…', '…') })`.
 * The error handler turns it back into messageZh/messageEn.
 */
export function bilingual(zh: string, en: string): string {
  return JSON.stringify({ zh, en });
}

function parseBilingual(message: string | undefined): { zh: string; en: string } | undefined {
  if (!message?.startsWith('{"zh"')) return undefined;
  try {
    return JSON.parse(message) as { zh: string; en: string };
  } catch {
    return undefined;
  }
}

/** Field messages in both languages for zod's issue codes. */
function fieldError(
  path: string,
  issue: { code?: string; message?: string; expected?: unknown },
): FieldError {
  const where = path || '(body)';
  const own = parseBilingual(issue.message);
  if (own)
    return {
      path,
      code: issue.code ?? 'invalid',
      messageZh: `${where}：${own.zh}`,
      messageEn: `${where}: ${own.en}`,
    };
  switch (issue.code) {
    case 'invalid_type':
      return {
        path,
        code: 'invalid_type',
        messageZh: `${where}：类型错误（应为 ${String(issue.expected)}）`,
        messageEn: `${where}: wrong type (expected ${String(issue.expected)})`,
      };
    case 'unrecognized_keys':
      return {
        path,
        code: 'unknown_field',
        messageZh: `${where}：包含未知字段`,
        messageEn: `${where}: unknown field(s)`,
      };
    default:
      return {
        path,
        code: issue.code ?? 'invalid',
        messageZh: `${where}：取值无效（${issue.message ?? ''}）`,
        messageEn: `${where}: invalid value (${issue.message ?? ''})`,
      };
  }
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const id = request.id;
  if (error instanceof DomainError) {
    const errors = Array.isArray(error.details?.errors) ? (error.details.errors as FieldError[]) : undefined;
    return sendProblem(
      reply,
      problem(id, error.code, error.messageZh, error.messageEn, {
        errors,
        details: error.details && !errors ? error.details : undefined,
      }),
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => {
      const path = [v.instancePath.replace(/^\//, '').replaceAll('/', '.')].filter(Boolean).join('.');
      const where =
        error.validationContext === 'body' ? path : `${error.validationContext}.${path}`.replace(/\.$/, '');
      return fieldError(where, { code: v.keyword, message: v.message, expected: v.params?.expected });
    });
    return sendProblem(
      reply,
      problem(
        id,
        'validation_failed',
        '请求数据未通过校验，请检查标出的字段。',
        'The request did not pass validation; check the listed fields.',
        { errors },
      ),
    );
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, 'response did not match its schema');
    return sendProblem(reply, problem(id, 'internal_error', '服务器内部错误。', 'Internal server error.'));
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendProblem(
        reply,
        problem(id, 'malformed_json', '请求体不是有效的 JSON。', 'The request body is not valid JSON.'),
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendProblem(
        reply,
        problem(id, 'payload_too_large', '请求体过大。', 'The request body is too large.'),
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendProblem(
        reply,
        problem(
          id,
          'unsupported_media_type',
          '不支持的请求内容类型（应为 application/json）。',
          'Unsupported content type (expected application/json).',
        ),
      );
  }
  if (error.statusCode === 429) {
    return sendProblem(
      reply,
      problem(id, 'rate_limited', '请求过于频繁，请稍后再试。', 'Too many requests; try again later.'),
    );
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(
      reply,
      problem(id, 'bad_request', `请求无效：${error.message}`, `Bad request: ${error.message}`, {
        status: error.statusCode,
      }),
    );
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    reply.header('retry-after', '5');
    return sendProblem(
      reply,
      problem(
        id,
        'database_unavailable',
        '数据库暂时无法访问，请稍后重试。',
        'The database cannot be reached at the moment; try again shortly.',
      ),
    );
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(
    reply,
    problem(
      id,
      'internal_error',
      '服务器内部错误，请稍后重试或联系管理员。',
      'Internal server error; try again later or contact the administrator.',
    ),
  );
}
