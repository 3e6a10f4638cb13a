import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../api/inspection';
import { beijing, useRegistryLabels } from '../../registry/labels';
import { percent, useInspectionLabels } from '../labels';

/** The plan as approved and published: scope, departments, period, day D and its sources, ratios. */
export function PlanCard({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const registry = useRegistryLabels();
  return (
    <Card title={<h2 className="wj-card-title">{t('inspection.planTitle')}</h2>} className="wj-gap">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'no', label: t('inspection.campaignNo'), children: c.campaignNo },
          { key: 'unit', label: t('inspection.ownerUnit'), children: c.ownerUnit.name },
          {
            key: 'departments',
            label: t('inspection.departments'),
            children: (
              <>
                {c.departments.map((d) => (
                  <Tag key={d}>{labels.department(d)}</Tag>
                ))}
                {c.joint && <Tag color="geekblue">{t('inspection.joint')}</Tag>}
              </>
            ),
          },
          { key: 'kinds', label: t('inspection.kinds'), children: c.kinds.map(labels.kind).join('、') },
          { key: 'regions', label: t('inspection.regions'), children: c.regionCodes.join('、') },
          { key: 'items', label: t('inspection.items'), children: c.itemCodes.join('、') },
          { key: 'period', label: t('inspection.period'), children: `${c.periodStart} ~ ${c.periodEnd}` },
          { key: 'd', label: t('inspection.randomnessDate'), children: c.randomnessDate },
          {
            key: 'sources',
            label: t('inspection.sources'),
            span: 'filled',
            children: (
              <ul className="wj-inspection-list">
                {c.sources.map((s) => (
                  <li key={s.id}>
                    <span className="wj-mono">{s.id}</span>：{s.description}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            key: 'ratio',
            label: t('inspection.defaultRatio'),
            children: percent(c.sampling.defaultRatio),
          },
          {
            key: 'sectors',
            label: t('inspection.sectors'),
            children:
              c.sampling.sectors.map((s) => `${registry.flag(s.flag)} ${percent(s.ratio)}`).join('、') || '—',
          },
          {
            key: 'team',
            label: t('inspection.teamSize'),
            children: t('inspection.teamSizeValue', { count: c.teamSize }),
          },
          { key: 'target', label: t('inspection.yearTarget'), children: percent(c.yearTarget) },
          {
            key: 'created',
            label: t('inspection.createdBy'),
            children: `${c.createdBy ?? '—'} · ${beijing(c.createdAt)}`,
          },
          {
            key: 'approved',
            label: t('inspection.approvedBy'),
            children: c.approvedAt ? `${c.approvedBy ?? '—'} · ${beijing(c.approvedAt)}` : '—',
          },
          ...(c.description
            ? [
                {
                  key: 'desc',
                  label: t('inspection.description'),
                  span: 'filled' as const,
                  children: c.description,
                },
              ]
            : []),
          ...(c.cancelReason
            ? [
                {
                  key: 'cancel',
                  label: t('inspection.actions.cancel'),
                  span: 'filled' as const,
                  children: c.cancelReason,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
