import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="wj-center" role="status" aria-live="polite">
      <Spin description={t('app.loading')} />
    </div>
  );
}
