import { App, Button, Descriptions, Form, Input, Radio, Select, Space, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission } from '../../api/auth';
import { useUsers } from '../../api/users';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import {
  type AlertActionInput,
  type CreditAlert,
  creditWrites,
  type Disposition,
  useAlert,
  useCreditMutation,
} from './creditApi';
import { useBilingual, when } from './labels';
import { filePath } from './RiskListPage';

const DISPOSITIONS: Disposition[] = ['closed', 'rectification_ordered', 'lead'];

export function AlertStateTags({ a }: { a: CreditAlert }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={a.status === 'handled' ? 'green' : 'gold'}>
        {t(`credit.alertStates.${a.status as 'open'}`, { defaultValue: a.status })}
      </Tag>
      {a.overdue && <Tag color="red">{t('credit.overdue')}</Tag>}
      {a.escalationLevel > 0 && (
        <Tag color="volcano">{t('credit.escalated', { level: a.escalationLevel })}</Tag>
      )}
    </>
  );
}

/** One warning: what it says and why, its history, and the actions its state allows (assign, check, handle). */
export function AlertDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const { pair, pick } = useBilingual();
  const user = useConsoleUser();
  const q = useAlert(id);
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ProblemAlert error={q.error} />;
  const a = q.data;
  const canAct = hasPermission(user, 'credit.alert.handle');
  return (
    <div data-testid="alert-detail">
      <h3>{pair(a.ruleNameZh, a.ruleNameEn)}</h3>
      <AlertStateTags a={a} />
      <Descriptions
        className="wj-top-gap wj-facts"
        size="small"
        column={1}
        items={[
          {
            key: 'est',
            label: t('credit.establishment'),
            children: (
              <Link to={filePath(a.establishmentId)}>{a.establishmentName ?? a.establishmentId}</Link>
            ),
          },
          { key: 'summary', label: t('credit.reason'), children: pair(a.summaryZh, a.summaryEn) },
          { key: 'basis', label: t('credit.citation'), children: pick(a.citation) },
          { key: 'raised', label: t('credit.raisedOn'), children: a.raisedOn },
          {
            key: 'due',
            label: t('credit.dueOn'),
            children: `${a.dueOn}${a.nextEscalationOn ? ` · ${t('credit.nextEscalation', { date: a.nextEscalationOn })}` : ''}`,
          },
          {
            key: 'assignee',
            label: t('credit.assignee'),
            children: a.assignee?.username ?? t('credit.unassigned'),
          },
          ...(a.checkFindings
            ? [
                {
                  key: 'findings',
                  label: t('credit.checkFindings'),
                  children: `${a.confirmed ? t('credit.confirmedYes') : t('credit.confirmedNo')}：${a.checkFindings}`,
                },
              ]
            : []),
          ...(a.disposition
            ? [
                {
                  key: 'disposition',
                  label: t('credit.disposition'),
                  children: `${t(`credit.dispositions.${a.disposition}`)}：${a.dispositionNote ?? ''}`,
                },
              ]
            : []),
        ]}
      />
      {canAct && <AlertActions a={a} />}
      {a.history && a.history.length > 0 && (
        <>
          <h3 className="wj-top-gap">{t('credit.history')}</h3>
          <Timeline
            items={a.history.map((h, i) => ({
              key: i,
              content: (
                <span>
                  {when(h.at)} {h.by} ·{' '}
                  {t(`credit.alertStates.${h.toStatus as 'open'}`, { defaultValue: h.toStatus })}
                  {h.note && <span className="wj-muted"> — {h.note}</span>}
                </span>
              ),
            }))}
          />
        </>
      )}
    </div>
  );
}

function AlertActions({ a }: { a: CreditAlert }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useConsoleUser();
  const act = useCreditMutation((input: AlertActionInput) => creditWrites.actOnAlert(a.id, input));
  const ok = { onSuccess: () => message.success(t('credit.done')) };
  const allowed = new Set(a.allowedActions);
  return (
    <section className="wj-top-gap">
      <ProblemAlert error={act.error} />
      {allowed.has('assign') && (
        <Space wrap className="wj-gap">
          {a.assignee?.id !== user.id && (
            <Button
              loading={act.isPending}
              onClick={() =>
                act.mutate({ action: 'assign', assigneeUserId: user.id, expectedVersion: a.version }, ok)
              }
            >
              {t('credit.assignToMe')}
            </Button>
          )}
          {hasPermission(user, 'identity.user.read') && (
            <AssignToOfficer
              onPick={(id) =>
                act.mutate({ action: 'assign', assigneeUserId: id, expectedVersion: a.version }, ok)
              }
            />
          )}
        </Space>
      )}
      {allowed.has('check') && (
        <Form<{ confirmed: boolean; findings: string }>
          layout="vertical"
          initialValues={{ confirmed: true }}
          onFinish={(v) => act.mutate({ action: 'check', ...v, expectedVersion: a.version }, ok)}
        >
          <h3>{t('credit.check')}</h3>
          <Form.Item name="confirmed" label={t('credit.confirmed')}>
            <Radio.Group
              options={[
                { value: true, label: t('credit.confirmedYes') },
                { value: false, label: t('credit.confirmedNo') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="findings"
            label={t('credit.findings')}
            rules={[{ required: true, min: 2, message: t('credit.findingsRequired') }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={act.isPending}>
            {t('credit.submit')}
          </Button>
        </Form>
      )}
      {allowed.has('dispose') && (
        <Form<{ disposition: Disposition; note: string }>
          layout="vertical"
          initialValues={{ disposition: 'closed' }}
          onFinish={(v) => act.mutate({ action: 'dispose', ...v, expectedVersion: a.version }, ok)}
        >
          <h3>{t('credit.dispose')}</h3>
          <Form.Item name="disposition" label={t('credit.disposition')}>
            <Select options={DISPOSITIONS.map((d) => ({ value: d, label: t(`credit.dispositions.${d}`) }))} />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('credit.dispositionNote')}
            rules={[{ required: true, min: 2, message: t('credit.dispositionNoteRequired') }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={act.isPending}>
            {t('credit.submit')}
          </Button>
        </Form>
      )}
    </section>
  );
}

/** Leaders hand a warning to an inspector of their unit (the server checks that they may handle it). */
function AssignToOfficer({ onPick }: { onPick: (userId: number) => void }) {
  const { t } = useTranslation();
  const officers = useUsers({ role: 'inspector', status: 'active', page: 1, pageSize: 100 });
  return (
    <Select<number>
      className="wj-assign-select"
      aria-label={t('credit.assignTo')}
      placeholder={t('credit.assignTo')}
      loading={officers.isPending}
      value={null}
      onChange={onPick}
      options={(officers.data?.items ?? []).map((u) => ({
        value: u.id,
        label: `${u.displayName}（${u.username}）`,
      }))}
    />
  );
}
