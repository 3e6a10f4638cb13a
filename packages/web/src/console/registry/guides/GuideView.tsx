import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { departmentLabel, useDepartments } from '../../../api/units';
import { useIsPhone } from '../../../ui/useIsPhone';
import { beijing, useRegistryLabels } from '../labels';
import type { Citation, GuideContent, VersionInfo } from './guideApi';

export function useDepartmentName() {
  const { i18n } = useTranslation();
  const departments = useDepartments().data ?? [];
  return (code: string | null) => {
    if (!code) return '—';
    const d = departments.find((x) => x.code === code);
    return d ? departmentLabel(d, i18n.language) : code;
  };
}

export function CitationText({ citation }: { citation: Citation | null }) {
  const { i18n } = useTranslation();
  if (!citation) return null;
  return (
    <cite className="wj-citation">{i18n.language === 'en' ? citation.en || citation.zh : citation.zh}</cite>
  );
}

/** Version n · when · who · why (the shipped defaults are "built in", not dated 1970). */
export function VersionLine({ v, effectiveFrom }: { v: VersionInfo; effectiveFrom?: string | null }) {
  const { t } = useTranslation();
  const builtIn = new Date(v.createdAt).getTime() === 0;
  return (
    <p className="wj-muted wj-small">
      {t('guides.versionLine', {
        n: v.version,
        at: builtIn ? t('guides.builtIn') : beijing(v.createdAt),
        by: v.createdBy ?? t('registry.system'),
        note: v.note,
      })}
      {effectiveFrom && ` ${t('guides.effectiveFrom', { date: effectiveFrom })}`}
    </p>
  );
}

/** 谁来管 · 管什么 · 多久管 · 怎么管: one guide's content as read by inspectors and establishments. */
export function GuideView({ content: c }: { content: GuideContent }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const department = useDepartmentName();
  const isPhone = useIsPhone();
  return (
    <div className="wj-guide-section">
      <p>{c.summaryZh}</p>
      <h3>{t('guides.who')}</h3>
      {isPhone ? (
        <ul className="wj-guide-steps">
          {c.departments.map((d) => (
            <li key={`${d.departmentCode}:${d.matterZh}`}>
              <strong>{department(d.departmentCode)}</strong>
              <Tag color={d.role === 'lead' ? 'blue' : 'default'} className="wj-inline-tag">
                {d.role === 'lead' ? t('guides.lead') : t('guides.joint')}
              </Tag>
              <div>{d.matterZh}</div>
              <CitationText citation={d.citation} />
            </li>
          ))}
        </ul>
      ) : (
        <Table
          rowKey={(d) => `${d.departmentCode}:${d.matterZh}`}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={c.departments}
          columns={[
            {
              key: 'dept',
              title: t('guides.department'),
              render: (_, d) => (
                <span className="wj-stack">
                  <span>{department(d.departmentCode)}</span>
                  <Tag color={d.role === 'lead' ? 'blue' : 'default'}>
                    {d.role === 'lead' ? t('guides.lead') : t('guides.joint')}
                  </Tag>
                </span>
              ),
            },
            {
              key: 'matter',
              title: t('guides.matter'),
              render: (_, d) => (
                <>
                  {d.matterZh}
                  <CitationText citation={d.citation} />
                </>
              ),
            },
          ]}
        />
      )}
      <h3>{t('guides.what')}</h3>
      {isPhone ? (
        <ul className="wj-guide-steps">
          {c.items.map((i) => (
            <li key={i.code}>
              <strong>{i.code}</strong> {i.nameZh}
              <div className="wj-muted wj-small">
                {department(i.departmentCode)} · {i.basisZh}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={c.items}
          locale={{ emptyText: t('guides.noItems') }}
          columns={[
            { key: 'code', title: t('guides.itemCode'), dataIndex: 'code', width: 90 },
            { key: 'name', title: t('guides.itemName'), dataIndex: 'nameZh' },
            { key: 'dept', title: t('guides.department'), render: (_, i) => department(i.departmentCode) },
            { key: 'basis', title: t('guides.basis'), dataIndex: 'basisZh' },
          ]}
        />
      )}
      <h3>{t('guides.howOften')}</h3>
      <ul className="wj-guide-steps">
        {c.frequency.map((f) => (
          <li key={`${f.appliesToZh}:${f.ruleZh}`}>
            <strong>{f.appliesToZh}</strong>
            {f.flags.map((flag) => (
              <Tag key={flag} color="purple" className="wj-inline-tag">
                {labels.flag(flag)}
              </Tag>
            ))}
            <div>{f.ruleZh}</div>
            {f.minShare !== null && (
              <Tag color="blue">{t('guides.minShare', { percent: Math.round(f.minShare * 100) })}</Tag>
            )}
            {f.timesPerYear !== null && (
              <Tag color="blue">{t('guides.timesPerYear', { count: f.timesPerYear })}</Tag>
            )}
            <CitationText citation={f.citation} />
          </li>
        ))}
      </ul>
      <h3>{t('guides.how')}</h3>
      <ol className="wj-guide-steps">
        {[...c.process]
          .sort((a, b) => a.order - b.order)
          .map((s) => (
            <li key={s.order}>
              <strong>{s.nameZh}</strong>
              {s.departmentCode && <span className="wj-muted">（{department(s.departmentCode)}）</span>}
              <div>{s.descriptionZh}</div>
              <CitationText citation={s.citation} />
            </li>
          ))}
      </ol>
    </div>
  );
}
