import { useQueryClient } from '@tanstack/react-query';
import { Breadcrumb, Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { hasPermission } from '../../api/auth';
import { ENFORCEMENT_KEY, triageLead, useLead, useRosterOfficers } from '../../api/enforcement';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { ActionButtons, ActionForm, type FieldSpec } from './ActionForm';
import { useEnforcementLabels } from './labels';
import { StateTag } from './StateTag';

/** One lead and its triage: no action, a rectification order, or a case (≥ 2 roster officers). */
export function LeadDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const user = useConsoleUser();
  const labels = useEnforcementLabels();
  const record = useLead(id);
  const queryClient = useQueryClient();
  const canTriage = hasPermission(user, 'enforcement.investigate');
  const officers = useRosterOfficers(canTriage && record.data?.state === 'open');
  if (record.isPending) return <PageLoading />;
  if (record.isError)
    return (
      <div className="wj-page">
        <ProblemAlert error={record.error} />
      </div>
    );
  const l = record.data;
  const fields = (action: string): FieldSpec[] =>
    action === 'dismiss'
      ? [{ name: 'reason', kind: 'textarea', required: true, max: 2000 }]
      : action === 'order_rectification'
        ? [
            { name: 'workingDays', kind: 'number', required: true, min: 1, max: 60, initial: 10 },
            { name: 'reason', kind: 'textarea', required: true, max: 2000 },
          ]
        : [
            { name: 'summary', kind: 'text', required: true, max: 500 },
            {
              name: 'officerIds',
              kind: 'multi',
              required: true,
              options: (officers.data?.items ?? []).map((o) => ({
                value: o.id,
                label: `${o.name}（${o.certificateNo}）`,
              })),
            },
            // A lead about no identified establishment names its party here.
            ...(l.establishmentId === null
              ? ([
                  {
                    name: 'partyKind',
                    kind: 'select',
                    required: true,
                    options: ['organisation', 'individual_business', 'person'].map((k) => ({
                      value: k,
                      label: labels.option(k),
                    })),
                  },
                  { name: 'partyName', kind: 'text', required: true, max: 200 },
                  { name: 'partyCreditCode', kind: 'text', max: 18 },
                  { name: 'partyAddress', kind: 'text', max: 300 },
                ] satisfies FieldSpec[])
              : []),
            { name: 'flaggedComplex', kind: 'bool' },
          ];
  return (
    <div className="wj-page wj-page-wide">
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to="/console/enforcement/leads">{t('enforcement.leadsTitle')}</Link> },
          { title: l.number },
        ]}
      />
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {l.number} <StateTag state={l.state} label={labels.leadState(l.state)} />
        </Typography.Title>
      </div>
      <Card title={<h2 className="wj-card-title">{t('enforcement.facts')}</h2>} className="wj-gap">
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'source',
              label: t('enforcement.source'),
              children: `${labels.leadSource(l.source)} ${l.sourceRef}`,
            },
            { key: 'unit', label: t('enforcement.unit'), children: l.unit.name },
            { key: 'received', label: t('enforcement.received'), children: l.receivedOn },
            {
              key: 'summary',
              label: t('enforcement.summary'),
              children: <div className="wj-prewrap">{l.summary}</div>,
            },
            ...(l.complaintId
              ? [
                  {
                    key: 'complaint',
                    label: t('enforcement.complaintsTitle'),
                    children: (
                      <Link to={`/console/enforcement/complaints/${l.complaintId}`}>{l.sourceRef}</Link>
                    ),
                  },
                ]
              : []),
            ...(l.triageReason
              ? [{ key: 'reason', label: t('enforcement.triageReason'), children: l.triageReason }]
              : []),
            ...(l.rectificationDue
              ? [{ key: 'rect', label: t('enforcement.rectificationDue'), children: l.rectificationDue }]
              : []),
            ...(l.caseId
              ? [
                  {
                    key: 'case',
                    label: t('enforcement.case'),
                    children: (
                      <Link to={`/console/enforcement/cases/${l.caseId}`}>{t('enforcement.case')}</Link>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={<h2 className="wj-card-title">{t('enforcement.actions')}</h2>} className="wj-gap">
        <ActionButtons
          actions={
            canTriage ? l.availableActions.map((a) => ({ action: a.action, label: labels.action(a) })) : []
          }
          render={(action, close) => (
            <ActionForm
              open
              title={labels.action(l.availableActions.find((a) => a.action === action)!)}
              fields={fields(action)}
              onClose={close}
              send={(v) => triageLead(id, { action, expectedVersion: l.version, ...v })}
              onSent={(result) => {
                void queryClient.invalidateQueries({ queryKey: ENFORCEMENT_KEY });
                // Opening a case goes on to the case it proposed.
                const caseId = (result as { caseId: number | null }).caseId;
                if (action === 'open_case' && caseId) navigate(`/console/enforcement/cases/${caseId}`);
              }}
              onDone={close}
            />
          )}
        />
      </Card>
    </div>
  );
}
