import { Link } from 'react-router';
import { type MessageKey, type Translate, useT } from '../i18n';
import { PubError, PubLoading, PubSection } from '../public-ui';
import { type PermitSummary, usePermitTypes } from '../publicApi';
import { PublicLayout } from '../shell/PublicLayout';

export function limitText(t: Translate, p: PermitSummary): string {
  if (p.committedLimitDays === 0) return String(t('pub.catalogue.onSpot'));
  const s = String(p.statutoryLimitDays ?? '—');
  const c = String(p.committedLimitDays ?? '—');
  return String(t('pub.catalogue.limit', { s, c }));
}

/** /catalogue — the permit catalogue in force, by reform mode; each entry opens its guide. */
export default function CataloguePage() {
  const { t, en } = useT();
  const types = usePermitTypes();
  const groups = new Map<string, PermitSummary[]>();
  for (const p of types.data?.items ?? []) groups.set(p.mode, [...(groups.get(p.mode) ?? []), p]);
  return (
    <PublicLayout>
      <h1 className="wj-pub-title">{t('pub.catalogue.title')}</h1>
      <p>{t('pub.catalogue.intro')}</p>
      {types.isPending && <PubLoading />}
      {types.isError && <PubError error={types.error} />}
      {[...groups].map(([mode, items], i) => (
        <PubSection
          key={mode}
          id={`mode-${i}`}
          title={t(`pub.modes.${mode}` as MessageKey, { defaultValue: mode })}
        >
          <ul className="wj-pub-cards">
            {items.map((p) => (
              <li key={p.code}>
                <Link to={`/catalogue/${encodeURIComponent(p.code)}`}>
                  <strong>{en ? p.nameEn : p.nameZh}</strong>
                </Link>
                <div>
                  {t('pub.catalogue.level')}：{t(`pub.catalogue.levels.${p.level}` as const)} ·{' '}
                  {limitText(t, p)}
                </div>
                <div className="wj-pub-muted">{p.summaryZh}</div>
              </li>
            ))}
          </ul>
        </PubSection>
      ))}
    </PublicLayout>
  );
}
