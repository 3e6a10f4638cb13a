import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hasPermission } from '../../../api/auth';
import { type Campaign, useCampaignAction } from '../../../api/inspection';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useConsoleUser } from '../../consoleUser';
import { campaignPath } from '../labels';

const PERMISSION: Record<string, string> = {
  edit: 'inspection.campaign.manage',
  approve: 'inspection.campaign.approve',
  freeze: 'inspection.campaign.manage',
  draw: 'inspection.campaign.manage',
  cancel: 'inspection.campaign.manage',
  'publish-results': 'inspection.result.publish',
};

/** The actions the campaign's status allows and the user may take; each asks before it acts. */
export function CampaignActions({ campaign: c }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const user = useConsoleUser();
  const navigate = useNavigate();
  const action = useCampaignAction(c.id);
  const [dialog, setDialog] = useState<'draw' | 'cancel' | null>(null);
  const [drawForm] = Form.useForm<{ values: Record<string, string>; nonce?: string }>();
  const [cancelForm] = Form.useForm<{ reason: string }>();
  // Publication is not a status change: offered while completed results wait to be published.
  const unpublished = c.status === 'drawn' && c.progress.completed > c.progress.published;
  const actions = [...c.availableActions, ...(unpublished ? ['publish-results'] : [])].filter(
    (a) => PERMISSION[a] && hasPermission(user, PERMISSION[a]!),
  );
  const label = (a: string) => t(`inspection.actions.${a}` as 'inspection.actions.approve');

  const run = async (name: string, body?: unknown) => {
    await action.mutateAsync({ action: name, body });
    message.success(t('inspection.done'));
  };
  const confirm = (name: string, content: string) =>
    modal.confirm({
      title: label(name),
      content,
      okText: label(name),
      cancelText: t('common.cancel'),
      onOk: () => run(name).catch(() => undefined),
    });
  const click = (a: string) => {
    if (a === 'edit') navigate(`${campaignPath(c.id)}/edit`);
    else if (a === 'approve') confirm(a, t('inspection.approveConfirm'));
    else if (a === 'freeze') confirm(a, t('inspection.freezeConfirm'));
    else if (a === 'publish-results') confirm(a, t('inspection.publishConfirm'));
    else if (a === 'draw' || a === 'cancel') {
      action.reset();
      setDialog(a);
    }
  };

  if (actions.length === 0) return null;
  return (
    <>
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            type={a === 'cancel' || a === 'edit' ? 'default' : 'primary'}
            danger={a === 'cancel'}
            onClick={() => click(a)}
          >
            {label(a)}
          </Button>
        ))}
      </Space>
      {dialog === null && <ProblemAlert error={action.error} />}
      <Modal
        open={dialog === 'draw'}
        title={t('inspection.drawDialog')}
        okText={label('draw')}
        cancelText={t('common.cancel')}
        confirmLoading={action.isPending}
        onCancel={() => setDialog(null)}
        onOk={async () => {
          const v = await drawForm.validateFields();
          await run('draw', {
            sourceValues: c.sources.map((s) => ({ id: s.id, value: v.values[s.id] })),
            ...(v.nonce ? { nonce: v.nonce } : {}),
          })
            .then(() => setDialog(null))
            .catch(() => undefined);
        }}
      >
        <p>{t('inspection.drawHelp')}</p>
        <ProblemAlert error={action.error} />
        <Form form={drawForm} layout="vertical" className="wj-modal-form">
          {c.sources.map((s) => (
            <Form.Item
              key={s.id}
              name={['values', s.id]}
              label={s.description}
              rules={[{ required: true, whitespace: true, message: t('inspection.sourceValueRequired') }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          ))}
          {!c.nonceHeldByPlatform && (
            <Form.Item
              name="nonce"
              label={t('inspection.nonce')}
              extra={t('inspection.nonceHelp')}
              rules={[{ required: true, pattern: /^[0-9a-f]{64}$/, message: t('inspection.nonceHelp') }]}
            >
              <Input className="wj-mono" autoComplete="off" />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Modal
        open={dialog === 'cancel'}
        title={t('inspection.cancelDialog')}
        okText={label('cancel')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={action.isPending}
        onCancel={() => setDialog(null)}
        onOk={async () => {
          const v = await cancelForm.validateFields();
          await run('cancel', { reason: v.reason })
            .then(() => setDialog(null))
            .catch(() => undefined);
        }}
      >
        <ProblemAlert error={action.error} />
        <Form form={cancelForm} layout="vertical">
          <Form.Item
            name="reason"
            label={t('inspection.cancelReason')}
            rules={[{ required: true, whitespace: true, message: t('inspection.cancelReasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
