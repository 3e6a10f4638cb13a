import { App, DatePicker, Form, Input, Modal, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type EditableInspector, useSaveInspector } from '../../../api/inspectionEditors';
import { ApiError } from '../../../api/problem';
import { useUnits } from '../../../api/units';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { KNOWN_SPECIALTIES } from './certificate';

interface Values {
  certificateNo: string;
  certificateValidUntil: Dayjs | null;
  name: string;
  unitId: number;
  specialties: string[];
  available: boolean;
  unavailableReason?: string;
}

/**
 * Adds an officer to the roster or changes one: certificate number and its term (an expired
 * certificate is not drawn), unit (which gives the department and region), specialties and
 * availability. A change sends only what the form holds, with the version it was read at.
 */
export function InspectorForm({
  officer,
  onClose,
}: {
  officer: EditableInspector | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const units = useUnits();
  const save = useSaveInspector(officer?.id ?? null);
  const available = Form.useWatch('available', form) ?? true;
  const e = (k: string, o?: Record<string, unknown>) =>
    t(`inspectionEditors.${k}` as 'inspectionEditors.kind', o ?? {});
  const spec = (code: string) =>
    t(`inspectionEditors.specialtyNames.${code}` as 'inspectionEditors.kind', { defaultValue: code });
  const required = { required: true, whitespace: true, message: e('required') };
  const apiError = save.error instanceof ApiError ? save.error : null;

  const submit = async (v: Values) => {
    const body = {
      certificateNo: v.certificateNo.trim(),
      certificateValidUntil: v.certificateValidUntil ? v.certificateValidUntil.format('YYYY-MM-DD') : null,
      name: v.name.trim(),
      unitId: v.unitId,
      specialties: v.specialties ?? [],
      available: v.available,
      unavailableReason: v.available ? null : (v.unavailableReason?.trim() ?? null),
      ...(officer ? { expectedVersion: officer.version } : {}),
    };
    await save.mutateAsync(body);
    message.success(e('saved'));
    onClose();
  };

  return (
    <Modal
      open
      title={officer ? e('inspectorTitleEdit', { name: officer.name }) : e('inspectorTitleNew')}
      okText={e('save')}
      cancelText={e('cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={save.error} extra={apiError?.problem.errors} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          officer
            ? {
                certificateNo: officer.certificateNo,
                certificateValidUntil: officer.certificateValidUntil
                  ? dayjs(officer.certificateValidUntil)
                  : null,
                name: officer.name,
                unitId: officer.unit.id,
                specialties: officer.specialties,
                available: officer.available,
                unavailableReason: officer.unavailableReason ?? '',
              }
            : { specialties: ['medical'], available: true }
        }
        onFinish={(v) => submit(v).catch(() => undefined)}
      >
        <Form.Item
          name="certificateNo"
          label={e('certificateNo')}
          rules={[required, { pattern: /^\s*[\x21-\x7e]{1,100}\s*$/, message: e('codeInvalid') }]}
        >
          <Input className="wj-mono" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="certificateValidUntil"
          label={e('certificateValidUntil')}
          extra={e('certificateHelp')}
        >
          <DatePicker className="wj-full" />
        </Form.Item>
        <Form.Item name="name" label={e('name')} rules={[required, { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={e('unit')}
          extra={e('unitHelp')}
          rules={[{ required: true, message: e('required') }]}
        >
          <Select<number>
            showSearch
            optionFilterProp="label"
            loading={units.isPending}
            options={(units.data?.items ?? []).map((u) => ({
              value: u.id,
              label: `${u.name}（${u.departmentName} · ${u.regionName}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="specialties" label={e('specialties')} extra={e('specialtiesHelp')}>
          <Select
            mode="tags"
            tokenSeparators={[',', '，', ' ']}
            options={KNOWN_SPECIALTIES.map((s) => ({ value: s, label: `${spec(s)}（${s}）` }))}
          />
        </Form.Item>
        <Form.Item name="available" label={e('available')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {!available && (
          <Form.Item name="unavailableReason" label={e('unavailableReason')} rules={[{ max: 200 }]}>
            <Input maxLength={200} placeholder={e('reasonPlaceholder')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
