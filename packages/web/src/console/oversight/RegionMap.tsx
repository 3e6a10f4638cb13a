import { Button, Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/oversight';
import { useIsPhone } from '../../ui/useIsPhone';

/**
 * 区划示意图: the region's divisions as tiles laid out in code order (offline deployments have no map
 * tiles, and GB/T 2260 codes give every deployment the same layout). Colour shows overdue items,
 * the tile's text the establishments and the random-inspection coverage; a click opens the division.
 */
export function RegionMap({
  d,
  onOpen,
  onUp,
}: {
  d: Dashboard;
  onOpen: (code: string) => void;
  onUp?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const worst = Math.max(1, ...d.map.map((m) => m.overdue));
  const columns = isPhone ? 2 : Math.max(2, Math.min(6, Math.ceil(Math.sqrt(d.map.length * 1.5))));
  return (
    <Card
      size="small"
      title={<h2 className="wj-card-title">{`${t('oversight.map')} · ${d.region.name}`}</h2>}
      extra={
        onUp && (
          <Button size="small" onClick={onUp}>
            {t('oversight.upToParent')}
          </Button>
        )
      }
      className="wj-oversight-card"
    >
      <p className="wj-muted wj-map-help">{t('oversight.mapHelp')}</p>
      {d.map.length === 0 ? (
        <Empty description={t('oversight.noData')} />
      ) : (
        <div className="wj-region-map" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
          {d.map.map((m) => {
            const heat = m.overdue / worst;
            const style = m.overdue
              ? { background: `rgba(207, 19, 34, ${0.15 + 0.55 * heat})`, borderColor: '#cf1322' }
              : m.establishments
                ? { background: '#e8f5e9', borderColor: '#2e7d32' }
                : { background: '#fafafa', borderColor: '#d9d9d9' };
            return (
              <button
                type="button"
                key={m.code}
                className="wj-region-tile"
                style={style}
                onClick={() => onOpen(m.code)}
                title={m.code}
              >
                <span className="wj-region-name">{m.name}</span>
                <span>{t('oversight.mapEstablishments', { n: m.establishments })}</span>
                {m.overdue > 0 && <strong>{t('oversight.mapOverdue', { n: m.overdue })}</strong>}
                {m.coverageShare !== null && (
                  <span>
                    {t('oversight.mapCoverage', { share: `${Math.round(m.coverageShare * 1000) / 10}%` })}
                  </span>
                )}
              </button>
            );
          })}
        </div>
      )}
      <div className="wj-map-legend">
        <span className="wj-map-swatch" style={{ background: '#e8f5e9', borderColor: '#2e7d32' }} />
        {t('oversight.mapLegendNone')}
        <span
          className="wj-map-swatch"
          style={{ background: 'rgba(207, 19, 34, 0.5)', borderColor: '#cf1322' }}
        />
        {t('oversight.mapLegendSome')}
      </div>
    </Card>
  );
}
