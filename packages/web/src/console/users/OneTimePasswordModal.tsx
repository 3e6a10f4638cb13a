import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserWithPassword } from '../../api/users';

interface Props {
  result: UserWithPassword;
  reason: 'created' | 'reset';
  onClose: () => void;
}

/** The one-time password, shown once: the server keeps only its hash. Closed only on purpose. */
export function OneTimePasswordModal({ result, reason, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={reason === 'created' ? t('users.createdTitle') : t('users.resetTitle')}
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('users.passwordNoted')}
        </Button>
      }
    >
      <Alert type="warning" showIcon className="wj-gap" title={t('users.passwordOnce')} />
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'name', label: t('users.displayName'), children: result.user.displayName },
          { key: 'username', label: t('users.username'), children: result.user.username },
          {
            key: 'password',
            label: t('users.oneTimePassword'),
            children: (
              <Typography.Text
                className="wj-one-time-password"
                copyable={{
                  text: result.oneTimePassword,
                  tooltips: [t('users.copy'), t('users.copied')],
                }}
              >
                {result.oneTimePassword}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Paragraph className="wj-muted wj-top-gap">
        {t('users.passwordHandOver')}
      </Typography.Paragraph>
    </Modal>
  );
}
