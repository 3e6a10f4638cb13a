import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { DeadlineCalculator } from './DeadlineCalculator';
import { useT } from './i18n';
import { PublicLayout } from './shell/PublicLayout';

/** The public home: what the platform is for, the establishment search, and the deadline calculator. */
export default function HomePage() {
  const { t } = useT();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <PublicLayout>
      <section aria-labelledby="intro-title" className="wj-pub-intro">
        <h1 id="intro-title" className="wj-pub-title">
          {t('portal.introTitle')}
        </h1>
        <p>{t('portal.introBody')}</p>
        <p>{t('portal.introPublic')}</p>
      </section>
      <section aria-labelledby="scan-title" className="wj-pub-section wj-pub-card">
        <h2 id="scan-title">{t('pub.home.scanTitle')}</h2>
        <p>{t('pub.home.scanBody')}</p>
        {/* biome-ignore lint/a11y/useSemanticElements: a search landmark; <search> is too new for older phones */}
        <form
          role="search"
          aria-label={t('pub.search.title')}
          onSubmit={submit}
          className="wj-pub-inline-form"
        >
          <input
            type="search"
            className="wj-pub-input"
            aria-label={t('pub.search.query')}
            placeholder={t('pub.search.queryPlaceholder')}
            maxLength={50}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <button type="submit" className="wj-pub-button wj-pub-button-primary">
            {t('pub.search.submit')}
          </button>
        </form>
      </section>
      <section aria-label={t('portal.toolsTitle')}>
        <DeadlineCalculator />
      </section>
    </PublicLayout>
  );
}
