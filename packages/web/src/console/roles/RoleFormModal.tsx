import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal, Radio, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../api/forms';
import type { ProblemFieldError } from '../../api/problem';
import {
  createRole,
  type Role,
  type RoleInput,
  roleLabel,
  updateRole,
  usePermissionCatalogue,
} from '../../api/roles';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { PermissionChecklist } from './PermissionChecklist';

const FIELDS = ['code', 'nameZh', 'nameEn', 'description', 'forKind', 'permissions'] as const;

interface Props {
  /** null: a new custom role. */
  role: Role | null;
  onClose: () => void;
  onSaved: (role: Role) => void;
}

/**
 * 新建角色 / 编辑角色: names, description and the complete set of permissions. A staff role can only
 * be given permissions the administrator holds (the server refuses the rest).
 */
export function RoleFormModal({ role, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const me = useConsoleUser();
  const [form] = Form.useForm<RoleInput>();
  const forKind = Form.useWatch('forKind', form) ?? role?.forKind ?? 'staff';
  const catalogue = usePermissionCatalogue();
  const [unmatched, setUnmatched] = useState<ProblemFieldError[]>([]);
  const mutation = useMutation({
    mutationFn: (v: RoleInput) =>
      role
        ? updateRole(role.code, {
            nameZh: v.nameZh.trim(),
            nameEn: v.nameEn.trim(),
            description: (v.description ?? '').trim(),
            permissions: v.permissions,
          })
        : createRole({ ...v, description: (v.description ?? '').trim() }),
    onMutate: () => setUnmatched([]),
    onSuccess: onSaved,
    onError: (error) => setUnmatched(showFieldErrors(form, error, i18n.language, FIELDS)),
  });
  const grantable = (p: string) => forKind === 'institution' || me.permissions.includes(p);

  return (
    <Modal
      open
      width={720}
      title={role ? t('roles.editTitle', { name: roleLabel(role, i18n.language) }) : t('roles.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      mask={{ closable: false }}
    >
      <Form<RoleInput>
        form={form}
        name={role ? 'role-edit' : 'role-create'}
        layout="vertical"
        className="wj-modal-form"
        initialValues={
          role
            ? { ...role }
            : { code: '', nameZh: '', nameEn: '', description: '', forKind: 'staff', permissions: [] }
        }
        onFinish={(v) => mutation.mutate(v)}
      >
        {!role && (
          <Form.Item
            name="code"
            label={t('roles.code')}
            extra={t('roles.codeHelp')}
            rules={[
              { required: true, message: t('roles.codeRequired') },
              { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('roles.codeHelp') },
            ]}
          >
            <Input autoComplete="off" spellCheck={false} autoCapitalize="none" />
          </Form.Item>
        )}
        <div className="wj-form-row">
          <Form.Item
            name="nameZh"
            label={t('roles.nameZh')}
            rules={[{ required: true, whitespace: true, max: 50, message: t('roles.nameRequired') }]}
          >
            <Input lang="zh-CN" />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t('roles.nameEn')}
            rules={[{ required: true, whitespace: true, max: 100, message: t('roles.nameRequired') }]}
          >
            <Input lang="en" />
          </Form.Item>
        </div>
        <Form.Item name="description" label={t('roles.description')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        {!role && (
          <Form.Item name="forKind" label={t('roles.forKind')}>
            <Radio.Group
              options={[
                { value: 'staff', label: t('roles.forStaff') },
                { value: 'institution', label: t('roles.forInstitution') },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item name="permissions" label={t('roles.permissions')} extra={t('roles.grantHelp')}>
          <PermissionChecklist catalogue={catalogue.data ?? []} grantable={grantable} />
        </Form.Item>
        {catalogue.isPending && <Skeleton active />}
        <ProblemAlert error={catalogue.error} />
        <div aria-live="polite">
          {mutation.isError && <ProblemAlert error={mutation.error} extra={unmatched} />}
        </div>
      </Form>
    </Modal>
  );
}
