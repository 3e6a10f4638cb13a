import { Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { codeImageUrl, type Establishment } from '../../../api/registry';

/**
 * 一码: the establishment code as a QR image (SVG shown, PNG and SVG to download). It encodes only the
 * public page's address, never personal data.
 */
export function CodeCard({ e }: { e: Establishment }) {
  const { t } = useTranslation();
  return (
    <Card title={<h2 className="wj-card-title">{t('registry.codeTitle')}</h2>} className="wj-gap">
      <figure className="wj-qr-figure">
        <img
          className="wj-establishment-qr"
          src={codeImageUrl(e.id, 'svg')}
          alt={t('registry.codeAlt', { name: e.name, code: e.publicCode })}
          width={200}
          height={200}
        />
        <figcaption>
          <span className="wj-mono">{e.publicCode}</span>
          <Typography.Paragraph className="wj-muted wj-small">
            {t('registry.codeHelp', { path: e.publicPath })}
          </Typography.Paragraph>
        </figcaption>
      </figure>
      <Space wrap>
        <Button href={codeImageUrl(e.id, 'png')} download={`${e.publicCode}.png`}>
          {t('registry.codePng')}
        </Button>
        <Button href={codeImageUrl(e.id, 'svg')} download={`${e.publicCode}.svg`}>
          {t('registry.codeSvg')}
        </Button>
      </Space>
    </Card>
  );
}
