/** The file as a whole cannot be read as a spreadsheet (reported as row 0 of the import report). */
export class SpreadsheetError extends Error {
  constructor(
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
    this.name = 'SpreadsheetError';
  }
}
