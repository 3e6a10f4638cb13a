import { Breadcrumb, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasPermission } from '../../api/auth';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { BlacklistSummary } from './BlacklistSummary';
import { type SubjectType, useProfile } from './creditApi';
import { CreditLevelCard, DemeritsCard, EntriesCard, ModeCard } from './FileCards';
import { GradingButton, GradingsCard, gradedSector } from './GradingEditor';
import { CreditTag, RiskTag, useBilingual } from './labels';
import { OverrideButton, OverridesCard } from './OverrideEditor';
import { RiskBreakdown } from './RiskBreakdown';

/** 信用档案: one establishment's (or practitioner's) credit level, risk explained, mode, points, listings and file. */
export function CreditFilePage({ type }: { type: SubjectType }) {
  const { t } = useTranslation();
  const { pair } = useBilingual();
  const id = Number(useParams().id);
  const q = useProfile(type, id);
  const user = useConsoleUser();
  if (q.isPending) return <PageLoading />;
  if (q.isError)
    return (
      <div className="wj-page">
        <ProblemAlert error={q.error} />
      </div>
    );
  const p = q.data;
  const sector = type === 'establishment' ? gradedSector(p.subject.flags) : null;
  const canOverride = type === 'establishment' && hasPermission(user, 'credit.override');
  const canGrade = sector !== null && hasPermission(user, 'credit.grading.record');
  return (
    <div className="wj-page wj-page-wide">
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to="/console/credit/establishments">{t('credit.riskTitle')}</Link> },
          { title: p.subject.name },
        ]}
      />
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {p.subject.name} <CreditTag level={p.creditLevel.level} />
          {p.risk && <RiskTag level={p.risk.level} />}
          {p.blacklist.some((b) => b.status === 'listed') && (
            <Tag color="black">{t('credit.onBlacklist')}</Tag>
          )}
        </Typography.Title>
        <span className="wj-muted">{t('credit.computedOn', { date: p.computedOn })}</span>
      </div>
      {(canOverride || canGrade) && (
        <Space wrap className="wj-gap">
          {canOverride && <OverrideButton establishmentId={id} />}
          {canGrade && <GradingButton establishmentId={id} sector={sector} />}
        </Space>
      )}
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={14}>
          {p.risk && <RiskBreakdown risk={p.risk} />}
          <DemeritsCard type={type} id={id} />
        </Col>
        <Col xs={24} xl={10}>
          {p.mode && <ModeCard mode={p.mode} />}
          {type === 'establishment' && <OverridesCard profile={p} />}
          <CreditLevelCard level={p.creditLevel} />
          {p.grade && (
            <Card className="wj-gap" title={<h2 className="wj-card-title">{t('credit.gradeTitle')}</h2>}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'g',
                    label: t('credit.gradeTitle'),
                    children: `${pair(p.grade.nameZh, p.grade.nameEn)} (${p.grade.total})`,
                  },
                  { key: 'd', label: t('credit.occurredOn'), children: p.grade.assessedOn },
                ]}
              />
            </Card>
          )}
          {sector && <GradingsCard establishmentId={id} />}
          {p.blacklist.length > 0 && <BlacklistSummary entries={p.blacklist} />}
        </Col>
      </Row>
      <EntriesCard type={type} id={id} />
    </div>
  );
}
