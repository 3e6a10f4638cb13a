import { Alert, Card, Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Basis, useBilingual, when } from '../../console/credit/labels';
import { RepairForm } from '../../console/credit/RepairPanel';
import type { OwnCredit, OwnListing, OwnOverride } from './myCreditApi';

const title = (text: string) => <h2 className="wj-card-title">{text}</h2>;

/** A supervisor's adjustment, as the party sees it: the written reason (and until when). */
export function OverrideNote({ o }: { o: OwnOverride | null }) {
  const { t } = useTranslation();
  if (!o) return null;
  return (
    <Alert
      className="wj-gap"
      type="info"
      title={t('credit.my.overrideReason', { reason: o.reason })}
      description={o.validUntil ? t('credit.my.overrideUntil', { date: o.validUntil }) : undefined}
    />
  );
}

/** Own demerit points of the cycle: each with the act and the article behind it (no staff notes). */
export function OwnDemeritsCard({ d }: { d: OwnCredit['demerits'] }) {
  const { t } = useTranslation();
  const { pick, pair } = useBilingual();
  return (
    <Card className="wj-gap" title={title(t('credit.demeritsTitle'))} data-testid="demerits">
      <div>
        <strong>{t('credit.cyclePoints', { points: d.points })}</strong>{' '}
        <span className="wj-muted wj-small">
          {t('credit.cycle', { start: d.cycleStart, end: d.cycleEnd })}
        </span>
      </div>
      {d.band && (
        <div className="wj-top-gap">
          {t('credit.band')}: <Tag color="orange">{pair(d.band.labelZh, d.band.labelEn)}</Tag>
          {d.band.consequences.map((c) => pick(c)).join('；')}
        </div>
      )}
      {d.nextBand && (
        <div className="wj-muted wj-small">
          {t('credit.nextBand', { points: d.nextBand.minPoints })}:{' '}
          {pair(d.nextBand.labelZh, d.nextBand.labelEn)}
        </div>
      )}
      {d.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('credit.noDemerits')} />
      ) : (
        <List
          className="wj-top-gap"
          dataSource={d.items}
          renderItem={(x, i) => (
            <List.Item key={`${x.occurredOn}:${i}`}>
              <div className="wj-full">
                <div className="wj-entry-head">
                  <Tag color={x.status === 'revoked' ? 'default' : 'red'}>+{x.points}</Tag>
                  <strong>{pair(x.actZh, x.actEn)}</strong>
                  <span className="wj-muted">{x.occurredOn}</span>
                  {x.status === 'revoked' && <Tag>{t('credit.revoked')}</Tag>}
                </div>
                <div>
                  {t('credit.article')}: {pick(x.article)}
                </div>
                {x.revokedReason && <div className="wj-muted wj-small">{x.revokedReason}</div>}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** One listing on the blacklist: why, the joint punishments, the period, and how to apply for repair. */
export function OwnListingCard({ l }: { l: OwnListing }) {
  const { t } = useTranslation();
  const { pick, pair } = useBilingual();
  const color = { pending: 'gold', granted: 'green', refused: 'red' } as const;
  const pending = l.repairs.some((r) => r.status === 'pending');
  return (
    <Card className="wj-gap" title={title(t('credit.blacklistTitle'))} data-testid="own-listing">
      <p>
        <strong>{l.reason}</strong>
      </p>
      <Basis c={l.basis} />
      <dl className="wj-own-facts">
        <dt>{t('credit.enteredOn')}</dt>
        <dd>{l.enteredOn}</dd>
        <dt>{t('credit.repairFrom')}</dt>
        <dd>{l.repairFrom}</dd>
        <dt>{t('credit.endsOn')}</dt>
        <dd>{l.endsOn}</dd>
      </dl>
      <h3 className="wj-small">{t('credit.flags')}</h3>
      <div className="wj-tag-wrap">
        {l.flags.map((f) => (
          <Tag key={f.code}>{pick(f)}</Tag>
        ))}
      </div>
      <h3 className="wj-small wj-top-gap">{t('credit.my.repairTitle')}</h3>
      <Alert
        type={pending ? 'info' : l.repair.canApplyNow ? 'success' : 'warning'}
        title={
          pending
            ? t('credit.my.repairPending')
            : l.repair.canApplyNow
              ? t('credit.my.repairOpen')
              : t('credit.my.repairWait', { date: l.repairFrom })
        }
        description={pair(l.repair.howZh, l.repair.howEn)}
      />
      <ol className="wj-top-gap">
        {l.repair.conditions.map((c) => (
          <li key={c.code}>{pick(c)}</li>
        ))}
      </ol>
      {/* The repair rules' citation, unless it is the listing's own basis shown above. */}
      {l.repair.citation.zh !== l.basis.zh && <Basis c={l.repair.citation} />}
      {l.repair.canApplyNow && <RepairForm entry={l} />}
      {l.repairs.length > 0 && (
        <ul className="wj-top-gap">
          {l.repairs.map((r) => (
            <li key={r.appliedAt}>
              <Tag color={color[r.status]}>{t(`credit.repairStatus.${r.status}`)}</Tag>
              {when(r.appliedAt)}
              {r.decisionReason && <span className="wj-muted"> — {r.decisionReason}</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
