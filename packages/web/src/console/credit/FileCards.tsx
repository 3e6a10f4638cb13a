import { Alert, Card, Descriptions, Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../api/auth';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import type { CreditLevel, CreditProfile, SubjectType, SupervisionMode } from './creditApi';
import { useDemerits, useEntries } from './creditApi';
import { RecordDemeritButton, RevokeDemerit } from './DemeritEditor';
import { Basis, CreditTag, useBilingual, when } from './labels';
import { OverrideTerm } from './OverrideEditor';

const title = (text: string) => <h2 className="wj-card-title">{text}</h2>;

/**
 * What the level cards need: the staff profile, or the institution's own view (/my), which has no
 * computed-before-override value and no override author.
 */
type OverrideView = {
  reason: string;
  createdBy?: string;
  createdAt?: string;
  validUntil?: string | null;
} | null;
type LevelView = Omit<CreditProfile['creditLevel'], 'computed' | 'override' | 'reasons'> & {
  computed?: CreditLevel;
  override: OverrideView;
  reasons: { metric?: string; reasonZh: string; reasonEn: string }[];
};
type ModeView = Omit<NonNullable<CreditProfile['mode']>, 'computed' | 'override' | 'applicable'> & {
  computed?: SupervisionMode;
  override: OverrideView;
};

/** Staff view: who overrode, when, why and until when (the institution's view words it itself). */
function StaffOverride({ o }: { o: OverrideView }) {
  const { t } = useTranslation();
  if (!o?.createdBy) return null;
  return (
    <Alert
      className="wj-top-gap"
      type="info"
      title={
        <>
          {t('credit.overrideBy', { by: o.createdBy, at: when(o.createdAt), reason: o.reason })}
          <OverrideTerm o={o} />
        </>
      }
    />
  );
}

/** The credit level (A–D) and the conditions that decided it. */
export function CreditLevelCard({ level }: { level: LevelView }) {
  const { t } = useTranslation();
  const { pair } = useBilingual();
  return (
    <Card className="wj-gap" title={title(t('credit.creditCardTitle'))} data-testid="credit-level">
      <div>
        <CreditTag level={level.level} /> {pair(level.nameZh, level.nameEn)}
        {level.override && level.computed && <Tag>{t('credit.computedWas', { value: level.computed })}</Tag>}
      </div>
      <StaffOverride o={level.override} />
      <h3 className="wj-small wj-top-gap">{t('credit.creditReasons')}</h3>
      {level.reasons.length === 0 ? (
        <span className="wj-muted">{t('credit.noReasons')}</span>
      ) : (
        <ul>
          {level.reasons.map((r) => (
            <li key={r.metric ?? r.reasonZh}>{pair(r.reasonZh, r.reasonEn)}</li>
          ))}
        </ul>
      )}
      <Basis c={level.citation} />
    </Card>
  );
}

/** The supervision mode, the inspection frequency it sets, and why. */
export function ModeCard({ mode }: { mode: ModeView }) {
  const { t } = useTranslation();
  const { pick, pair } = useBilingual();
  return (
    <Card className="wj-gap" title={title(t('credit.modeCardTitle'))} data-testid="mode">
      <div>
        <Tag color="blue">{pair(mode.nameZh, mode.nameEn)}</Tag>
        <strong>{t('credit.modeFrequency', { n: mode.inspectionsPerYear })}</strong>
        {mode.override && mode.computed && (
          <Tag>{t('credit.computedWas', { value: t(`credit.modes.${mode.computed}`) })}</Tag>
        )}
      </div>
      <StaffOverride o={mode.override} />
      <h3 className="wj-small wj-top-gap">{t('credit.modeReasons')}</h3>
      <ul>
        {mode.reasons.map((r) => (
          <li key={r.zh}>{pick(r)}</li>
        ))}
      </ul>
      <Basis c={mode.citation} />
    </Card>
  );
}

/** Demerit points of the current cycle, each with the act and the article behind it. */
export function DemeritsCard({ type, id }: { type: SubjectType; id: number }) {
  const { t } = useTranslation();
  const { pick, pair } = useBilingual();
  const q = useDemerits(type, id);
  const d = q.data;
  const user = useConsoleUser();
  const canRecord = hasPermission(user, 'credit.demerit.record');
  return (
    <Card
      className="wj-gap"
      title={title(t('credit.demeritsTitle'))}
      extra={canRecord && <RecordDemeritButton type={type} id={id} />}
      data-testid="demerits"
    >
      {q.isError && <ProblemAlert error={q.error} />}
      {!d ? (
        q.isPending && <PageLoading />
      ) : (
        <>
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
              renderItem={(x) => (
                <List.Item key={x.id}>
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
                    <div className="wj-muted wj-small">
                      {t('credit.source')}: {x.source.module}/{x.source.type}/{x.source.id} · {x.note}
                    </div>
                    {x.status === 'revoked' && x.revokedReason && (
                      <div className="wj-muted wj-small">{x.revokedReason}</div>
                    )}
                    {canRecord && <RevokeDemerit d={x} />}
                  </div>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}

/** The credit file: every entry with its source record and citation, newest first. */
export function EntriesCard({ type, id }: { type: SubjectType; id: number }) {
  const { t } = useTranslation();
  const { pick, pair } = useBilingual();
  const q = useEntries(type, id);
  const color = { positive: 'green', negative: 'red', neutral: 'default' } as const;
  return (
    <Card className="wj-gap" title={title(t('credit.entriesTitle'))} data-testid="entries">
      {q.isError && <ProblemAlert error={q.error} />}
      {q.isPending && <PageLoading />}
      {q.data && q.data.items.length === 0 && <Empty description={t('credit.noEntries')} />}
      {q.data && q.data.items.length > 0 && (
        <List
          dataSource={q.data.items}
          renderItem={(e) => (
            <List.Item key={e.id}>
              <div className="wj-full">
                <div className="wj-entry-head">
                  <span className="wj-muted">{e.occurredOn}</span>
                  <Tag color={color[e.polarity]}>{pair(e.kindNameZh, e.kindNameEn)}</Tag>
                  {e.severity && <Tag>{t(`credit.severities.${e.severity}`)}</Tag>}
                  {e.status === 'withdrawn' && <Tag>{t('credit.withdrawn')}</Tag>}
                </div>
                <div className={e.status === 'withdrawn' ? 'wj-muted' : undefined}>
                  {pair(e.summaryZh, e.summaryEn)}
                  {e.statusReason && ` (${e.statusReason})`}
                </div>
                <Descriptions
                  size="small"
                  className="wj-facts"
                  column={1}
                  items={[
                    { key: 'basis', label: t('credit.citation'), children: pick(e.citation) },
                    {
                      key: 'source',
                      label: t('credit.source'),
                      children: `${e.source.module}/${e.source.type}/${e.source.id} · ${when(e.recordedAt)}`,
                    },
                  ]}
                />
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
