import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { acceptUscc } from '../../../api/registry';
import { ProblemAlert } from '../../../ui/ProblemAlert';

/**
 * 确认信用代码: a code that fails only its check character but was genuinely issued is accepted with a
 * stated reason (recorded in the audit trail); the next check of the file then takes it.
 */
export function AcceptUsccModal({
  uscc,
  onClose,
  onAccepted,
}: {
  uscc: string;
  onClose: () => void;
  onAccepted: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const accept = useMutation({
    mutationFn: (reason: string) => acceptUscc(uscc, reason),
    onSuccess: onAccepted,
  });
  return (
    <Modal
      open
      title={t('registryImport.acceptTitle', { uscc })}
      okText={t('registryImport.acceptCode')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={accept.isPending}
      mask={{ closable: false }}
    >
      <Alert type="warning" showIcon className="wj-gap" title={t('registryImport.acceptWarning')} />
      <Form form={form} name="accept-uscc" layout="vertical" onFinish={(v) => accept.mutate(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('registry.usccAcceptReason')}
          rules={[
            { required: true, whitespace: true, message: t('registry.usccAcceptReasonRequired') },
            { min: 4, max: 500, message: t('registry.usccAcceptReasonLength') },
          ]}
        >
          <Input.TextArea rows={3} placeholder={t('registry.usccAcceptReasonPlaceholder')} />
        </Form.Item>
      </Form>
      <ProblemAlert error={accept.error} />
    </Modal>
  );
}
