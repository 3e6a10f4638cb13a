import type { DeadlineResult } from '../api/calendar';
import { longDate } from './format';
import { useT } from './i18n';
import { Notice } from './public-ui';

/** The due date with its weekday, what was counted, the legal basis, and a warning when provisional. */
export function DeadlineResultView({ result }: { result: DeadlineResult }) {
  const { t, lang, en } = useT();
  const unitLabel = result.unit === 'working' ? t('deadline.unitWorking') : t('deadline.unitCalendar');
  return (
    <section aria-labelledby="deadline-result" className="wj-pub-result">
      <h3 id="deadline-result">{t('deadline.resultTitle')}</h3>
      {result.provisional && (
        <Notice
          tone="warning"
          title={t('deadline.provisional', {
            years: result.provisionalYears.join(t('deadline.yearSeparator')),
          })}
        />
      )}
      <dl className="wj-pub-facts wj-pub-facts-boxed">
        <dt>{t('deadline.due')}</dt>
        <dd>
          <strong className="wj-pub-due" data-testid="deadline-due">
            {longDate(result.due, lang)}
          </strong>
        </dd>
        <dt>{t('deadline.unit')}</dt>
        <dd>
          {t('deadline.summary', {
            from: longDate(result.from, lang),
            days: result.days,
            unit: en ? unitLabel.toLowerCase() : unitLabel,
          })}
        </dd>
        <dt>{t('deadline.citation')}</dt>
        <dd>{en ? result.citation.en : result.citation.zh}</dd>
      </dl>
    </section>
  );
}
