import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../api/forms';
import {
  beginSecondFactorSetup,
  confirmSecondFactor,
  groupSecret,
  type SecondFactorSetup as Setup,
  svgDataUri,
} from '../../api/identity';
import { isApiError, type ProblemFieldError } from '../../api/problem';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useIsPhone } from '../../ui/useIsPhone';

interface Props {
  username: string;
  onEnabled: () => void;
}

/**
 * TOTP enrolment (RFC 6238): install an authenticator app, scan the QR code (or type the secret),
 * prove it with a code. The QR code is the server's SVG shown through <img>, never as markup.
 */
export function SecondFactorSetup({ username, onEnabled }: Props) {
  const { t, i18n } = useTranslation();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<{ code: string }>();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [unmatched, setUnmatched] = useState<ProblemFieldError[]>([]);
  const begin = useMutation({ mutationFn: beginSecondFactorSetup, onSuccess: setSetup });
  const confirm = useMutation({
    mutationFn: (code: string) => confirmSecondFactor(code),
    onMutate: () => setUnmatched([]),
    onSuccess: onEnabled,
    onError: (error) => {
      form.setFieldValue('code', '');
      setUnmatched(showFieldErrors(form, error, i18n.language, ['code']));
    },
  });
  const noPending = isApiError(confirm.error, 'no_pending_second_factor');

  return (
    <div className="wj-totp-setup">
      <ol className="wj-totp-steps">
        <li>
          <Typography.Paragraph>{t('account.totpInstall')}</Typography.Paragraph>
          {(!setup || noPending) && (
            <Button type="primary" onClick={() => begin.mutate()} loading={begin.isPending}>
              {setup ? t('account.totpRegenerate') : t('account.totpBegin')}
            </Button>
          )}
          <ProblemAlert error={begin.error} />
        </li>
        {setup && (
          <li>
            <Typography.Paragraph>{t('account.totpScan')}</Typography.Paragraph>
            <img
              className="wj-qr"
              src={svgDataUri(setup.qrSvg)}
              alt={t('account.totpQrAlt')}
              width={200}
              height={200}
            />
            {isPhone && (
              <Typography.Paragraph>
                <a href={setup.otpauthUri}>{t('account.totpOpenApp')}</a>
              </Typography.Paragraph>
            )}
            <Typography.Paragraph className="wj-muted">
              {t('account.totpManual', { username })}
            </Typography.Paragraph>
            <Typography.Paragraph copyable={{ text: setup.secret }} className="wj-secret">
              <span className="wj-muted">{t('account.totpSecret')}：</span>
              <code>{groupSecret(setup.secret)}</code>
            </Typography.Paragraph>
          </li>
        )}
        {setup && (
          <li>
            <Form
              form={form}
              name="totp-confirm"
              layout="vertical"
              className="wj-form wj-account-form"
              requiredMark={false}
              onFinish={(v) => confirm.mutate(v.code)}
            >
              <Form.Item
                name="code"
                label={t('account.totpCode')}
                extra={t('account.totpCodeHelp')}
                rules={[
                  { required: true, message: t('signIn.totpRequired') },
                  { pattern: /^\d{6}$/, message: t('signIn.totpPattern') },
                ]}
              >
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} className="wj-totp" />
              </Form.Item>
              <div aria-live="polite" className="wj-gap">
                {confirm.isError && <ProblemAlert error={confirm.error} extra={unmatched} />}
              </div>
              <Button type="primary" htmlType="submit" loading={confirm.isPending}>
                {t('account.totpConfirm')}
              </Button>
            </Form>
          </li>
        )}
      </ol>
    </div>
  );
}
