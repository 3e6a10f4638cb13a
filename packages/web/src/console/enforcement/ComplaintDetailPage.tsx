import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Radio,
  Row,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasPermission } from '../../api/auth';
import {
  actOnComplaint,
  type ComplaintDetail,
  complaintKey,
  ENFORCEMENT_KEY,
  noteComplaint,
  type ReporterIdentity,
  readReporter,
  useComplaint,
  useComplaintCategories,
} from '../../api/enforcement';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { ActionButtons, ActionForm } from './ActionForm';
import { complaintActionFields } from './complaintActions';
import { DueTag } from './DueTag';
import { useEnforcementLabels } from './labels';
import { StateTag } from './StateTag';

/** One complaint: what was reported, where it was routed, its deadlines, reporters, notes and actions. */
export function ComplaintDetailPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const record = useComplaint(id);
  const labels = useEnforcementLabels();
  const categories = useComplaintCategories();
  const queryClient = useQueryClient();
  const user = useConsoleUser();
  if (record.isPending) return <PageLoading />;
  if (record.isError)
    return (
      <div className="wj-page">
        <ProblemAlert error={record.error} />
      </div>
    );
  const c = record.data;
  const refresh = (next?: ComplaintDetail) => {
    if (next) queryClient.setQueryData(complaintKey(id), next);
    void queryClient.invalidateQueries({ queryKey: ENFORCEMENT_KEY });
  };
  const canHandle = hasPermission(user, 'complaint.handle');
  return (
    <div className="wj-page wj-page-wide">
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to="/console/enforcement/complaints">{t('enforcement.complaintsTitle')}</Link> },
          { title: c.number },
        ]}
      />
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {c.number} <StateTag state={c.state} label={labels.complaintState(c.state)} />
        </Typography.Title>
      </div>
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={15}>
          <Card title={<h2 className="wj-card-title">{t('enforcement.facts')}</h2>} className="wj-gap">
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'category', label: t('enforcement.category'), children: c.categoryName },
                {
                  key: 'what',
                  label: t('enforcement.establishment'),
                  children: c.needsTriage ? (
                    <Tag color="warning">{t('enforcement.unknownEstablishment')}</Tag>
                  ) : (
                    c.establishmentText
                  ),
                },
                {
                  key: 'practitioner',
                  label: t('enforcement.practitioner'),
                  children: c.practitionerText || '—',
                },
                { key: 'location', label: t('enforcement.location'), children: c.locationText || '—' },
                { key: 'channel', label: t('enforcement.channel'), children: labels.channel(c.channel) },
                ...(c.transferredFrom
                  ? [{ key: 'from', label: t('enforcement.transferredFrom'), children: c.transferredFrom }]
                  : []),
                {
                  key: 'description',
                  label: t('enforcement.description'),
                  children: <div className="wj-prewrap">{c.description}</div>,
                },
                ...(c.conclusion
                  ? [
                      {
                        key: 'conclusion',
                        label: t('enforcement.conclusion'),
                        children: (
                          <>
                            <Tag color={c.substantiated ? 'red' : 'default'}>
                              {c.substantiated
                                ? t('enforcement.substantiated')
                                : t('enforcement.notSubstantiated')}
                            </Tag>
                            <div className="wj-prewrap">{c.conclusion}</div>
                          </>
                        ),
                      },
                    ]
                  : []),
                ...(c.lead
                  ? [
                      {
                        key: 'lead',
                        label: t('enforcement.lead'),
                        children: (
                          <span>
                            <Link to={`/console/enforcement/leads/${c.lead.id}`}>{c.lead.number}</Link>{' '}
                            {labels.leadState(c.lead.state)}
                            {c.lead.caseId && (
                              <>
                                {' · '}
                                <Link to={`/console/enforcement/cases/${c.lead.caseId}`}>
                                  {t('enforcement.case')}
                                </Link>
                              </>
                            )}
                          </span>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <Card title={<h2 className="wj-card-title">{t('enforcement.notes')}</h2>} className="wj-gap">
            <Timeline
              items={c.notes.map((n) => ({
                key: n.id,
                color: n.visibility === 'public' ? 'blue' : 'gray',
                content: (
                  <div className="wj-timeline-entry">
                    <div className="wj-muted">
                      {n.onDate} · {n.actorName ?? '—'} ·{' '}
                      <Tag color={n.visibility === 'public' ? 'blue' : 'default'}>
                        {n.visibility === 'public'
                          ? t('enforcement.notePublic')
                          : t('enforcement.noteInternal')}
                      </Tag>
                    </div>
                    <div className="wj-prewrap">{n.text}</div>
                  </div>
                ),
              }))}
            />
            {canHandle && <NoteForm id={id} onDone={refresh} />}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={<h2 className="wj-card-title">{t('enforcement.actions')}</h2>} className="wj-gap">
            <ActionButtons
              actions={
                canHandle
                  ? c.availableActions.map((a) => ({ action: a.action, label: labels.action(a) }))
                  : []
              }
              render={(action, close) => (
                <ActionForm
                  open
                  title={labels.action(c.availableActions.find((a) => a.action === action)!)}
                  fields={complaintActionFields(action, labels, categories.data ?? [], i18n.language)}
                  onClose={close}
                  send={(v) => actOnComplaint(id, { action, expectedVersion: c.version, ...v })}
                  onDone={() => {
                    close();
                    refresh();
                  }}
                />
              )}
            />
          </Card>
          <Card title={<h2 className="wj-card-title">{t('enforcement.due')}</h2>} className="wj-gap">
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'unit',
                  label: t('enforcement.unit'),
                  children: `${c.unit.name}（${c.departmentName}）`,
                },
                { key: 'received', label: t('enforcement.received'), children: c.receivedOn },
                { key: 'accept', label: t('enforcement.acceptDue'), children: c.acceptedOn ?? c.acceptDue },
                {
                  key: 'handle',
                  label: t('enforcement.handleDue'),
                  children: c.concludedOn ?? c.handleDue ?? '—',
                },
                {
                  key: 'reply',
                  label: t('enforcement.replyDue'),
                  children: c.repliedOn ?? c.replyDue ?? '—',
                },
                {
                  key: 'now',
                  label: t('enforcement.due'),
                  children: <DueTag dueOn={c.dueOn} overdue={c.overdue} />,
                },
              ]}
            />
          </Card>
          <ReportersCard c={c} />
        </Col>
      </Row>
    </div>
  );
}

