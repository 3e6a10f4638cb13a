import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConsoleUser } from '../consoleUser';
import { RegionTree } from './RegionTree';

/** 行政区划: a lazy tree of GB/T 2260 regions starting from the user's own region. */
export default function RegionsPage() {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const start = user.unit ? { code: user.unit.regionCode, name: user.unit.regionName } : null;
  return (
    <div className="wj-page">
      <Typography.Title level={1} className="wj-page-title">
        {t('regions.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph>{t('regions.intro')}</Typography.Paragraph>
        <Typography.Paragraph className="wj-muted">
          {start ? t('regions.fromUserRegion', { name: start.name }) : t('regions.fromTop')}
        </Typography.Paragraph>
        <RegionTree start={start} />
      </Card>
    </div>
  );
}
