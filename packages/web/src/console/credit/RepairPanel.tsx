import { App, Button, Checkbox, Form, Input, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../api/auth';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { type BlacklistEntry, creditWrites, type RepairApplication, useCreditMutation } from './creditApi';
import { when } from './labels';

const CONDITIONS = [
  'obligations_fulfilled',
  'conduct_corrected',
  'credit_commitment_signed',
  'no_new_serious_dishonesty',
] as const;

/** Credit repair (信用修复): the applications with their declared conditions, a decision, a new application. */
export function RepairPanel({ entry }: { entry: BlacklistEntry }) {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const canDecide = hasPermission(user, 'credit.blacklist.manage');
  const canApply = hasPermission(user, 'credit.repair.apply') && entry.status === 'listed';
  const pending = entry.repairs.some((r) => r.status === 'pending');
  return (
    <section className="wj-top-gap">
      <h3>{t('credit.repairs')}</h3>
      {entry.repairs.length === 0 ? (
        <p className="wj-muted">{t('credit.noRepairs')}</p>
      ) : (
        <List
          dataSource={entry.repairs}
          renderItem={(r) => (
            <List.Item key={r.id}>
              <RepairItem entry={entry} repair={r} canDecide={canDecide && entry.status === 'listed'} />
            </List.Item>
          )}
        />
      )}
      {canApply && !pending && <RepairForm entry={entry} />}
    </section>
  );
}

function RepairItem({
  entry,
  repair,
  canDecide,
}: {
  entry: BlacklistEntry;
  repair: RepairApplication;
  canDecide: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const decide = useCreditMutation((decision: 'grant' | 'refuse') =>
    creditWrites.decideRepair(entry.id, repair.id, { decision, reason }),
  );
  const color = { pending: 'gold', granted: 'green', refused: 'red' }[repair.status];
  return (
    <div className="wj-full">
      <div className="wj-entry-head">
        <Tag color={color}>{t(`credit.repairStatus.${repair.status}`)}</Tag>
        <span className="wj-muted">
          {repair.appliedBy} · {when(repair.appliedAt)}
        </span>
      </div>
      <p>{repair.statement}</p>
      <ul>
        {repair.conditions.map((c) => (
          <li key={c.code}>
            {c.met ? '✓' : '✗'} {t(`credit.conditionNames.${c.code as (typeof CONDITIONS)[number]}`)}
            {c.evidence && <span className="wj-muted"> — {c.evidence}</span>}
          </li>
        ))}
      </ul>
      {repair.decisionReason && (
        <p className="wj-muted">
          {repair.decidedBy} · {when(repair.decidedAt)}：{repair.decisionReason}
        </p>
      )}
      {canDecide && repair.status === 'pending' && (
        <>
          <Input.TextArea
            aria-label={t('credit.decisionReason')}
            placeholder={t('credit.decisionReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={2}
          />
          <ProblemAlert error={decide.error} />
          <Space wrap className="wj-top-gap">
            <Button
              type="primary"
              loading={decide.isPending}
              onClick={() =>
                decide.mutate('grant', { onSuccess: () => message.success(t('credit.decided')) })
              }
            >
              {t('credit.grant')}
            </Button>
            <Button
              danger
              loading={decide.isPending}
              onClick={() =>
                decide.mutate('refuse', { onSuccess: () => message.success(t('credit.decided')) })
              }
            >
              {t('credit.refuse')}
            </Button>
          </Space>
        </>
      )}
    </div>
  );
}

interface RepairValues {
  statement: string;
  met: string[];
  evidence: Record<string, string | undefined>;
}

/** The application form; also on the institution's own credit page (/my/credit), which knows only the id. */
export function RepairForm({ entry }: { entry: Pick<BlacklistEntry, 'id'> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RepairValues>();
  const apply = useCreditMutation((v: RepairValues) =>
    creditWrites.applyForRepair(entry.id, {
      statement: v.statement,
      conditions: CONDITIONS.map((code) => ({
        code,
        met: (v.met ?? []).includes(code),
        evidence: v.evidence?.[code] ?? '',
      })),
    }),
  );
  return (
    <Form
      form={form}
      layout="vertical"
      className="wj-top-gap"
      onFinish={(v) => apply.mutate(v, { onSuccess: () => message.success(t('credit.applied')) })}
    >
      <h3>{t('credit.applyRepair')}</h3>
      <Form.Item
        name="statement"
        label={t('credit.statement')}
        rules={[{ required: true, min: 5, message: t('credit.reasonMin') }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="met" label={t('credit.conditions')}>
        <Checkbox.Group
          className="wj-stack"
          options={CONDITIONS.map((c) => ({ value: c, label: t(`credit.conditionNames.${c}`) }))}
        />
      </Form.Item>
      {CONDITIONS.map((c) => (
        <Form.Item
          key={c}
          name={['evidence', c]}
          label={`${t('credit.evidence')}：${t(`credit.conditionNames.${c}`)}`}
        >
          <Input />
        </Form.Item>
      ))}
      <ProblemAlert error={apply.error} />
      <Button type="primary" htmlType="submit" loading={apply.isPending}>
        {t('credit.submit')}
      </Button>
    </Form>
  );
}
