import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';

interface Props {
  /** What is revealed, e.g. 联系电话. */
  what: string;
  /** Whose, for the dialog title. */
  whose: string;
  /** Asks the audited endpoint; resolves with the value in full (null = none on record). */
  reveal: () => Promise<string | null>;
}

/**
 * 查看完整信息: a warning first (the read is recorded in the audit trail, 个人信息保护法), and only
 * after the user confirms is the server asked.
 */
export function RevealButton({ what, whose, reveal }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const read = useMutation({ mutationFn: reveal });
  const close = () => {
    setOpen(false);
    read.reset();
  };
  const shown = read.isSuccess;
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)}>
        {t('registry.revealButton')}
      </Button>
      <Modal
        open={open}
        title={t('registry.revealTitle', { what, whose })}
        onCancel={close}
        destroyOnHidden
        footer={
          shown ? (
            <Button type="primary" onClick={close}>
              {t('common.close')}
            </Button>
          ) : (
            <>
              <Button onClick={close}>{t('common.cancel')}</Button>
              <Button type="primary" danger loading={read.isPending} onClick={() => read.mutate()}>
                {t('registry.revealConfirm')}
              </Button>
            </>
          )
        }
      >
        <Alert
          type={shown ? 'info' : 'warning'}
          showIcon
          className="wj-gap"
          title={shown ? t('registry.revealRecorded') : t('registry.revealWarning')}
        />
        <ProblemAlert error={read.error} />
        {shown && (
          <p>
            {what}：
            <Typography.Text strong copyable={!!read.data} className="wj-revealed">
              {read.data ?? '—'}
            </Typography.Text>
          </p>
        )}
      </Modal>
    </>
  );
}
