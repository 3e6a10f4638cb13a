import { App, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useCreditMutation } from './creditApi';

/**
 * Ends something in a credit file (a demerit point, an override) with the reason the server
 * requires: the record stays in the file, marked revoked with that reason.
 */
export function RevokeWithReason({
  ariaLabel,
  buttonLabel,
  revoke,
  small = false,
}: {
  ariaLabel: string;
  buttonLabel: string;
  revoke: (reason: string) => Promise<unknown>;
  small?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const m = useCreditMutation(() => revoke(reason));
  const size = small ? 'small' : 'middle';
  return (
    <>
      <Space.Compact className="wj-full wj-top-gap">
        <Input
          size={size}
          aria-label={ariaLabel}
          placeholder={t('credit.editors.revokeReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button
          size={size}
          loading={m.isPending}
          onClick={() =>
            m.mutate(undefined, { onSuccess: () => message.success(t('credit.editors.revokedOk')) })
          }
        >
          {buttonLabel}
        </Button>
      </Space.Compact>
      <ProblemAlert error={m.error} />
    </>
  );
}
