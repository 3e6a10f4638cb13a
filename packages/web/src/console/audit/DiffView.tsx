import { useTranslation } from 'react-i18next';

const isChange = (v: unknown): v is [unknown, unknown] => Array.isArray(v) && v.length === 2;

const empty = (v: unknown) => v === null || v === undefined;

function show(v: unknown): string {
  if (empty(v)) return '—';
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.join(', ');
  return JSON.stringify(v);
}

/**
 * An audit row's difference: {field: [before, after]} as before → after, other facts (counts,
 * filters, which fields were read) as they are. Values are text, never markup.
 */
export function DiffView({ diff }: { diff: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(diff);
  if (entries.length === 0) return <span className="wj-muted">{t('audit.noDiff')}</span>;
  return (
    <table className="wj-diff">
      <thead>
        <tr>
          <th scope="col">{t('audit.diffField')}</th>
          <th scope="col">{t('audit.diffBefore')}</th>
          <th scope="col">{t('audit.diffAfter')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([field, value]) =>
          isChange(value) ? (
            <tr key={field}>
              <th scope="row">{field}</th>
              <td className={empty(value[0]) ? undefined : 'wj-diff-before'}>{show(value[0])}</td>
              <td className={empty(value[1]) ? undefined : 'wj-diff-after'}>{show(value[1])}</td>
            </tr>
          ) : (
            <tr key={field}>
              <th scope="row">{field}</th>
              <td colSpan={2}>{show(value)}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
