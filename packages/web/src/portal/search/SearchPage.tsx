import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type MessageKey, useT } from '../i18n';
import { PubError, PubLoading, text } from '../public-ui';
import { type SearchParams, useEstablishmentSearch } from '../publicApi';
import { PublicLayout } from '../shell/PublicLayout';

const KINDS = [
  'medical',
  'public_place',
  'drinking_water',
  'disinfection',
  'radiation',
  'school',
  'occupational',
  'other',
];
/** An establishment code (13) or a credit code (18): letters and digits only. */
const looksLikeCode = (s: string) => /^[0-9A-Za-z]{13}$|^[0-9A-Za-z]{18}$/.test(s);

/** /search — find an establishment by name or code, kind and region; the criteria live in the URL. */
export default function SearchPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? params.get('code') ?? '');
  const [kind, setKind] = useState(params.get('kind') ?? '');
  const [region, setRegion] = useState(params.get('region') ?? '');
  const query: SearchParams = {
    page: Number(params.get('page') ?? 1) || 1,
    ...(params.get('q') ? { q: params.get('q')! } : {}),
    ...(params.get('code') ? { code: params.get('code')! } : {}),
    ...(params.get('kind') ? { kind: params.get('kind')! } : {}),
    ...(params.get('region') ? { region: params.get('region')! } : {}),
  };
  const searched = Boolean(query.q || query.code || query.kind || query.region);
  const result = useEstablishmentSearch(query, searched);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    const s = q.trim();
    if (s) next.set(looksLikeCode(s) ? 'code' : 'q', s);
    if (kind) next.set('kind', kind);
    if (region.trim()) next.set('region', region.trim());
    setParams(next);
  };
  const goPage = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    setParams(next);
  };

  return (
    <PublicLayout>
      <h1 className="wj-pub-title">{t('pub.search.title')}</h1>
      <p>{t('pub.search.intro')}</p>
      <form aria-label={t('pub.search.title')} onSubmit={submit} className="wj-pub-search">
        <div className="wj-pub-field">
          <label htmlFor="pub-q">{t('pub.search.query')}</label>
          <input
            id="pub-q"
            type="search"
            className="wj-pub-input"
            name="q"
            value={q}
            maxLength={50}
            placeholder={t('pub.search.queryPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <div className="wj-pub-field">
          <label htmlFor="pub-kind">{t('pub.search.kind')}</label>
          <select
            id="pub-kind"
            className="wj-pub-input"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
          >
            <option value="">{t('pub.search.anyKind')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`pub.kinds.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="wj-pub-field">
          <label htmlFor="pub-region">{t('pub.search.region')}</label>
          <input
            id="pub-region"
            className="wj-pub-input"
            name="region"
            value={region}
            maxLength={9}
            inputMode="numeric"
            placeholder={t('pub.search.regionPlaceholder')}
            onChange={(e) => setRegion(e.target.value)}
          />
        </div>
        <button type="submit" className="wj-pub-button wj-pub-button-primary">
          {t('pub.search.submit')}
        </button>
      </form>
      {searched && result.isPending && <PubLoading />}
      {searched && result.isError && <PubError error={result.error} />}
      {searched && result.data && (
        <section aria-live="polite" aria-label={t('pub.search.title')}>
          <p>
            {result.data.capped
              ? t('pub.search.resultsCapped', { total: result.data.total })
              : t('pub.search.results', { total: result.data.total })}
          </p>
          {result.data.items.length === 0 ? (
            <p>{t('pub.search.empty')}</p>
          ) : (
            <ul className="wj-pub-cards">
              {result.data.items.map((e) => (
                <li key={String(e.publicCode)}>
                  <Link to={`/e/${String(e.publicCode)}`}>
                    <strong>{text(e.name)}</strong>
                  </Link>
                  <div>
                    {t(`pub.kinds.${String(e.kind)}` as MessageKey)} ·{' '}
                    {t(`pub.statuses.${String(e.status)}` as MessageKey)}
                  </div>
                  <div className="wj-pub-muted">{text(e.address)}</div>
                </li>
              ))}
            </ul>
          )}
          <div className="wj-pub-pager">
            <button
              type="button"
              className="wj-pub-button"
              disabled={query.page <= 1}
              onClick={() => goPage(query.page - 1)}
            >
              {t('pub.search.prev')}
            </button>
            <button
              type="button"
              className="wj-pub-button"
              disabled={query.page * result.data.pageSize >= result.data.total}
              onClick={() => goPage(query.page + 1)}
            >
              {t('pub.search.next')}
            </button>
          </div>
        </section>
      )}
    </PublicLayout>
  );
}
