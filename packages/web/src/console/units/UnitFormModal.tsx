import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../api/auth';
import { showFieldErrors } from '../../api/forms';
import type { ProblemFieldError } from '../../api/problem';
import { createUnit, departmentLabel, renameUnit, type Unit, useDepartments } from '../../api/units';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { RegionCascader } from './RegionCascader';

interface Values {
  departmentCode: string;
  regionCode: string;
  name: string;
}

const FIELDS = ['departmentCode', 'regionCode', 'name'] as const;

interface Props {
  /** null: a new unit; otherwise it is renamed (department and region never change). */
  unit: Unit | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}

/** 新建单位 (department, region, name) or 重命名. Only one's own department without cross-department rights. */
export function UnitFormModal({ unit, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const me = useConsoleUser();
  const [form] = Form.useForm<Values>();
  const departments = useDepartments();
  const [unmatched, setUnmatched] = useState<ProblemFieldError[]>([]);
  const allDepartments = hasPermission(me, 'identity.scope.all-departments');
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      unit ? renameUnit(unit.id, v.name.trim()) : createUnit({ ...v, name: v.name.trim() }),
    onMutate: () => setUnmatched([]),
    onSuccess: onSaved,
    onError: (error) => setUnmatched(showFieldErrors(form, error, i18n.language, FIELDS)),
  });

  return (
    <Modal
      open
      title={unit ? t('units.renameTitle', { name: unit.name }) : t('units.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        name={unit ? 'unit-rename' : 'unit-create'}
        layout="vertical"
        className="wj-modal-form"
        initialValues={unit ? { name: unit.name } : { departmentCode: me.unit?.departmentCode }}
        onFinish={(v) => mutation.mutate(v)}
      >
        {!unit && (
          <>
            <Form.Item
              name="departmentCode"
              label={t('units.department')}
              extra={allDepartments ? undefined : t('units.ownDepartmentOnly')}
              rules={[{ required: true, message: t('units.departmentRequired') }]}
            >
              <Select
                disabled={!allDepartments}
                loading={departments.isPending}
                options={(departments.data ?? []).map((d) => ({
                  value: d.code,
                  label: departmentLabel(d, i18n.language),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="regionCode"
              label={t('units.region')}
              extra={t('units.regionHelp')}
              rules={[{ required: true, message: t('units.regionRequired') }]}
            >
              <RegionCascader />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="name"
          label={t('units.name')}
          extra={unit ? t('units.renameHelp') : t('units.nameHelp')}
          rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('units.nameRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <div aria-live="polite">
          {mutation.isError && <ProblemAlert error={mutation.error} extra={unmatched} />}
        </div>
      </Form>
    </Modal>
  );
}
