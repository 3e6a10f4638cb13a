import { Card, Collapse, Descriptions, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PermitDefinition } from '../../../api/licensing';
import { MODE_COLORS, useLicensingLabels } from '../labels';

/** A permit type as the catalogue defines it: mode, level, limits, materials, conditions, guide, model texts. */
export function PermitDefinitionView({ d, effectiveFrom }: { d: PermitDefinition; effectiveFrom?: string }) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const yn = (b: boolean) => (b ? t('licensing.yes') : t('licensing.no'));
  return (
    <>
      <Card size="small" className="wj-gap">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            {
              key: 'mode',
              label: t('licensing.mode'),
              children: <Tag color={MODE_COLORS[d.mode]}>{labels.mode(d.mode)}</Tag>,
            },
            { key: 'level', label: t('licensing.level'), children: labels.level(d.level) },
            {
              key: 'department',
              label: t('licensing.department'),
              children: labels.department(d.departmentCode),
            },
            {
              key: 'statutory',
              label: t('licensing.statutoryLimit'),
              children: labels.days(d.statutoryLimitDays),
            },
            {
              key: 'committed',
              label: t('licensing.committedLimit'),
              children: labels.days(d.committedLimitDays),
            },
            ...(effectiveFrom
              ? [{ key: 'from', label: t('licensing.effectiveFrom'), children: effectiveFrom }]
              : []),
            { key: 'site', label: t('licensing.siteInspection'), children: yn(d.siteInspection) },
            { key: 'expert', label: t('licensing.expertReview'), children: yn(d.expertReview) },
            ...(d.twoInOne ? [{ key: 'twoInOne', label: t('licensing.twoInOne'), children: yn(true) }] : []),
            {
              key: 'validity',
              label: t('licensing.validityYears'),
              children: d.validityYears
                ? t('licensing.years', { n: d.validityYears })
                : t('licensing.longTerm'),
            },
            ...(d.seedItems.length
              ? [{ key: 'seed', label: t('licensing.seedItems'), children: d.seedItems.join('、') }]
              : []),
            {
              key: 'basis',
              label: t('licensing.legalBasis'),
              children: (
                <ul className="wj-plain-list">
                  {d.legalBasis.map((c) => (
                    <li key={c.zh}>{labels.citation(c)}</li>
                  ))}
                </ul>
              ),
            },
            { key: 'citation', label: t('licensing.citation'), children: labels.citation(d.citation) },
          ]}
        />
      </Card>
      <Card size="small" title={t('licensing.guide')} className="wj-gap">
        <p>{labels.en ? d.guide.summaryEn : d.guide.summaryZh}</p>
        {d.guide.stepsZh.length > 0 && (
          <>
            <h3 className="wj-subtitle">{t('licensing.steps2')}</h3>
            <ol className="wj-plain-list">
              {d.guide.stepsZh.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          </>
        )}
        {d.guide.noteZh && <p className="wj-muted wj-small">{d.guide.noteZh}</p>}
      </Card>
      {d.materials.length > 0 && (
        <Card size="small" title={t('licensing.materials')} className="wj-gap">
          <List
            size="small"
            dataSource={d.materials}
            renderItem={(m) => (
              <List.Item key={m.code}>
                <span className="wj-stack">
                  <span>
                    {labels.name(m)}{' '}
                    {m.removed ? (
                      <Tag color="green">{t('licensing.removed')}</Tag>
                    ) : (
                      <Tag>
                        {m.required ? t('licensing.materialRequired') : t('licensing.materialOptional')}
                      </Tag>
                    )}
                  </span>
                  {m.removed && (
                    <span className="wj-muted wj-small">
                      {m.removed.replacedBy &&
                        t('licensing.removedBy', { lookup: labels.lookup(m.removed.replacedBy) })}{' '}
                      {labels.citation(m.removed.citation)}
                    </span>
                  )}
                </span>
              </List.Item>
            )}
          />
        </Card>
      )}
      {d.conditions.length > 0 && (
        <Card size="small" title={t('licensing.conditionsToCommit')} className="wj-gap">
          <ol className="wj-plain-list">
            {d.conditions.map((c) => (
              <li key={c.code}>{labels.en ? c.textEn : c.textZh}</li>
            ))}
          </ol>
        </Card>
      )}
      {d.modelTexts.length > 0 && (
        <Card size="small" title={t('licensing.modelTexts')} className="wj-gap">
          <Collapse
            items={d.modelTexts.map((m) => ({
              key: m.code,
              label: labels.en ? m.titleEn : m.titleZh,
              children: <div className="wj-model-text">{m.bodyZh}</div>,
            }))}
          />
        </Card>
      )}
    </>
  );
}
