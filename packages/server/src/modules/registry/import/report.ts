/** The import report: shown before anything is written (dry run) and after a commit. */
export interface ImportError {
  /** Spreadsheet row (the header is row 1; 0 = the file as a whole). */
  row: number;
  /** Header of the column ('' = the whole row or file). */
  column: string;
  code: string;
  /** Clear Chinese message. */
  message: string;
  messageEn: string;
}

export interface ImportReport {
  rows: number;
  valid: number;
  errors: ImportError[];
  /** All errors found; `errors` lists at most the first `maxErrors` of them (by row). */
  errorCount: number;
  /** Rows taken with a note, e.g. a credit code that fails its check but was accepted. */
  warnings: ImportError[];
  dryRun: boolean;
  committed: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  batchId: number | null;
}

export function emptyReport(dryRun: boolean): ImportReport {
  return {
    rows: 0,
    valid: 0,
    errors: [],
    errorCount: 0,
    warnings: [],
    dryRun,
    committed: false,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    batchId: null,
  };
}

/** The report exactly as `weijian import … --json` prints it. */
export function cliReport(r: ImportReport): {
  rows: number;
  valid: number;
  errors: { row: number; column: string; code: string; message: string }[];
} {
  return {
    rows: r.rows,
    valid: r.valid,
    errors: r.errors.map(({ row, column, code, message }) => ({ row, column, code, message })),
  };
}
