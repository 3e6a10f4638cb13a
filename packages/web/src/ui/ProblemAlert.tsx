import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ProblemFieldError, pickMessage } from '../api/problem';

/** The message of any error in the UI's language (problem+json messages come in both languages). */
export function useProblemText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) =>
    error instanceof ApiError ? pickMessage(error.problem, i18n.language) : t('problem.title');
}

interface Props {
  error: unknown;
  /** Field errors that could not be shown on a form field. */
  extra?: ProblemFieldError[];
  action?: React.ReactNode;
}

/** An error banner announced to screen readers; shows nothing when there is no error. */
export function ProblemAlert({ error, extra, action }: Props) {
  const { t, i18n } = useTranslation();
  const text = useProblemText();
  if (!error) return null;
  const requestId = error instanceof ApiError ? error.problem.requestId : undefined;
  const details = (extra ?? []).map((e) => pickMessage(e, i18n.language));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={text(error)}
      description={
        details.length > 0 || requestId ? (
          <>
            {details.length > 0 && (
              <ul className="wj-problem-list">
                {details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
            {requestId && <small className="wj-muted">{t('problem.requestId', { id: requestId })}</small>}
          </>
        ) : undefined
      }
      action={action}
    />
  );
}
