import { type MessageKey, useT } from '../i18n';
import { PubError, PubLoading, PubSection, useBi } from '../public-ui';
import { useDictionaries, useOpenData } from '../publicApi';
import { PublicLayout } from '../shell/PublicLayout';

/** /open-data — the daily data sets (CSV, JSON), their dictionary, and how to use the read-only API. */
export default function OpenDataPage() {
  const { t, en } = useT();
  const bi = useBi();
  const catalogue = useOpenData();
  const dictionaries = useDictionaries();
  return (
    <PublicLayout>
      <h1 className="wj-pub-title">{t('pub.openData.title')}</h1>
      <p>{t('pub.openData.intro')}</p>
      {catalogue.isPending && <PubLoading />}
      {catalogue.isError && <PubError error={catalogue.error} />}
      {catalogue.data && (
        <>
          <p className="wj-pub-muted">
            {t('pub.asOf', { date: catalogue.data.asOf })} · {catalogue.data.licence}
          </p>
          <ul className="wj-pub-cards">
            {catalogue.data.datasets.map((d) => {
              const dict = dictionaries.data?.find((x) => x.id === d.id);
              return (
                <li key={d.id}>
                  <strong>{en ? d.titleEn : d.titleZh}</strong>{' '}
                  <span className="wj-pub-muted">{t('pub.openData.records', { n: d.records })}</span>
                  {d.day !== catalogue.data?.asOf && (
                    <span className="wj-pub-muted"> · {t('pub.openData.snapshotOf', { date: d.day })}</span>
                  )}
                  <div>
                    <a href={d.csv} download>
                      CSV
                    </a>
                    {' · '}
                    <a href={d.json} download>
                      JSON
                    </a>
                  </div>
                  {dict && (
                    <details>
                      <summary>{t('pub.openData.dictionary')}</summary>
                      <p>{en ? dict.periodEn : dict.periodZh}</p>
                      <div className="wj-pub-table-wrap">
                        <table className="wj-pub-table">
                          <thead>
                            <tr>
                              <th scope="col">{t('pub.openData.field')}</th>
                              <th scope="col">{t('pub.openData.meaning')}</th>
                              <th scope="col">{t('pub.openData.treatment')}</th>
                            </tr>
                          </thead>
                          <tbody>
                            {dict.fields.map((f) => (
                              <tr key={f.name}>
                                <td className="wj-pub-code">{f.name}</td>
                                <td>{en ? f.en : f.zh}</td>
                                <td>{t(`pub.openData.treatments.${f.treatment}` as MessageKey)}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                      <ul>
                        {dict.citations.map((c) => (
                          <li key={c.zh}>{bi(c)}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <PubSection id="api" title={t('pub.openData.apiTitle')}>
        <p>{t('pub.openData.apiBody')}</p>
      </PubSection>
    </PublicLayout>
  );
}
