import { CSRF_COOKIE, CSRF_HEADER, readCookie } from '../../../api/client';
import { ApiError, isProblem, type Problem } from '../../../api/problem';
import i18n from '../../../i18n';

export interface ImportError {
  /** Spreadsheet row: the header is row 1; 0 = the file as a whole. */
  row: number;
  /** Column header ('' = the whole row or file). */
  column: string;
  code: string;
  message: string;
  messageEn: string;
}

export interface ImportReport {
  rows: number;
  valid: number;
  /** At most the first 1,000, by row. */
  errors: ImportError[];
  errorCount: number;
  warnings: ImportError[];
  dryRun: boolean;
  committed: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  batchId: number | null;
}

export type ImportProgress =
  | { phase: 'uploading'; loaded: number; total: number }
  | { phase: 'reading' | 'checking' | 'writing' | 'done'; rows: number };

export type ImportTarget = 'establishments' | 'practitioners';

export interface ImportOptions {
  target: ImportTarget;
  dryRun: boolean;
  /** Write the valid rows even if others have errors (otherwise all or nothing). */
  skipInvalid: boolean;
  onProgress: (p: ImportProgress) => void;
  signal?: AbortSignal;
}

const problemOf = (status: number, code: string, zh: string, en: string): Problem => ({
  type: 'about:blank',
  title: en,
  status,
  code,
  messageZh: zh,
  messageEn: en,
});

/**
 * Sends the file as the raw request body (POST /{target}/imports). XMLHttpRequest, not fetch:
 * it reports the upload's progress, and its partial answer carries the server's progress lines
 * (application/x-ndjson: {phase, rows} …, then {report} or {error}). An answer in plain JSON (the
 * practitioner import streams no progress) is the report itself.
 */
export function runImport(file: File, opts: ImportOptions): Promise<ImportReport> {
  const params = new URLSearchParams({
    dryRun: String(opts.dryRun),
    skipInvalid: String(opts.skipInvalid),
    fileName: file.name.slice(0, 200),
  });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let outcome: { report?: ImportReport; error?: Problem } = {};
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n');
      if (end < seen) return;
      for (const line of text.slice(seen, end).split('\n')) {
        if (!line.trim()) continue;
        const v = JSON.parse(line) as ImportProgress & {
          report?: ImportReport;
          error?: Omit<Problem, 'type'>;
        };
        if (v.report) outcome = { report: v.report };
        else if (v.error) outcome = { error: { ...problemOf(500, '', '', ''), ...v.error } };
        else opts.onProgress(v);
      }
      seen = end + 1;
    };
    xhr.open('POST', `/api/v1/${opts.target}/imports?${params}`);
    xhr.setRequestHeader('accept', 'application/x-ndjson, application/problem+json');
    xhr.setRequestHeader(
      'content-type',
      /\.csv$/i.test(file.name)
        ? 'text/csv'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const token = readCookie(CSRF_COOKIE);
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (e) =>
      opts.onProgress({
        phase: 'uploading',
        loaded: e.loaded,
        total: e.lengthComputable ? e.total : file.size,
      });
    const streamed = () => (xhr.getResponseHeader('content-type') ?? '').includes('ndjson');
    xhr.onprogress = () => {
      if (xhr.status >= 200 && xhr.status < 300 && streamed()) readLines();
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        let body: unknown;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = undefined;
        }
        const zh = i18n.t('problem.unexpected', { lng: 'zh-CN', status: xhr.status });
        const en = i18n.t('problem.unexpected', { lng: 'en', status: xhr.status });
        reject(new ApiError(isProblem(body) ? body : problemOf(xhr.status, 'unexpected_response', zh, en)));
        return;
      }
      if (!streamed()) {
        resolve(JSON.parse(xhr.responseText) as ImportReport);
        return;
      }
      readLines();
      if (outcome.report) resolve(outcome.report);
      else if (outcome.error) reject(new ApiError(outcome.error));
      else
        reject(new ApiError(problemOf(xhr.status, 'unexpected_response', '导入没有返回报告', 'No report')));
    };
    xhr.onerror = () =>
      reject(
        new ApiError(
          problemOf(
            0,
            'network_error',
            i18n.t('problem.network', { lng: 'zh-CN' }),
            i18n.t('problem.network', { lng: 'en' }),
          ),
        ),
      );
    opts.signal?.addEventListener('abort', () => xhr.abort());
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.send(file);
  });
}
