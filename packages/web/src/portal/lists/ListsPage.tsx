import { Link, useParams } from 'react-router';
import { useT } from '../i18n';
import { PubError, PubLoading, text, useBi } from '../public-ui';
import { usePublicList } from '../publicApi';
import { PublicLayout } from '../shell/PublicLayout';

const LISTS = [
  'approved_institutions',
  'notices',
  'blacklist',
  'revoked_licences',
  'penalties',
  'commitments',
];
/** The fields that head each card (the rest are listed under it, in dictionary order). */
const HEAD: Record<string, [string, string]> = {
  approved_institutions: ['establishmentName', 'licenceName'],
  notices: ['establishmentName', 'permitName'],
  blacklist: ['name', 'reason'],
  revoked_licences: ['establishmentName', 'licenceName'],
  penalties: ['partyName', 'violationType'],
  commitments: ['establishmentName', 'permitName'],
};
/** Machine values (English enums) stay in the open data; the cards show the readable fields. */
const RAW_ENUMS = new Set(['partyKind', 'severity', 'status', 'kind', 'verification']);
const TITLES: Record<string, [string, string]> = {
  approved_institutions: ['辅助生殖机构名单', 'Assisted reproduction'],
  notices: ['许可公示', 'Notices'],
  blacklist: ['黑名单', 'Blacklist'],
  revoked_licences: ['吊销撤销许可', 'Revoked licences'],
  penalties: ['行政处罚', 'Penalties'],
  commitments: ['告知承诺', 'Commitments'],
};

function PublicList({ dataset }: { dataset: string }) {
  const { t, en } = useT();
  const bi = useBi();
  const list = usePublicList(dataset);
  if (list.isError) return <PubError error={list.error} />;
  if (!list.data) return <PubLoading />;
  const { dictionary: d, items } = list.data;
  const [headName, subName] = HEAD[dataset] ?? [d.fields[0]!.name, d.fields[1]!.name];
  const rest = d.fields.filter((f) => f.name !== headName && f.name !== subName && !RAW_ENUMS.has(f.name));
  return (
    <div>
      <h2 id="list-title">{en ? d.titleEn : d.titleZh}</h2>
      <p>
        {t('pub.lists.period')}：{en ? d.periodEn : d.periodZh}
      </p>
      <details>
        <summary>{t('pub.lists.basis')}</summary>
        <ul>
          {d.citations.map((c) => (
            <li key={c.zh}>{bi(c)}</li>
          ))}
        </ul>
      </details>
      {items.length === 0 ? (
        <p>{t('pub.lists.empty')}</p>
      ) : (
        <ul className="wj-pub-cards">
          {items.map((r) => (
            <li key={Object.values(r).join('|')}>
              <strong>{text(r[headName])}</strong>
              <div>{text(r[subName])}</div>
              <dl className="wj-pub-facts">
                {rest
                  .filter((f) => r[f.name] !== null && r[f.name] !== '')
                  .map((f) => (
                    <div key={f.name} className="wj-pub-fact">
                      <dt>{en ? f.en : f.zh}</dt>
                      <dd>{text(r[f.name])}</dd>
                    </div>
                  ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** /lists/:dataset — the public lists (一公开), each with its period and basis, from the disclosure gate. */
export default function ListsPage() {
  const { t, en } = useT();
  const { dataset = LISTS[0]! } = useParams();
  const active = LISTS.includes(dataset) ? dataset : LISTS[0]!;
  return (
    <PublicLayout>
      <h1 className="wj-pub-title">{t('pub.lists.title')}</h1>
      <p>{t('pub.lists.intro')}</p>
      {/* One address per list: the choice is a link (shareable, works with the back button). */}
      <nav aria-label={t('pub.lists.title')} className="wj-pub-tabs">
        <ul>
          {LISTS.map((k) => (
            <li key={k}>
              <Link to={`/lists/${k}`} aria-current={k === active ? 'page' : undefined}>
                {en ? TITLES[k]![1] : TITLES[k]![0]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="list-title" className="wj-pub-section">
        <PublicList key={active} dataset={active} />
      </section>
    </PublicLayout>
  );
}
