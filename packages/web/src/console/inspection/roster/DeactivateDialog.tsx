import { App, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EditableInspector, useSaveInspector } from '../../../api/inspectionEditors';
import { ProblemAlert } from '../../../ui/ProblemAlert';

/** 停用: the officer is no longer drawn; the record and its conflict links stay. */
export function DeactivateDialog({ officer, onClose }: { officer: EditableInspector; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveInspector(officer.id);
  const [reason, setReason] = useState('');
  const e = (k: string, o?: Record<string, unknown>) =>
    t(`inspectionEditors.${k}` as 'inspectionEditors.kind', o ?? {});
  return (
    <Modal
      open
      title={e('deactivateTitle', { name: officer.name })}
      okText={e('deactivate')}
      okButtonProps={{ danger: true, disabled: !reason.trim() }}
      cancelText={e('cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() =>
        save
          .mutateAsync({
            available: false,
            unavailableReason: reason.trim(),
            expectedVersion: officer.version,
          })
          .then(() => {
            message.success(e('deactivated'));
            onClose();
          })
          .catch(() => undefined)
      }
    >
      <Typography.Paragraph type="secondary">{e('deactivateHelp')}</Typography.Paragraph>
      <ProblemAlert error={save.error} />
      <Input
        aria-label={e('unavailableReason')}
        placeholder={e('reasonPlaceholder')}
        maxLength={200}
        value={reason}
        onChange={(ev) => setReason(ev.target.value)}
      />
    </Modal>
  );
}
