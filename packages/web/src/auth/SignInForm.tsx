import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CurrentUser, type SignInInput, signIn } from '../api/auth';
import { showFieldErrors } from '../api/forms';
import { isApiError, type ProblemFieldError, pickMessage } from '../api/problem';
import { ProblemAlert } from '../ui/ProblemAlert';

const FIELDS = ['username', 'password', 'totpCode'] as const;

interface Props {
  /** Distinguishes the staff form from the institution form (input ids must be unique). */
  name: string;
  onSignedIn: (user: CurrentUser) => void;
}

/**
 * Username and password; the 6-digit 动态口令 field appears only once the server answers
 * `second_factor_required`, and the form is then resubmitted with `totpCode`.
 */
export function SignInForm({ name, onSignedIn }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<SignInInput>();
  const [needsCode, setNeedsCode] = useState(false);
  const [unmatched, setUnmatched] = useState<ProblemFieldError[]>([]);
  const mutation = useMutation({
    mutationFn: signIn,
    onMutate: () => setUnmatched([]),
    onSuccess: ({ user }) => onSignedIn(user),
    onError: (error) => {
      if (isApiError(error, 'second_factor_required')) {
        setNeedsCode(true);
        return;
      }
      if (needsCode) form.setFieldValue('totpCode', '');
      setUnmatched(showFieldErrors(form, error, i18n.language, FIELDS));
    },
  });

  const submit = (values: SignInInput) =>
    mutation.mutate({
      username: values.username.trim(),
      password: values.password,
      ...(needsCode && values.totpCode ? { totpCode: values.totpCode } : {}),
    });

  const askedForCode = isApiError(mutation.error, 'second_factor_required') ? mutation.error.problem : null;
  return (
    <Form<SignInInput>
      form={form}
      name={name}
      layout="vertical"
      className="wj-form"
      onFinish={submit}
      requiredMark={false}
    >
      <Form.Item
        name="username"
        label={t('signIn.username')}
        rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}
      >
        <Input autoComplete="username" autoCapitalize="none" spellCheck={false} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('signIn.password')}
        rules={[{ required: true, message: t('signIn.passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      {needsCode && (
        <Form.Item
          name="totpCode"
          label={t('signIn.totp')}
          extra={t('signIn.totpHelp')}
          rules={[
            { required: true, message: t('signIn.totpRequired') },
            { pattern: /^\d{6}$/, message: t('signIn.totpPattern') },
          ]}
        >
          <Input
            autoFocus
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            className="wj-totp"
          />
        </Form.Item>
      )}
      <div aria-live="polite" className="wj-gap">
        {askedForCode && <Alert type="info" showIcon title={pickMessage(askedForCode, i18n.language)} />}
        {mutation.isError && !askedForCode && <ProblemAlert error={mutation.error} extra={unmatched} />}
      </div>
      <Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending}>
          {t('signIn.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
