import { Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHealth } from '../api/health';

export function PortalFooter() {
  const { t } = useTranslation();
  const health = useHealth();
  return (
    <Layout.Footer className="wj-footer">
      <span>{t('app.documentTitle')}</span>
      <span aria-hidden="true"> · </span>
      <span>
        {health.data
          ? t('footer.version', { version: health.data.version })
          : health.isError && t('footer.statusUnknown')}
      </span>
      <span aria-hidden="true"> · </span>
      <span>{t('footer.license')}</span>
    </Layout.Footer>
  );
}
