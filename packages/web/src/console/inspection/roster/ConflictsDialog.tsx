import { App, Button, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../../api/auth';
import type { Inspector } from '../../../api/inspection';
import {
  type Conflict,
  type ConflictReason,
  useAddConflict,
  useEndConflict,
  useInspector,
} from '../../../api/inspectionConflicts';
import { useEstablishments } from '../../../api/registry';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useConsoleUser } from '../../consoleUser';

const REASONS: ConflictReason[] = ['former_employer', 'relative', 'other'];

/**
 * 回避: an officer's conflicts of interest. A supervisor records one for any officer of the roster,
 * an officer declares their own; a supervisor ends one with a reason (it stays in the history).
 */
export function ConflictsDialog({ officer, onClose }: { officer: Inspector; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useConsoleUser();
  const detail = useInspector(officer.id);
  const add = useAddConflict(officer.id);
  const end = useEndConflict(officer.id);
  const [form] = Form.useForm<{ establishmentId: number; reason: ConflictReason; note?: string }>();
  const [search, setSearch] = useState('');
  const [ending, setEnding] = useState<Conflict | null>(null);
  const [endReason, setEndReason] = useState('');
  const found = useEstablishments({ q: search || undefined, page: 1, pageSize: 20 });
  const manages = hasPermission(user, 'inspection.roster.manage');
  const mayAdd =
    manages || (hasPermission(user, 'inspection.conflict.declare') && officer.userId === user.id);
  const reason = (r: string) =>
    t(`inspectionPlan.conflictReasons.${r}` as 'inspectionPlan.conflictReasons.other');
  const conflicts = detail.data?.conflicts ?? [];

  const submit = async (v: { establishmentId: number; reason: ConflictReason; note?: string }) => {
    await add.mutateAsync({ establishmentId: v.establishmentId, reason: v.reason, note: v.note ?? '' });
    form.resetFields();
    message.success(t('inspection.done'));
  };

  return (
    <Modal
      open
      title={t('inspectionPlan.conflictsTitle', { name: officer.name })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('inspectionPlan.close')}</Button>}
    >
      <ProblemAlert error={detail.error ?? end.error} />
      <List
        size="small"
        loading={detail.isPending}
        locale={{ emptyText: t('inspectionPlan.noConflicts') }}
        dataSource={conflicts}
        renderItem={(c) => (
          <List.Item
            className="wj-conflict"
            actions={
              manages && !c.endedAt
                ? [
                    <Button key="end" size="small" onClick={() => setEnding(c)}>
                      {t('inspectionPlan.endConflict')}
                    </Button>,
                  ]
                : []
            }
          >
            <div>
              <Typography.Text strong>{c.establishmentName ?? `#${c.establishmentId}`}</Typography.Text>{' '}
              <Tag>{reason(c.reason)}</Tag>
              {c.endedAt ? (
                <Tag>{t('inspectionPlan.conflictEnded', { on: c.endedAt.slice(0, 10) })}</Tag>
              ) : (
                <Tag color="red">{t('inspectionPlan.conflictActive')}</Tag>
              )}
              <div className="wj-conflict-note">
                {t(c.source === 'declared' ? 'inspectionPlan.declared' : 'inspectionPlan.recorded', {
                  on: c.createdAt.slice(0, 10),
                  by: c.createdBy ?? '—',
                })}
                {c.note ? ` · ${c.note}` : ''}
                {c.endReason ? ` · ${c.endReason}` : ''}
              </div>
            </div>
          </List.Item>
        )}
      />
      {ending && (
        <Space.Compact className="wj-conflict-end">
          <Input
            aria-label={t('inspectionPlan.endReason')}
            placeholder={t('inspectionPlan.endReason')}
            value={endReason}
            onChange={(e) => setEndReason(e.target.value)}
          />
          <Button
            type="primary"
            loading={end.isPending}
            disabled={!endReason.trim()}
            onClick={() =>
              end
                .mutateAsync({ conflictId: ending.id, reason: endReason.trim() })
                .then(() => {
                  setEnding(null);
                  setEndReason('');
                })
                .catch(() => undefined)
            }
          >
            {t('inspectionPlan.endConflict')}
          </Button>
        </Space.Compact>
      )}
      {mayAdd && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => submit(v).catch(() => undefined)}
          className="wj-gap"
        >
          <Typography.Title level={3} className="wj-figure-heading">
            {t('inspectionPlan.addConflict')}
          </Typography.Title>
          <ProblemAlert error={add.error} />
          <Form.Item
            name="establishmentId"
            label={t('inspectionPlan.conflictEstablishment')}
            rules={[{ required: true, message: t('inspectionPlan.required') }]}
          >
            <Select<number>
              showSearch
              filterOption={false}
              onSearch={setSearch}
              loading={found.isFetching}
              options={(found.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('inspectionPlan.conflictReason')}
            rules={[{ required: true, message: t('inspectionPlan.required') }]}
          >
            <Select options={REASONS.map((r) => ({ value: r, label: reason(r) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('inspectionPlan.conflictNote')}>
            <Input maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('inspectionPlan.addConflict')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}
