import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchUserSensitive, type User } from '../../api/users';
import { ProblemAlert } from '../../ui/ProblemAlert';

/**
 * 查看完整信息: warns first that the read is recorded in the audit trail (个人信息保护法), and only
 * asks the server once the user confirms.
 */
export function SensitiveInfoModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const read = useMutation({ mutationFn: () => fetchUserSensitive(user.id) });
  const shown = read.data;
  return (
    <Modal
      open
      title={t('users.sensitiveTitle', { name: user.displayName })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        shown ? (
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" danger loading={read.isPending} onClick={() => read.mutate()}>
              {t('users.sensitiveConfirm')}
            </Button>
          </>
        )
      }
    >
      <Alert
        type={shown ? 'info' : 'warning'}
        showIcon
        className="wj-gap"
        title={shown ? t('users.sensitiveRecorded') : t('users.sensitiveWarning')}
      />
      <ProblemAlert error={read.error} />
      {shown && (
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            { key: 'phone', label: t('users.phone'), children: shown.phone ?? '—' },
            { key: 'idNumber', label: t('users.idNumber'), children: shown.idNumber ?? '—' },
          ]}
        />
      )}
    </Modal>
  );
}