function NoteForm({ id, onDone }: { id: number; onDone: (next: ComplaintDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ visibility: 'public' | 'internal'; text: string }>();
  const add = useMutation({
    mutationFn: (v: { visibility: 'public' | 'internal'; text: string }) => noteComplaint(id, v),
    onSuccess: (next) => {
      form.resetFields();
      onDone(next);
    },
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ visibility: 'internal' }}
      onFinish={(v) => add.mutate(v)}
    >
      <Form.Item name="visibility" label={t('enforcement.noteVisibility')}>
        <Radio.Group
          options={[
            { value: 'internal', label: t('enforcement.noteInternal') },
            { value: 'public', label: t('enforcement.notePublic') },
          ]}
        />
      </Form.Item>
      <Form.Item name="text" label={t('enforcement.noteText')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <ProblemAlert error={add.error} />
      <Button htmlType="submit" loading={add.isPending}>
        {t('enforcement.addNote')}
      </Button>
    </Form>
  );
}

/** The reporters: identity withheld; the handling unit may read it, and each reading is audited. */
function ReportersCard({ c }: { c: ComplaintDetail }) {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const [shown, setShown] = useState<Record<number, ReporterIdentity>>({});
  const reveal = useMutation({
    mutationFn: (reporterId: number) => readReporter(c.id, reporterId),
    onSuccess: (r) => setShown((s) => ({ ...s, [r.reporterId]: r })),
  });
  const canRead = hasPermission(user, 'complaint.reporter.read');
  return (
    <Card title={<h2 className="wj-card-title">{t('enforcement.reporterList')}</h2>} className="wj-gap">
      <ul className="wj-plain-list">
        {c.reporters.map((r) => (
          <li key={r.id} className="wj-gap">
            <strong>#{r.seq}</strong> {r.submittedOn} ·{' '}
            {r.anonymous ? t('enforcement.reporterAnonymous') : t('enforcement.reporterNamed')}
            {shown[r.id] ? (
              <div>
                {shown[r.id]!.name} {shown[r.id]!.phone}
              </div>
            ) : (
              r.identityOnFile &&
              canRead && (
                <Button
                  size="small"
                  type="link"
                  onClick={() => reveal.mutate(r.id)}
                  loading={reveal.isPending}
                >
                  {t('enforcement.showIdentity')}
                </Button>
              )
            )}
          </li>
        ))}
      </ul>
      <p className="wj-muted wj-small">{t('enforcement.identityAudited')}</p>
      <ProblemAlert error={reveal.error} />
    </Card>
  );
}
