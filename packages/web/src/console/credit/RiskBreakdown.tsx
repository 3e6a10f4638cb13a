import { Alert, Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreditProfile, RiskLevel } from './creditApi';
import { Basis, RISK_COLORS, RiskTag, useBilingual, when } from './labels';
import { OverrideTerm } from './OverrideEditor';

const PART_COLORS = ['#1d4ed8', '#dc2626', '#ea580c', '#ca8a04', '#7c3aed', '#0891b2', '#059669'];
const r1 = (x: number) => Math.round(x * 10) / 10;

/** The staff profile's risk, or the institution's own (/my): no pre-override value, no author. */
type RiskView = Omit<NonNullable<CreditProfile['risk']>, 'computed' | 'override'> & {
  computed?: RiskLevel;
  override: { reason: string; createdBy?: string; createdAt?: string; validUntil?: string | null } | null;
};

/**
 * The risk score explained: every part with its points and cap, every reason of a part with its
 * code and wording, and the check that the parts add up to the score (issue 7: "every score shows
 * its parts and their sources").
 */
export function RiskBreakdown({ risk }: { risk: RiskView }) {
  const { t } = useTranslation();
  const { pair } = useBilingual();
  const sum = r1(risk.parts.reduce((s, p) => s + p.points, 0));
  const scale = Math.max(risk.score, risk.cutPoints.severe);
  return (
    <Card
      className="wj-gap"
      data-testid="risk-breakdown"
      title={<h2 className="wj-card-title">{t('credit.riskCardTitle')}</h2>}
    >
      <div>
        <span className="wj-score">{t('credit.scoreOf', { score: risk.score })}</span>
        <RiskTag level={risk.level} />
        {risk.override && risk.computed && (
          <Tag color={RISK_COLORS[risk.computed]}>
            {t('credit.computedWas', { value: t(`credit.levelNames.${risk.computed}`) })}
          </Tag>
        )}
      </div>
      {risk.override && (
        <Alert
          className="wj-top-gap"
          type="info"
          title={
            risk.override.createdBy ? (
              <>
                {t('credit.overrideBy', {
                  by: risk.override.createdBy,
                  at: when(risk.override.createdAt),
                  reason: risk.override.reason,
                })}
                <OverrideTerm o={risk.override} />
              </>
            ) : (
              t('credit.my.overrideReason', { reason: risk.override.reason })
            )
          }
        />
      )}
      <div className="wj-score-bar" role="img" aria-label={t('credit.sumCheck', { sum, score: risk.score })}>
        {risk.parts.map((p, i) =>
          p.points > 0 ? (
            <span
              key={p.code}
              title={`${pair(p.nameZh, p.nameEn)} ${p.points}`}
              style={{
                width: `${(100 * p.points) / scale}%`,
                background: PART_COLORS[i % PART_COLORS.length],
              }}
            />
          ) : null,
        )}
      </div>
      <div className="wj-muted wj-small">{t('credit.cutPoints', risk.cutPoints)}</div>
      <ul className="wj-parts wj-top-gap">
        {risk.parts.map((p, i) => (
          <li key={p.code} data-part={p.code}>
            <div className="wj-part-head">
              <span>
                <span className="wj-swatch" style={{ background: PART_COLORS[i % PART_COLORS.length] }} />
                {pair(p.nameZh, p.nameEn)}
              </span>
              <span>
                {p.points} <span className="wj-muted wj-small">/ {t('credit.cap', { cap: p.cap })}</span>
              </span>
            </div>
            {p.reasons.length > 0 && (
              <ul className="wj-reasons">
                {p.reasons.map((r) => (
                  <li key={`${r.code}:${r.occurredOn ?? ''}:${r.points}`}>
                    <span>
                      <code>{r.code}</code>
                      {pair(r.zh, r.en)}
                      {r.occurredOn && <span className="wj-muted"> · {r.occurredOn}</span>}
                    </span>
                    <span>{r.points > 0 ? `+${r.points}` : r.points}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
        <li className="wj-sum" data-testid="risk-sum">
          {t('credit.sumCheck', { sum, score: risk.score })}
        </li>
      </ul>
      <p className="wj-muted wj-small">{t('credit.inspectorNever')}</p>
      <Basis c={risk.citation} />
    </Card>
  );
}
