import { Empty, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordVersion } from '../../api/registry';
import { useCodeLists } from '../../api/registry';
import { beijing, type RegistryLabels, useRegistryLabels } from './labels';

const empty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/** One value of a change, in words: codes by their names, lists joined, yes/no for flags. */
function useShow() {
  const { t } = useTranslation();
  const labels: RegistryLabels = useRegistryLabels();
  const lists = useCodeLists().data;
  const category = (c: string) => {
    const name = lists?.categories.find((x) => x.code === c)?.nameZh;
    return name ? `${name}（${c}）` : c;
  };
  const named = (list: { code: string; nameZh: string }[] | undefined, c: string) =>
    list?.find((x) => x.code === c)?.nameZh ?? c;
  const grades = t('registry.titleGrades', { returnObjects: true }) as Record<string, string>;
  const filing = t('registry.filingStatuses', { returnObjects: true }) as Record<string, string>;
  const person = t('registry.practitionerStatuses', { returnObjects: true }) as Record<string, string>;
  const byField: Record<string, (v: unknown) => string> = {
    kind: (v) => labels.kind(String(v)),
    status: (v) => labels.statuses[String(v)] ?? person[String(v)] ?? String(v),
    ownership: (v) => labels.ownership(String(v)),
    level: (v) => labels.level(String(v)),
    profession: (v) => labels.profession(String(v)),
    forProfit: (v) => labels.forProfit(v as boolean),
    categoryCode: (v) => category(String(v)),
    flags: (v) => (v as string[]).map(labels.flag).join('、'),
    clinicalSubjects: (v) => (v as string[]).map((c) => named(lists?.clinicalSubjects, c)).join('、'),
    titleGrade: (v) => grades[String(v)] ?? String(v),
    practiceCategory: (v) => named(lists?.practiceCategories, String(v)),
    practiceScopes: (v) => (v as string[]).map((c) => named(lists?.practiceScopes, c)).join('、'),
    primaryEstablishmentId: (v) => `#${v}`,
    siteEstablishmentId: (v) => `#${v}`,
  };
  const show = (field: string, v: unknown): string => {
    if (empty(v)) return '—';
    const known = byField[field];
    if (known) return known(v);
    if (typeof v === 'boolean') return v ? t('registry.yes') : t('registry.no');
    if (Array.isArray(v)) return v.join('、');
    if (typeof v === 'object')
      // A multi-site filing: its own fields, its status as a filing's.
      return Object.entries(v as Record<string, unknown>)
        .map(
          ([k, x]) => `${labels.field(k)}：${k === 'status' ? (filing[String(x)] ?? String(x)) : show(k, x)}`,
        )
        .join('；');
    return String(v);
  };
  return show;
}

/** 变更历史: newest first; each version says who, when, how, and what changed field by field. */
export function HistoryTimeline({ items }: { items: RecordVersion[] }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const show = useShow();
  if (items.length === 0) return <Empty description={t('registry.historyEmpty')} />;
  return (
    <Timeline
      className="wj-history"
      items={items.map((v) => ({
        key: v.version,
        color: v.action === 'create' ? 'green' : v.action === 'import' ? 'blue' : 'gray',
        content: (
          <section aria-label={t('registry.versionN', { n: v.version })}>
            <div className="wj-history-head">
              <Tag>{t('registry.versionN', { n: v.version })}</Tag>
              <strong>{labels.action(v.action)}</strong>
              <span>{v.actor.name ?? t('registry.system')}</span>
              <time dateTime={v.changedAt} className="wj-muted">
                {beijing(v.changedAt)}
              </time>
              {v.importBatchId !== null && (
                <span className="wj-muted">{t('registry.importBatch', { id: v.importBatchId })}</span>
              )}
            </div>
            {v.changes.length > 0 && (
              <div className="wj-scroll-x">
                <table className="wj-diff wj-history-diff">
                  <thead>
                    <tr>
                      <th scope="col">{t('registry.diffField')}</th>
                      <th scope="col">{t('registry.diffBefore')}</th>
                      <th scope="col">{t('registry.diffAfter')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.changes.map((c) => (
                      <tr key={c.field}>
                        <th scope="row">{labels.field(c.field)}</th>
                        <td className={empty(c.before) ? undefined : 'wj-diff-before'}>
                          {show(c.field, c.before)}
                        </td>
                        <td className={empty(c.after) ? undefined : 'wj-diff-after'}>
                          {show(c.field, c.after)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        ),
      }))}
    />
  );
}
