import { Button, Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Campaign, drawRecordUrl } from '../../../api/inspection';
import { useIsPhone } from '../../../ui/useIsPhone';
import { beijing } from '../../registry/labels';
import { StrataTable } from './ForecastCard';

const Hash = ({ value }: { value: string | null | undefined }) =>
  value ? <span className="wj-hash">{value}</span> : <>—</>;

/**
 * What makes the draw verifiable, in order: the commitment published at approval, the hashes of
 * the pools frozen before day D, then the draw (sources, seed, strata) with its record and how
 * anyone re-runs it.
 */
export function DrawCard({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const d = c.draw;
  // On a phone the 64-digit hashes get the whole width under their labels.
  const layout = useIsPhone() ? 'vertical' : 'horizontal';
  return (
    <>
      <Card title={<h2 className="wj-card-title">{t('inspection.commitmentTitle')}</h2>} className="wj-gap">
        {c.commitment ? (
          <Descriptions
            size="small"
            column={1}
            layout={layout}
            items={[
              {
                key: 'c',
                label: t('inspection.commitment'),
                children: (
                  <div>
                    <Hash value={c.commitment} />
                    <div className="wj-basis">
                      {c.nonceHeldByPlatform ? t('inspection.nonceHeld') : t('inspection.nonceEscrow')}
                    </div>
                  </div>
                ),
              },
              ...(d
                ? [
                    { key: 'at', label: t('inspection.frozenAt'), children: beijing(d.frozenAt) },
                    { key: 'pool', label: t('inspection.poolHash'), children: <Hash value={d.poolHash} /> },
                    {
                      key: 'roster',
                      label: t('inspection.rosterHash'),
                      children: <Hash value={d.rosterHash} />,
                    },
                    {
                      key: 'ex',
                      label: t('inspection.exclusionsHash'),
                      children: <Hash value={d.exclusionsHash} />,
                    },
                    {
                      key: 'params',
                      label: t('inspection.paramsHash'),
                      children: <Hash value={d.paramsHash} />,
                    },
                  ]
                : []),
            ]}
          />
        ) : (
          <p>{t('inspection.notApproved')}</p>
        )}
        {c.commitment && !d && <p>{t('inspection.notFrozen')}</p>}
      </Card>
      <Card title={<h2 className="wj-card-title">{t('inspection.drawTitle')}</h2>} className="wj-gap">
        {d?.drawnAt ? (
          <>
            <Descriptions
              size="small"
              column={1}
              layout={layout}
              items={[
                { key: 'at', label: t('inspection.drawnAt'), children: beijing(d.drawnAt) },
                { key: 'src', label: t('inspection.sourcesHash'), children: <Hash value={d.sourcesHash} /> },
                { key: 'seed', label: t('inspection.seed'), children: <Hash value={d.seed} /> },
                { key: 'draw', label: t('inspection.drawHash'), children: <Hash value={d.drawHash} /> },
                {
                  key: 'sha',
                  label: t('inspection.recordSha256'),
                  children: <Hash value={d.recordSha256} />,
                },
              ]}
            />
            <StrataTable strata={d.strata} />
            <Button
              className="wj-top-gap"
              href={drawRecordUrl(c.id)}
              download={`draw-record-${c.campaignNo}.json`}
            >
              {t('inspection.downloadRecord')}
            </Button>
            <Typography.Title level={3} className="wj-top-gap">
              {t('inspection.verifyTitle')}
            </Typography.Title>
            <p>{t('inspection.verifyBody')}</p>
            <code className="wj-verify-command">npx weijian draw verify draw-record-{c.campaignNo}.json</code>
            <p>{t('inspection.verifySteps')}</p>
            <p className="wj-basis">{t('inspection.recordPublicFrom', { date: c.recordPublicFrom })}</p>
          </>
        ) : (
          <>
            {d && <StrataTable strata={d.strata} />}
            <p className={d ? 'wj-top-gap' : undefined}>{t('inspection.notDrawn')}</p>
          </>
        )}
      </Card>
    </>
  );
}
