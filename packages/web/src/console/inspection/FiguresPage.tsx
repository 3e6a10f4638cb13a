import { InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInspectionFigures } from '../../api/inspectionFigures';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { RegionPicker } from '../registry/RegionPicker';
import { FindingsCard, OverdueCard, WorkloadCard } from './figures/ActivityCards';
import { CoverageCard } from './figures/CoverageCard';
import '../users/lists.css';
import '../registry/registry.css';
import './inspection.css';
import './figures/figures.css';

/** /console/inspection/figures: 抽查统计 of a year and a region inside the user's. */
export default function FiguresPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | undefined>();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const figures = useInspectionFigures({ year, regionCode });
  const f = figures.data;
  return (
    <div className="wj-page wj-page-wide wj-figures-page">
      <Typography.Title level={1} className="wj-page-title">
        {t('inspectionFigures.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('inspectionFigures.intro')}</Typography.Paragraph>
      <div className="wj-toolbar">
        <InputNumber<number>
          aria-label={t('inspectionFigures.year')}
          placeholder={t('inspectionFigures.year')}
          min={2000}
          max={2100}
          value={year ?? f?.year}
          onChange={(v) => setYear(v ?? undefined)}
        />
        <RegionPicker
          aria-label={t('inspectionFigures.region')}
          value={regionCode ?? f?.regionCode}
          onChange={setRegionCode}
          maxLevel="town"
        />
      </div>
      <ProblemAlert error={figures.error} />
      {figures.isPending && <PageLoading />}
      {f && (
        <div aria-busy={figures.isFetching}>
          <CoverageCard f={f} />
          <FindingsCard f={f} />
          <WorkloadCard f={f} />
          <OverdueCard f={f} />
        </div>
      )}
    </div>
  );
}
