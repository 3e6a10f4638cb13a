/** One field-level detail of a validation problem. `path` names the offending field. */
export interface ProblemFieldError {
  path: string | Array<string | number>;
  code: string;
  messageZh: string;
  messageEn: string;
}

/** An RFC 9457 problem+json body as the server sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  messageZh: string;
  messageEn: string;
  requestId?: string;
  errors?: ProblemFieldError[];
}

/** Thrown by the API client for every non-2xx answer (and for network failures, with status 0). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.messageEn || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.status === 'number' && typeof v.messageZh === 'string';
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** Picks the message in the UI's language; anything that is not an ApiError gets the generic text. */
export function pickMessage(message: { messageZh: string; messageEn: string }, language: string): string {
  return language === 'en' ? message.messageEn || message.messageZh : message.messageZh || message.messageEn;
}

/** Turns a problem field path ('days', '/days', 'querystring.days', ['body','days']) into form name parts. */
export function fieldPath(path: ProblemFieldError['path']): string[] {
  const parts = Array.isArray(path) ? path.map(String) : path.split(/[./]/);
  const cleaned = parts.filter((p) => p !== '' && p !== '#');
  const first = cleaned[0];
  const containers = ['body', 'query', 'querystring', 'params', 'headers'];
  return first !== undefined && containers.includes(first) ? cleaned.slice(1) : cleaned;
}
