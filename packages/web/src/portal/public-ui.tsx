import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError, type ProblemFieldError } from '../api/problem';
import { type PortalLanguage, useT } from './i18n';
import type { Citation } from './publicApi';

/** A titled section of a public page. */
export function PubSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="wj-pub-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function PubLoading() {
  const { t } = useT();
  return (
    <p className="wj-pub-loading" role="status">
      {t('pub.shell.loading')}
    </p>
  );
}

export type Tone = 'green' | 'red' | 'orange' | 'blue' | 'grey';

/** A short status label; its colour repeats what the text says (never the only signal). */
export function Tag({ tone = 'grey', children }: { tone?: Tone | undefined; children: ReactNode }) {
  return <span className={`wj-pub-tag wj-pub-tag-${tone}`}>{children}</span>;
}

/** A boxed message: `error` is announced at once (role=alert), the others politely. */
export function Notice({
  tone,
  title,
  children,
}: {
  tone: 'info' | 'warning' | 'error' | 'success';
  title: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className={`wj-pub-notice wj-pub-notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <strong>{title}</strong>
      {children && <div>{children}</div>}
    </div>
  );
}

const pick = (m: { messageZh: string; messageEn: string }, lang: PortalLanguage) =>
  lang === 'en' ? m.messageEn || m.messageZh : m.messageZh || m.messageEn;

/** An API error in the reader's language, with the field details a form could not place. */
export function ProblemNotice({ error, extra = [] }: { error: unknown; extra?: ProblemFieldError[] }) {
  const { t, lang } = useT();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  return (
    <Notice tone="error" title={problem ? pick(problem, lang) : t('pub.shell.problemTitle')}>
      {extra.length > 0 && (
        <ul>
          {extra.map((e) => (
            <li key={pick(e, lang)}>{pick(e, lang)}</li>
          ))}
        </ul>
      )}
      {problem?.requestId && (
        <small className="wj-pub-muted">{t('pub.shell.requestId', { id: problem.requestId })}</small>
      )}
    </Notice>
  );
}

export function PubError({ error }: { error: unknown }) {
  const { t, lang } = useT();
  const message = error instanceof ApiError ? pick(error.problem, lang) : String(error);
  return (
    <Notice tone="error" title={t('pub.loadFailed')}>
      {message}
    </Notice>
  );
}

/** "Not found" with a way on: the page's h1, a line of help, one link. */
export function PubNotFound({
  title,
  body,
  to,
  action,
}: {
  title: string;
  body?: string;
  to: string;
  action: string;
}) {
  return (
    <div className="wj-pub-empty">
      <h1 className="wj-pub-title">{title}</h1>
      {body && <p>{body}</p>}
      <p>
        <Link to={to} className="wj-pub-button wj-pub-button-primary">
          {action}
        </Link>
      </p>
    </div>
  );
}

export function useBi(): (c: { zh: string; en: string } | Citation) => string {
  const { en } = useT();
  return (c) => (en ? c.en : c.zh);
}

export const text = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : String(v));
