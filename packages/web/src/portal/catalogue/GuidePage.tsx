import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { type MessageKey, useT } from '../i18n';
import { PubError, PubLoading, PubNotFound, PubSection, Tag, useBi } from '../public-ui';
import { usePermitType } from '../publicApi';
import { PublicLayout } from '../shell/PublicLayout';
import { limitText } from './CataloguePage';

function download(title: string, body: string) {
  const url = URL.createObjectURL(new Blob([body], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${title}.txt`;
  a.click();
  URL.revokeObjectURL(url);
}

/** /catalogue/:code — one permit's guide: conditions, materials, limits, fees, steps, model texts. */
export default function GuidePage() {
  const { t, en } = useT();
  const { code = '' } = useParams();
  const bi = useBi();
  const permit = usePermitType(code);
  if (permit.isError)
    return (
      <PublicLayout>
        {permit.error instanceof ApiError && permit.error.problem.status === 404 ? (
          <PubNotFound title={t('pub.catalogue.notFound')} to="/catalogue" action={t('pub.catalogue.back')} />
        ) : (
          <PubError error={permit.error} />
        )}
      </PublicLayout>
    );
  if (!permit.data)
    return (
      <PublicLayout>
        <PubLoading />
      </PublicLayout>
    );
  const d = permit.data.definition;
  return (
    <PublicLayout>
      <p>
        <Link to="/catalogue">{t('pub.catalogue.back')}</Link>
      </p>
      <h1 className="wj-pub-title">{en ? d.nameEn : d.nameZh}</h1>
      <p>
        <Tag>{t(`pub.modes.${d.mode}` as MessageKey, { defaultValue: d.mode })}</Tag>{' '}
        {t('pub.catalogue.level')}：{t(`pub.catalogue.levels.${d.level}` as const)} · {limitText(t, d)}
      </p>
      <p>{en ? d.guide.summaryEn : d.guide.summaryZh}</p>
      {/* The catalogue's own note on fees and where to apply (editable per version); the legal default
          (行政许可法 第五十八条: no fee) where it has none or the reader asked for English. */}
      <p>{!en && d.guide.noteZh.trim() ? d.guide.noteZh : t('pub.catalogue.fees')}</p>
      <p>
        {t('pub.catalogue.whereToApply', {
          department: t(`pub.departments.${d.departmentCode}` as MessageKey, {
            defaultValue: d.departmentCode,
          }),
        })}
      </p>
      <PubSection id="materials" title={t('pub.catalogue.materials')}>
        <ol>
          {d.materials.map((m) => (
            <li key={m.code}>
              {en ? m.nameEn : m.nameZh}{' '}
              <Tag>
                {m.removed
                  ? t('pub.catalogue.removed')
                  : m.required
                    ? t('pub.catalogue.required')
                    : t('pub.catalogue.optional')}
              </Tag>
            </li>
          ))}
        </ol>
      </PubSection>
      {d.conditions.length > 0 && (
        <PubSection id="conditions" title={t('pub.catalogue.conditions')}>
          <ol>
            {d.conditions.map((c) => (
              <li key={c.textZh}>{c.textZh}</li>
            ))}
          </ol>
        </PubSection>
      )}
      {d.guide.stepsZh.length > 0 && (
        <PubSection id="steps" title={t('pub.catalogue.steps')}>
          <ol>
            {d.guide.stepsZh.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </PubSection>
      )}
      {d.modelTexts.length > 0 && (
        <PubSection id="model-texts" title={t('pub.catalogue.modelTexts')}>
          <ul className="wj-pub-cards">
            {d.modelTexts.map((m) => (
              <li key={m.code}>
                <strong>{en ? m.titleEn : m.titleZh}</strong>{' '}
                <button
                  type="button"
                  className="wj-pub-button wj-pub-button-small"
                  onClick={() => download(m.titleZh, m.bodyZh)}
                >
                  {t('pub.catalogue.download')}
                </button>
              </li>
            ))}
          </ul>
        </PubSection>
      )}
      <PubSection id="basis" title={t('pub.catalogue.basis')}>
        <ul>
          {d.legalBasis.map((c) => (
            <li key={c.zh}>{bi(c)}</li>
          ))}
        </ul>
      </PubSection>
    </PublicLayout>
  );
}
