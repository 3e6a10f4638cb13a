import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PermitChange, PermitPreview } from '../../../api/licensingCatalogue';
import { pickMessage } from '../../../api/problem';

const KIND_COLORS: Record<string, string> = { added: 'green', removed: 'red', changed: 'blue' };

/** A value as a reader sees it: text as is, an item of a list by its names, other values as JSON. */
function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const name = o.nameZh ?? o.textZh ?? o.titleZh ?? o.zh;
    if (typeof name === 'string') return name;
  }
  return JSON.stringify(v, null, 1);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** For an item of a list that changed, only its fields that differ (e.g. required: ✓ → ✗). */
function differingFields(c: PermitChange): [string, unknown, unknown][] | null {
  if (c.kind !== 'changed' || !isRecord(c.before) || !isRecord(c.after)) return null;
  const b = c.before;
  const a = c.after;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => [k, b[k], a[k]]);
}

function Values({ before, after, kind }: { before: unknown; after: unknown; kind: PermitChange['kind'] }) {
  const { t } = useTranslation();
  return (
    <div className="wj-diff-values">
      {kind !== 'added' && (
        <>
          <span className="wj-muted">{t('licensingEdit.before')}</span>
          <span className="wj-diff-before">{show(before)}</span>
        </>
      )}
      {kind !== 'removed' && (
        <>
          <span className="wj-muted">{t('licensingEdit.after')}</span>
          <span className="wj-diff-after">{show(after)}</span>
        </>
      )}
    </div>
  );
}

function ChangeItem({ c }: { c: PermitChange }) {
  const { t } = useTranslation();
  const label = c.path
    .split('.')
    .map((part) => t(`licensingEdit.fieldNames.${part}`, { defaultValue: part }))
    .join(' · ');
  const fields = differingFields(c);
  return (
    <li>
      <Tag color={KIND_COLORS[c.kind]}>{t(`licensingEdit.kinds.${c.kind}`)}</Tag>
      <strong>{label}</strong>
      {fields ? (
        fields.map(([k, b, a]) => (
          <div key={k}>
            <span className="wj-muted wj-small">
              {t(`licensingEdit.fieldNames.${k}`, { defaultValue: k })}
            </span>
            <Values before={b} after={a} kind="changed" />
          </div>
        ))
      ) : (
        <Values before={c.before} after={c.after} kind={c.kind} />
      )}
    </li>
  );
}

/** The preview of a drafted version: its problems (if any) and each change against the version in force. */
export function VersionDiff({ preview }: { preview: PermitPreview }) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid="permit-preview">
      {preview.valid ? (
        <Alert
          type="success"
          showIcon
          className="wj-gap"
          message={t('licensingEdit.valid', { n: preview.changes.length })}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          className="wj-gap"
          message={t('licensingEdit.invalid', { n: preview.errors.length })}
          description={
            <ul className="wj-plain-list">
              {preview.errors.map((e) => (
                <li key={`${e.path}-${e.code}`}>{pickMessage(e, i18n.language)}</li>
              ))}
            </ul>
          }
        />
      )}
      <p className="wj-subtitle">
        {preview.current
          ? t('licensingEdit.previewTitle', {
              n: preview.current.version,
              date: preview.current.effectiveFrom,
            })
          : t('licensingEdit.previewNew')}
      </p>
      {preview.changes.length === 0 ? (
        <p className="wj-muted">{t('licensingEdit.noChanges')}</p>
      ) : (
        <ul className="wj-diff-list">
          {preview.changes.map((c) => (
            <ChangeItem key={c.path} c={c} />
          ))}
        </ul>
      )}
    </div>
  );
}
