import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CreditLevelCard, ModeCard } from '../../console/credit/FileCards';
import { CreditTag, RiskTag, useBilingual } from '../../console/credit/labels';
import { RiskBreakdown } from '../../console/credit/RiskBreakdown';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { MyNav } from '../licensing/MyNav';
import { useOwnCredit } from './myCreditApi';
import { OverrideNote, OwnDemeritsCard, OwnListingCard } from './OwnCards';
import { OwnNotices } from './OwnNotices';
import '../../console/credit/credit.css';
import './my-credit.css';

/**
 * /my/credit: the institution's own credit and risk, and why (issue 7: "regulated parties should be
 * able to see why they are where they are"). The staff explanation cards, fed the own view.
 */
export function MyCreditPage() {
  const { t } = useTranslation();
  const { pair } = useBilingual();
  const q = useOwnCredit();
  let body: React.ReactNode;
  if (q.isPending) body = <PageLoading />;
  else if (q.isError) body = <ProblemAlert error={q.error} />;
  else {
    const p = q.data;
    body = (
      <>
        <Typography.Title level={1} className="wj-page-title">
          {t('credit.my.title')}
        </Typography.Title>
        <p className="wj-muted">{t('credit.my.intro')}</p>
        <OwnNotices />
        <Card className="wj-gap" data-testid="own-summary">
          <div className="wj-own-name">{p.establishment.name}</div>
          <div className="wj-tag-wrap wj-top-gap">
            <CreditTag level={p.creditLevel.level} />
            {p.risk && <RiskTag level={p.risk.level} />}
            {p.mode && <Tag color="blue">{pair(p.mode.nameZh, p.mode.nameEn)}</Tag>}
            {p.blacklist.length > 0 && <Tag color="black">{t('credit.onBlacklist')}</Tag>}
          </div>
          <Descriptions
            className="wj-top-gap"
            size="small"
            column={1}
            items={[
              ...(p.mode
                ? [
                    {
                      key: 'f',
                      label: t('credit.frequency'),
                      children: t('credit.perYear', { n: p.mode.inspectionsPerYear }),
                    },
                  ]
                : []),
              {
                key: 'd',
                label: t('credit.demeritPoints'),
                children: t('credit.cyclePoints', { points: p.demerits.points }),
              },
              { key: 'c', label: t('credit.my.computedOn'), children: p.computedOn },
            ]}
          />
        </Card>
        {p.mode && (
          <>
            <ModeCard mode={p.mode} />
            <OverrideNote o={p.mode.override} />
          </>
        )}
        {p.risk && <RiskBreakdown risk={p.risk} />}
        <CreditLevelCard level={p.creditLevel} />
        <OverrideNote o={p.creditLevel.override} />
        <OwnDemeritsCard d={p.demerits} />
        {p.blacklist.map((l) => (
          <OwnListingCard key={l.id} l={l} />
        ))}
        {p.grade && (
          <Card className="wj-gap" title={<h2 className="wj-card-title">{t('credit.gradeTitle')}</h2>}>
            {`${p.grade.grade} ${pair(p.grade.nameZh, p.grade.nameEn)} (${p.grade.total}) · ${p.grade.assessedOn}`}
          </Card>
        )}
      </>
    );
  }
  return (
    <div className="wj-my-credit">
      <MyNav />
      {body}
    </div>
  );
}
