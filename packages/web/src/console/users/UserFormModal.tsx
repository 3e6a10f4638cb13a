import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../api/forms';
import type { ProblemFieldError } from '../../api/problem';
import { roleLabel, useRoles } from '../../api/roles';
import { useUnits } from '../../api/units';
import {
  createUser,
  type UpdateUserInput,
  type User,
  type UserWithPassword,
  updateUser,
} from '../../api/users';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';

interface Values {
  username: string;
  displayName: string;
  unitId: number;
  roles: string[];
  phone?: string;
  idNumber?: string;
}

const FIELDS = ['username', 'displayName', 'unitId', 'roles', 'phone', 'idNumber'] as const;

interface Props {
  /** null: a new user. */
  user: User | null;
  onClose: () => void;
  onCreated: (result: UserWithPassword) => void;
  onSaved: (user: User) => void;
}

/** Only what changed is sent; blank phone and ID number leave the stored ones as they are. */
function changes(user: User, v: Values): UpdateUserInput {
  const input: UpdateUserInput = {};
  if (v.displayName.trim() !== user.displayName) input.displayName = v.displayName.trim();
  if (v.unitId !== user.unit?.id) input.unitId = v.unitId;
  const before = user.roles.map((r) => r.code).sort();
  if (JSON.stringify([...v.roles].sort()) !== JSON.stringify(before)) input.roles = v.roles;
  if (v.phone?.trim()) input.phone = v.phone.trim();
  if (v.idNumber?.trim()) input.idNumber = v.idNumber.trim();
  return input;
}

/** 新建用户 / 编辑用户: unit from /units, roles from /roles (staff roles the administrator may grant). */
export function UserFormModal({ user, onClose, onCreated, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const me = useConsoleUser();
  const [form] = Form.useForm<Values>();
  const [unmatched, setUnmatched] = useState<ProblemFieldError[]>([]);
  const units = useUnits();
  const roles = useRoles();
  const mutation = useMutation({
    mutationFn: async (v: Values) => {
      if (user) return { saved: await updateUser(user.id, changes(user, v)) };
      const created = await createUser({
        kind: 'staff',
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        unitId: v.unitId,
        roles: v.roles,
        ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
        ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim() } : {}),
      });
      return { created };
    },
    onMutate: () => setUnmatched([]),
    onSuccess: (r) => (r.created ? onCreated(r.created) : r.saved && onSaved(r.saved)),
    onError: (error) => setUnmatched(showFieldErrors(form, error, i18n.language, FIELDS)),
  });

  const roleOptions = (roles.data ?? [])
    .filter((r) => r.forKind === 'staff')
    .map((r) => {
      const beyond = r.permissions.some((p) => !me.permissions.includes(p));
      return {
        value: r.code,
        label: beyond
          ? `${roleLabel(r, i18n.language)}${t('users.roleBeyond')}`
          : roleLabel(r, i18n.language),
        disabled: beyond,
      };
    });

  return (
    <Modal
      open
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      okText={user ? t('common.save') : t('users.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        name={user ? 'user-edit' : 'user-create'}
        layout="vertical"
        className="wj-modal-form"
        initialValues={
          user
            ? { displayName: user.displayName, unitId: user.unit?.id, roles: user.roles.map((r) => r.code) }
            : { roles: [] }
        }
        onFinish={(v) => mutation.mutate(v)}
      >
        {!user && (
          <Form.Item
            name="username"
            label={t('users.username')}
            extra={t('users.usernameHelp')}
            rules={[
              { required: true, whitespace: true, message: t('users.usernameRequired') },
              { pattern: /^\s*[A-Za-z0-9][A-Za-z0-9._-]{2,49}\s*$/, message: t('users.usernamePattern') },
            ]}
          >
            <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, max: 50, message: t('users.displayNameRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('users.unit')}
          extra={user ? t('users.moveHelp') : undefined}
          rules={[{ required: true, message: t('users.unitRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.isPending}
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
        >
          <Select mode="multiple" loading={roles.isPending} options={roleOptions} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('users.phone')}
          extra={
            user?.phoneMasked ? t('users.keepCurrent', { value: user.phoneMasked }) : t('common.optional')
          }
        >
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('users.idNumber')}
          extra={
            user?.idNumberMasked
              ? t('users.keepCurrent', { value: user.idNumberMasked })
              : t('common.optional')
          }
        >
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
        <div aria-live="polite">
          {mutation.isError && <ProblemAlert error={mutation.error} extra={unmatched} />}
        </div>
      </Form>
    </Modal>
  );
}
