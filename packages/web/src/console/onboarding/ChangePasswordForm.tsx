import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../api/forms';
import { changePassword } from '../../api/identity';
import type { ProblemFieldError } from '../../api/problem';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { PasswordPolicy } from './PasswordPolicy';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

interface Props {
  /** Form name (input ids must be unique on the page). */
  name: string;
  username: string;
  onChanged: () => void;
}

/**
 * Current password, new password (policy shown up front and checked live), repeated. The server's
 * `weak_password` lists each broken rule on the new-password field.
 */
export function ChangePasswordForm({ name, username, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const [unmatched, setUnmatched] = useState<ProblemFieldError[]>([]);
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onMutate: () => setUnmatched([]),
    onSuccess: () => {
      form.resetFields();
      onChanged();
    },
    onError: (error) => setUnmatched(showFieldErrors(form, error, i18n.language, FIELDS)),
  });

  return (
    <Form<Values>
      form={form}
      name={name}
      layout="vertical"
      className="wj-form wj-account-form"
      requiredMark={false}
      onFinish={(v) => mutation.mutate(v)}
    >
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <Form.Item
        name="currentPassword"
        label={t('account.currentPassword')}
        rules={[{ required: true, message: t('account.currentPasswordRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <PasswordPolicy password={newPassword} username={username} />
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        rules={[{ required: true, message: t('account.newPasswordRequired') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('account.confirmPasswordRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('account.confirmPasswordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <div aria-live="polite" className="wj-gap">
        {mutation.isError && <ProblemAlert error={mutation.error} extra={unmatched} />}
      </div>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('account.changePassword')}
        </Button>
      </Form.Item>
    </Form>
  );
}
