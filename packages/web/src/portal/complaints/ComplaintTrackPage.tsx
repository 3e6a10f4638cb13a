import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n';
import { ProblemNotice, Tag, type Tone } from '../public-ui';
import { trackComplaint } from '../publicApi';
import { described, Field } from '../shell/Field';
import { PublicLayout } from '../shell/PublicLayout';
import { useAction } from '../useResource';

const STATE_TONES: Record<string, Tone> = {
  received: 'blue',
  accepted: 'blue',
  not_accepted: 'grey',
  concluded: 'green',
  closed: 'green',
};

/**
 * /complaints/track: a reporter follows a complaint with the query code: its state, the handling
 * unit and the public notes only (internal notes and other reporters never reach this page).
 */
export default function ComplaintTrackPage() {
  const { t, en } = useT();
  const location = useLocation();
  const fromReceipt = (location.state as { code?: string } | null)?.code;
  const [code, setCode] = useState(fromReceipt ?? '');
  const [invalid, setInvalid] = useState<string | undefined>();
  const lookup = useAction((c: string) => trackComplaint(c.trim()));

  // Arriving from the receipt: the code came in the router's state; look it up at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per arrival
  useEffect(() => {
    if (fromReceipt) {
      setCode(fromReceipt);
      void lookup.mutate(fromReceipt);
    }
  }, [fromReceipt]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const bad = !code.trim() || code.length > 40;
    setInvalid(bad ? t('complaintPortal.trackCodeRequired') : undefined);
    if (!bad) void lookup.mutate(code);
  };

  const r = lookup.error ? undefined : lookup.data;
  return (
    <PublicLayout>
      <div className="wj-pub-narrow">
        <h1 className="wj-pub-title">{t('complaintPortal.trackTitle')}</h1>
        <p>{t('complaintPortal.trackIntro')}</p>
        <form noValidate onSubmit={submit} className="wj-pub-form">
          <Field id="track-code" label={t('complaintPortal.trackCode')} error={invalid} required>
            <input
              id="track-code"
              className="wj-pub-input wj-pub-input-code"
              value={code}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
              required
              onChange={(e) => setCode(e.target.value)}
              {...described('track-code', false, invalid)}
            />
          </Field>
          <button
            type="submit"
            className="wj-pub-button wj-pub-button-primary wj-pub-button-block"
            disabled={lookup.isPending}
          >
            {t('complaintPortal.trackSubmit')}
          </button>
        </form>
        <div aria-live="polite">
          <ProblemNotice error={lookup.error} />
          {r && (
            <section className="wj-pub-card" aria-labelledby="tracking-number" data-testid="tracking">
              <h2 id="tracking-number" className="wj-pub-card-title wj-pub-code">
                {r.number}
              </h2>
              <dl className="wj-pub-facts">
                <dt>{t('complaintPortal.trackState')}</dt>
                <dd>
                  <Tag tone={STATE_TONES[r.state]}>{en ? r.stateLabelEn : r.stateLabel}</Tag>
                </dd>
                <dt>{t('complaintPortal.trackUnit')}</dt>
                <dd>{r.handlingUnit}</dd>
                <dt>{t('complaintPortal.trackCategory')}</dt>
                <dd>{r.categoryName}</dd>
                <dt>{t('complaintPortal.trackReceived')}</dt>
                <dd>{r.receivedOn}</dd>
              </dl>
              <h3 className="wj-pub-subtitle">{t('complaintPortal.trackHistory')}</h3>
              {r.history.length === 0 ? (
                <p className="wj-pub-muted">{t('complaintPortal.trackEmpty')}</p>
              ) : (
                <ol className="wj-pub-timeline">
                  {r.history.map((h, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows, in order
                    <li key={`${h.onDate}-${i}`}>
                      <div className="wj-pub-muted wj-pub-small">{h.onDate}</div>
                      {/* Text from the handling unit: shown as text, never as markup. */}
                      <div className="wj-pub-prewrap">{h.text}</div>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          )}
        </div>
        <p>
          <Link to="/complaints">{t('complaintPortal.newComplaint')}</Link>
        </p>
      </div>
    </PublicLayout>
  );
}
