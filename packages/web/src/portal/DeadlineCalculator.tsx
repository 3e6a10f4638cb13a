import { type FormEvent, useState } from 'react';
import type { DeadlineUnit } from '../api/calendar';
import { DeadlineResultView } from './DeadlineResultView';
import { fieldErrors, today } from './format';
import { useT } from './i18n';
import { ProblemNotice } from './public-ui';
import { fetchDeadline } from './publicApi';
import { described, Field } from './shell/Field';
import { useAction } from './useResource';

const FIELDS = ['from', 'days', 'unit'] as const;

/** 法定期限计算器: N working days (start day not counted) or N calendar days (moved off rest days). */
export function DeadlineCalculator() {
  const { t, lang } = useT();
  const [from, setFrom] = useState(today);
  const [days, setDays] = useState('20');
  const [unit, setUnit] = useState<DeadlineUnit>('working');
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const deadline = useAction(fetchDeadline);
  const server = fieldErrors(deadline.error, lang, FIELDS);
  const errors = { ...server.byField, ...invalid };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(days);
    const local: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) local.from = t('deadline.fromRequired');
    if (days.trim() === '') local.days = t('deadline.daysRequired');
    else if (!Number.isInteger(n) || n < 1 || n > 3650) local.days = t('deadline.daysInteger');
    setInvalid(local);
    if (Object.keys(local).length === 0) void deadline.mutate({ from, days: n, unit });
  };

  const unitHelp = unit === 'working' ? t('deadline.unitWorkingHelp') : t('deadline.unitCalendarHelp');
  return (
    <div className="wj-pub-card">
      <h2 className="wj-pub-card-title">{t('deadline.title')}</h2>
      <p className="wj-pub-muted">{t('deadline.intro')}</p>
      <form name="deadline" noValidate onSubmit={submit} className="wj-pub-form">
        <div className="wj-pub-form-row">
          <Field id="deadline-from" label={t('deadline.from')} error={errors.from} required>
            <input
              id="deadline-from"
              type="date"
              className="wj-pub-input"
              value={from}
              required
              onChange={(e) => setFrom(e.target.value)}
              {...described('deadline-from', false, errors.from)}
            />
          </Field>
          <Field id="deadline-days" label={t('deadline.days')} error={errors.days} required>
            <input
              id="deadline-days"
              type="number"
              inputMode="numeric"
              min={1}
              max={3650}
              step={1}
              className="wj-pub-input"
              value={days}
              required
              onChange={(e) => setDays(e.target.value)}
              {...described('deadline-days', false, errors.days)}
            />
          </Field>
        </div>
        <fieldset className="wj-pub-fieldset" aria-describedby="deadline-unit-help">
          <legend>{t('deadline.unit')}</legend>
          <div className="wj-pub-segmented">
            {(['working', 'calendar'] as const).map((u) => (
              <label key={u}>
                <input type="radio" name="unit" value={u} checked={unit === u} onChange={() => setUnit(u)} />
                <span>{u === 'working' ? t('deadline.unitWorking') : t('deadline.unitCalendar')}</span>
              </label>
            ))}
          </div>
          <div id="deadline-unit-help" className="wj-pub-help">
            {unitHelp}
          </div>
          {errors.unit && <div className="wj-pub-error">{errors.unit}</div>}
        </fieldset>
        <button
          type="submit"
          className="wj-pub-button wj-pub-button-primary wj-pub-button-block-phone"
          aria-busy={deadline.isPending}
          disabled={deadline.isPending}
        >
          {t('deadline.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {deadline.isError && <ProblemNotice error={deadline.error} extra={server.rest} />}
        {deadline.data && !deadline.isError && <DeadlineResultView result={deadline.data} />}
      </div>
    </div>
  );
}
