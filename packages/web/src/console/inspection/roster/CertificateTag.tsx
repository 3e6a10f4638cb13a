import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysLeft } from './certificate';

/** A certificate's last valid day, marked when it has expired (not drawn) or expires within 60 days. */
export function CertificateTag({ validUntil }: { validUntil: string | null }) {
  const { t } = useTranslation();
  if (!validUntil) return <span className="wj-basis">{t('inspectionEditors.noValidity')}</span>;
  const days = daysLeft(validUntil);
  return (
    <span className="wj-cert-term">
      <span className="wj-mono">{validUntil}</span>
      {days < 0 && <Tag color="red">{t('inspectionEditors.expired')}</Tag>}
      {days >= 0 && days <= 60 && <Tag color="orange">{t('inspectionEditors.expiresSoon', { days })}</Tag>}
    </span>
  );
}
