import { Alert, Button, Card, Descriptions, List, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { chinaTime } from '../../../api/audit';
import {
  actOnLicense,
  actOnRevalidation,
  actOnTask,
  type LicenseDetail,
  type Revalidation,
  useTasks,
} from '../../../api/licensing';
import { type LicensingPaths, STATE_COLORS, useLicensingLabels } from '../labels';
import { ActionButtons } from './ActionButtons';

const REVALIDATION_FIELDS: Record<string, ('summary!' | 'months!' | 'reasons!')[]> = {
  submit: ['summary!'],
  defer: ['months!', 'reasons!'],
  recheck_fail: ['reasons!'],
};
export const TASK_FIELDS: Record<string, ('findings' | 'findings!' | 'rectificationDue!')[]> = {
  record_conforming: ['findings'],
  order_rectification: ['findings!', 'rectificationDue!'],
  record_rectified: ['findings'],
  record_failed: ['findings!'],
};

function RevalidationItem({ r }: { r: Revalidation }) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  return (
    <List.Item>
      <div className="wj-stack wj-full">
        <span>
          <Tag color={STATE_COLORS[r.state] ?? 'blue'}>{labels.state(r)}</Tag>
          {t('licensing.revalidationDue', { due: r.dueOn, years: r.cycleYears })}
        </span>
        {r.deferredUntil && <span>{t('licensing.deferredUntil', { date: r.deferredUntil })}</span>}
        {r.submission?.summary && (
          <span>
            {t('licensing.submissionSummary')}：{r.submission.summary}
          </span>
        )}
        {r.reasons && (
          <span>
            {t('licensing.reasons')}：{r.reasons}
          </span>
        )}
        {r.inputs.noteZh && (
          <span className="wj-muted wj-small">
            {t('licensing.inputs')}：{r.inputs.noteZh}
          </span>
        )}
        <ActionButtons
          actions={r.availableActions}
          subject={`${r.license.licenseNameZh} ${r.license.number}`}
          fieldsOf={(a) => REVALIDATION_FIELDS[a] ?? []}
          run={(action, body) => actOnRevalidation(r.id, { action, expectedVersion: r.version, ...body })}
        />
      </div>
    </List.Item>
  );
}

function TasksCard({ license }: { license: LicenseDetail }) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const tasks = useTasks(license.id);
  const items = tasks.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('licensing.tasks')} className="wj-gap">
      <List
        dataSource={items}
        renderItem={(k) => (
          <List.Item key={k.id} id={`task-${k.id}`}>
            <div className="wj-stack wj-full">
              <span>
                <Tag color={k.overdue ? 'red' : 'blue'}>{labels.state(k)}</Tag>
                {labels.taskKind(k.kind)} · {t('licensing.due')} {k.dueOn}
                {k.rectificationDue && ` · ${t('licensing.rectificationDue')} ${k.rectificationDue}`}
              </span>
              {k.findings && <span>{k.findings}</span>}
              <ActionButtons
                actions={k.availableActions}
                subject={`${license.establishment.name} · ${labels.taskKind(k.kind)}`}
                fieldsOf={(a) => TASK_FIELDS[a] ?? []}
                run={(action, body) => actOnTask(k.id, { action, expectedVersion: k.version, ...body })}
              />
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** One licence: its facts, the printable certificate, revalidation, verification tasks and history. */
export function LicenseView({
  license: l,
  paths,
  staff,
}: {
  license: LicenseDetail;
  paths: LicensingPaths;
  staff: boolean;
}) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  return (
    <>
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {l.licenseNameZh}{' '}
          <Tag color={STATE_COLORS[l.effectiveStatus] ?? 'default'}>
            {labels.licenseStatus(l.effectiveStatus)}
          </Tag>
        </Typography.Title>
        <Button type="primary" href={l.certificatePath} target="_blank" rel="noopener">
          {t('licensing.certificate')}
        </Button>
      </div>
      <Card size="small" className="wj-gap">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            {
              key: 'number',
              label: t('licensing.licenseNumber'),
              children: <span className="wj-mono">{l.number}</span>,
            },
            { key: 'holder', label: t('licensing.holder'), children: l.establishment.name },
            { key: 'issuer', label: t('licensing.issuer'), children: l.issuer.name },
            { key: 'issued', label: t('licensing.issuedOn'), children: l.issuedOn },
            {
              key: 'validity',
              label: t('licensing.validity'),
              children: `${l.validFrom} — ${l.validTo ?? t('licensing.longTerm')}`,
            },
            ...(l.renewalLastDay
              ? [{ key: 'renewal', label: t('licensing.renewalLastDay'), children: l.renewalLastDay }]
              : []),
            ...(l.scope ? [{ key: 'scope', label: t('licensing.scope'), children: l.scope }] : []),
            ...(l.applicationId
              ? [
                  {
                    key: 'application',
                    label: t('licensing.number'),
                    children: (
                      <Link to={paths.application(l.applicationId)}>{t('licensing.goApplication')}</Link>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {l.statusReason && (
          <Alert type="warning" showIcon message={`${t('licensing.statusReason')}：${l.statusReason}`} />
        )}
        {l.conditions.length > 0 && (
          <>
            <h3 className="wj-subtitle">{t('licensing.conditions')}</h3>
            <ol className="wj-plain-list">
              {l.conditions.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ol>
          </>
        )}
      </Card>
      {staff && l.availableActions.length > 0 && (
        <Card size="small" title={t('licensing.actions')} className="wj-gap">
          <ActionButtons
            actions={l.availableActions}
            subject={`${l.licenseNameZh} ${l.number}`}
            fieldsOf={() => ['reasons!', 'decisionNo']}
            run={(action, body) => actOnLicense(l.id, { action, expectedVersion: l.version, ...body })}
          />
        </Card>
      )}
      {l.revalidations.length > 0 && (
        <Card size="small" title={t('licensing.revalidations')} className="wj-gap" id="revalidations">
          <List dataSource={l.revalidations} renderItem={(r) => <RevalidationItem key={r.id} r={r} />} />
        </Card>
      )}
      {staff && <TasksCard license={l} />}
      <Card size="small" title={t('licensing.history')} className="wj-gap">
        <Timeline
          items={l.history.map((h, i) => ({
            key: `${h.at}-${i}`,
            children: (
              <span className="wj-stack">
                <span>
                  {h.onDate} {labels.licenseAct(h.action)}
                </span>
                <span className="wj-muted wj-small">
                  {chinaTime(h.at)} · {h.actorName ?? '—'}
                </span>
              </span>
            ),
          }))}
        />
      </Card>
    </>
  );
}
