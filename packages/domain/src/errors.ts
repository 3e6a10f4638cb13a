/**
 * A rule of the domain was broken. Domain code throws these; only the HTTP layer maps `code` to a
 * status. Every message exists in Chinese (the UI default) and English.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, messageZh: string, messageEn: string, details?: Record<string, unknown>) {
    super(messageEn);
    this.name = 'DomainError';
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.details = details;
  }
}
