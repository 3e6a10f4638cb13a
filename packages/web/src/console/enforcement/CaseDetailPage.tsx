import { useQueryClient } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasPermission } from '../../api/auth';
import {
  actOnCase,
  type CaseDetail,
  caseKey,
  ENFORCEMENT_KEY,
  useBenchmarkViolations,
  useCase,
  useRosterOfficers,
} from '../../api/enforcement';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { ActionButtons, ActionForm } from './ActionForm';
import { BenchmarkHint } from './BenchmarkHint';
import { CaseDocuments } from './CaseDocuments';
import { CaseDeadlines, CaseFacts } from './CaseFacts';
import { CaseProcedure } from './CaseProcedure';
import { CaseRecordCard } from './CaseRecordCard';
import { CaseReferral } from './CaseReferral';
import { caseActionFields, PENALTY_ACTIONS } from './caseActions';
import { useEnforcementLabels } from './labels';
import { StateTag } from './StateTag';

/** The states in which the server takes evidence (modules/enforcement/evidence.ts). */
const EVIDENCE_STATES = new Set([
  'investigating',
  'notified',
  'hearing_requested',
  'hearing_scheduled',
  'heard',
  'pending_decision',
  'legal_review',
  'decided',
  'served',
  'executed',
]);

/**
 * One case: its facts and officers, the steps it may take now (the server lists them by state and
 * role; it refuses what 行政处罚法 forbids with a reason shown in the form), the procedure so far,
 * the documents, and the enforcement record with its hash chain.
 */
export function CaseDetailPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const record = useCase(id);
  const labels = useEnforcementLabels();
  const user = useConsoleUser();
  const queryClient = useQueryClient();
  const actions = record.data?.availableActions.map((a) => a.action) ?? [];
  const violations = useBenchmarkViolations(actions.includes('record_violation'));
  const roster = useRosterOfficers(
    hasPermission(user, 'inspection.read') &&
      (actions.includes('add_officer') || actions.includes('recuse_officer')),
  );
  if (record.isPending) return <PageLoading />;
  if (record.isError)
    return (
      <div className="wj-page">
        <ProblemAlert error={record.error} />
      </div>
    );
  const c = record.data;
  const investigator = hasPermission(user, 'enforcement.investigate');
  const choices = {
    labels,
    violations: (violations.data ?? []).map((v) => ({
      value: v.code,
      label: i18n.language === 'en' ? v.nameEn : v.nameZh,
    })),
    roster: (roster.data?.items ?? []).map((o) => ({
      value: o.id,
      label: `${o.name}（${o.certificateNo}）`,
    })),
  };
  return (
    <div className="wj-page wj-page-wide">
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to="/console/enforcement/cases">{t('enforcement.casesTitle')}</Link> },
          { title: c.number },
        ]}
      />
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {c.number} <StateTag state={c.state} label={labels.caseState(c.state)} />
        </Typography.Title>
      </div>
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={15}>
          <Card
            title={<h2 className="wj-card-title">{t('enforcement.actions')}</h2>}
            extra={
              investigator && c.state !== 'not_opened' ? (
                <CaseReferral caseId={c.id} departmentCode={c.departmentCode} />
              ) : null
            }
            className="wj-gap"
          >
            <ActionButtons
              actions={c.availableActions.map((a) => ({ action: a.action, label: labels.action(a) }))}
              render={(action, close) => (
                <ActionForm
                  open
                  title={labels.action(c.availableActions.find((a) => a.action === action)!)}
                  fields={caseActionFields(action, c, choices)}
                  hint={PENALTY_ACTIONS.has(action) ? <BenchmarkHint c={c} /> : undefined}
                  onClose={close}
                  send={(v) => actOnCase(id, { action, expectedVersion: c.version, ...v })}
                  onDone={() => close()}
                  onSent={(next) => {
                    queryClient.setQueryData(caseKey(id), next as CaseDetail);
                    void queryClient.invalidateQueries({ queryKey: ENFORCEMENT_KEY });
                  }}
                />
              )}
            />
          </Card>
          <CaseFacts c={c} />
          <CaseProcedure c={c} />
          <CaseRecordCard c={c} />
        </Col>
        <Col xs={24} xl={9}>
          <CaseDeadlines c={c} />
          <CaseDocuments c={c} canAddEvidence={investigator && EVIDENCE_STATES.has(c.state)} />
        </Col>
      </Row>
    </div>
  );
}
