import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Action,
  type ApplicationDetail,
  actOnApplication,
  applicationKey,
} from '../../../api/licensing';
import { isApiError } from '../../../api/problem';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useLicensingLabels } from '../labels';

const DANGER = new Set(['reject', 'refuse', 'withdraw']);
const PRIMARY = new Set(['grant', 'accept', 'submit', 'resubmit']);
/** Actions taken on other panels (the commitment form signs). */
const ELSEWHERE = new Set(['sign_commitment']);

interface Values {
  reasons?: string;
  items?: string;
  formalReviewPassed?: boolean;
  conditions?: string;
  scope?: string;
  decisionNo?: string;
  delayReason?: string;
  note?: string;
  objections?: string;
  reason?: string;
}

const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** The body the server expects for an action, from the modal's fields. */
function bodyOf(action: string, v: Values): Record<string, unknown> {
  const opt = (k: keyof Values) => (v[k] && String(v[k]).trim() ? { [k]: String(v[k]).trim() } : {});
  switch (action) {
    case 'reject':
      return { reasons: v.reasons };
    case 'refuse':
      return { reasons: v.reasons, ...opt('decisionNo'), ...opt('delayReason') };
    case 'request_correction':
      return { items: lines(v.items) };
    case 'grant':
      return {
        ...(v.formalReviewPassed !== undefined ? { formalReviewPassed: v.formalReviewPassed } : {}),
        ...(lines(v.conditions).length ? { conditions: lines(v.conditions) } : {}),
        ...opt('scope'),
        ...opt('decisionNo'),
        ...opt('delayReason'),
      };
    case 'start_site_inspection':
    case 'start_expert_review':
    case 'end_excluded_period':
      return opt('note');
    case 'end_public_notice':
      return opt('objections');
    case 'withdraw':
      return opt('reason');
    default:
      return {};
  }
}

/** The workflow's actions the signed-in user may take now; each asks for what the law requires. */
export function ActionPanel({ application: a }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Action | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const actions = a.availableActions.filter((x) => !ELSEWHERE.has(x.action));
  const overdue = Boolean(a.clocks.decide?.overdue);

  const run = async (action: Action, values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const next = await actOnApplication(a.id, {
        action: action.action,
        expectedVersion: a.version,
        ...bodyOf(action.action, values),
      });
      queryClient.setQueryData(applicationKey(a.id), next);
      await queryClient.invalidateQueries({ queryKey: ['licensing'] });
      message.success(t('licensing.done', { action: labels.action(action) }));
      setOpen(null);
      form.resetFields();
    } catch (e) {
      if (isApiError(e) && e.code === 'conflict') {
        message.warning(t('licensing.conflict'));
        await queryClient.invalidateQueries({ queryKey: applicationKey(a.id) });
        setOpen(null);
      }
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const name = open?.action;
  const needsReasons = name === 'reject' || name === 'refuse';
  return (
    <Card size="small" title={t('licensing.actions')} className="wj-gap">
      {error !== null && !open && <ProblemAlert error={error} />}
      {actions.length === 0 ? (
        <p className="wj-muted">{t('licensing.noActions')}</p>
      ) : (
        <Space wrap>
          {actions.map((x) => (
            <Button
              key={x.action}
              type={PRIMARY.has(x.action) ? 'primary' : 'default'}
              danger={DANGER.has(x.action)}
              onClick={() => {
                setError(null);
                form.resetFields();
                setOpen(x);
              }}
            >
              {labels.action(x)}
            </Button>
          ))}
        </Space>
      )}
      <Modal
        open={open !== null}
        title={open ? labels.action(open) : ''}
        okText={t('licensing.confirm')}
        cancelText={t('licensing.cancel')}
        confirmLoading={busy}
        onCancel={() => setOpen(null)}
        onOk={() => void form.validateFields().then((v) => open && run(open, v))}
        destroyOnHidden
      >
        {error !== null && <ProblemAlert error={error} />}
        <p>
          {a.establishment.name} · {labels.name(a.permit)}
        </p>
        <Form form={form} layout="vertical" name={`action-${name ?? ''}`}>
          {needsReasons && (
            <Form.Item
              name="reasons"
              label={t('licensing.reasons')}
              rules={[{ required: true, min: 2, message: t('licensing.reasonsRequired') }]}
            >
              <Input.TextArea rows={4} placeholder={t('licensing.reasonsPlaceholder')} />
            </Form.Item>
          )}
          {name === 'request_correction' && (
            <Form.Item
              name="items"
              label={t('licensing.correctionItems')}
              rules={[{ required: true, message: t('licensing.correctionRequired') }]}
            >
              <Input.TextArea rows={4} placeholder={t('licensing.correctionPlaceholder')} />
            </Form.Item>
          )}
          {name === 'grant' && a.permit.mode === 'commitment' && (
            <Form.Item
              name="formalReviewPassed"
              valuePropName="checked"
              rules={[
                {
                  validator: (_, v) =>
                    v ? Promise.resolve() : Promise.reject(new Error(t('licensing.formalReviewRequired'))),
                },
              ]}
            >
              <Checkbox>{t('licensing.formalReview')}</Checkbox>
            </Form.Item>
          )}
          {name === 'grant' && a.permit.mode !== 'commitment' && (
            <>
              <Form.Item name="scope" label={t('licensing.scope')}>
                <Input />
              </Form.Item>
              <Form.Item name="conditions" label={t('licensing.conditionsGranted')}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          )}
          {(name === 'grant' || name === 'refuse') && (
            <Form.Item name="decisionNo" label={t('licensing.decisionNo')}>
              <Input />
            </Form.Item>
          )}
          {(name === 'grant' || name === 'refuse') && overdue && (
            <Form.Item
              name="delayReason"
              label={t('licensing.delayReason')}
              rules={[{ required: true, min: 2 }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          {(name === 'start_site_inspection' ||
            name === 'start_expert_review' ||
            name === 'end_excluded_period') && (
            <Form.Item name="note" label={t('licensing.optionalNote')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          {name === 'end_public_notice' && (
            <Form.Item name="objections" label={t('licensing.objections')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          {name === 'withdraw' && (
            <Form.Item name="reason" label={t('licensing.optionalNote')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
