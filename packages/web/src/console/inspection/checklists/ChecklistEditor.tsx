import { Alert, App, Button, Card, Drawer, Form, Input, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Checklist, ChecklistItem } from '../../../api/inspection';
import { type SaveChecklist, uploadSheet, useSaveChecklist } from '../../../api/inspectionEditors';
import { ApiError } from '../../../api/problem';
import { departmentLabel, useDepartments } from '../../../api/units';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useIsPhone } from '../../../ui/useIsPhone';
import { useRegistryLabels } from '../../registry/labels';
import { useInspectionLabels } from '../labels';

const SEVERITIES = ['minor', 'major', 'critical'] as const;
const CODE = /^[\x21-\x7e]{1,40}$/;

type Values = Omit<SaveChecklist, 'expectedVersion'>;

/**
 * 检查表 editor: a new checklist, or the next version of one. Published versions never change;
 * saving publishes version N+1 (the server refuses it if another was published meanwhile). Items
 * can be read from an Excel sheet (the export's columns) into the form, to be checked first.
 */
export function ChecklistEditor({
  checklist,
  existing,
  onClose,
}: {
  checklist: Checklist | null;
  /** The current checklists: a new one may not repeat a kind and department. */
  existing: Checklist[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const labels = useInspectionLabels();
  const registry = useRegistryLabels();
  const departments = useDepartments();
  const save = useSaveChecklist();
  const [form] = Form.useForm<Values>();
  const [importError, setImportError] = useState<unknown>(null);
  const [importing, setImporting] = useState(false);
  const next = (checklist?.version ?? 0) + 1;
  const e = (k: string, o?: Record<string, unknown>) =>
    t(`inspectionEditors.${k}` as 'inspectionEditors.kind', o ?? {});
  const required = { required: true, whitespace: true, message: e('required') };

  const readSheet = async (file: File) => {
    setImporting(true);
    setImportError(null);
    try {
      const { items } = await uploadSheet<{ items: ChecklistItem[] }>('/checklists/import-xlsx', file);
      form.setFieldValue('items', items);
      message.success(e('importedItems', { count: items.length }));
    } catch (err) {
      setImportError(err);
    } finally {
      setImporting(false);
    }
  };

  const submit = async (v: Values) => {
    if (!checklist && existing.some((c) => c.kind === v.kind && c.departmentCode === v.departmentCode)) {
      form.setFields([{ name: 'departmentCode', errors: [e('checklistExists')] }]);
      return;
    }
    const codes = v.items.map((i) => i.code);
    const dup = codes.find((c, i) => codes.indexOf(c) !== i);
    if (dup) {
      form.setFields([{ name: 'items', errors: [e('duplicateCode', { code: dup })] }]);
      return;
    }
    await save.mutateAsync({ ...v, note: v.note ?? '', expectedVersion: checklist?.version ?? 0 });
    message.success(e('published', { version: next }));
    onClose();
  };

  return (
    <Drawer
      open
      size={isPhone ? '100%' : 760}
      title={checklist ? e('editorTitleEdit', { title: checklist.title }) : e('editorTitleNew')}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space wrap>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {e('publish', { version: next })}
          </Button>
          <Button onClick={onClose}>{e('cancel')}</Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={e('immutableNote', { version: next })} className="wj-gap" />
      <ProblemAlert
        error={save.error ?? importError}
        extra={
          (save.error ?? importError) instanceof ApiError
            ? ((save.error ?? importError) as ApiError).problem.errors
            : undefined
        }
      />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          checklist
            ? {
                kind: checklist.kind,
                departmentCode: checklist.departmentCode,
                title: checklist.title,
                items: checklist.items,
                note: '',
              }
            : { items: [{ code: '', what: '', basis: '', severity: 'minor' }], note: '' }
        }
        onFinish={(v) => submit(v).catch(() => undefined)}
      >
        <div className="wj-edit-grid">
          <Form.Item name="kind" label={e('kind')} rules={[{ required: true, message: e('required') }]}>
            <Select
              disabled={!!checklist}
              options={Object.keys(registry.kinds).map((k) => ({ value: k, label: labels.kind(k) }))}
            />
          </Form.Item>
          <Form.Item
            name="departmentCode"
            label={e('department')}
            rules={[{ required: true, message: e('required') }]}
          >
            <Select
              disabled={!!checklist}
              options={(departments.data ?? []).map((d) => ({
                value: d.code,
                label: departmentLabel(d, i18n.language),
              }))}
            />
          </Form.Item>
        </div>
        <Form.Item name="title" label={e('title')} rules={[required, { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <div className="wj-editor-heading">
          <Typography.Title level={3} className="wj-figure-heading">
            {e('items')}
          </Typography.Title>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void readSheet(file);
              return false;
            }}
          >
            <Button loading={importing}>{e('importXlsx')}</Button>
          </Upload>
        </div>
        <Typography.Paragraph type="secondary" className="wj-basis">
          {e('importHelp')}
        </Typography.Paragraph>
        <Form.List
          name="items"
          rules={[
            {
              validator: async (_, v) =>
                v?.length ? undefined : Promise.reject(new Error(e('atLeastOneItem'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, n) => (
                <Card
                  key={f.key}
                  size="small"
                  className="wj-editor-card"
                  title={e('itemNo', { n: n + 1 })}
                  extra={
                    <Button
                      size="small"
                      danger
                      type="text"
                      onClick={() => remove(f.name)}
                      aria-label={`${e('removeItem')} ${n + 1}`}
                    >
                      {e('removeItem')}
                    </Button>
                  }
                >
                  <div className="wj-edit-grid">
                    <Form.Item
                      name={[f.name, 'code']}
                      label={e('code')}
                      rules={[required, { pattern: CODE, message: e('codeInvalid') }]}
                    >
                      <Input className="wj-mono" aria-label={`${e('code')} ${n + 1}`} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'severity']}
                      label={e('severity')}
                      rules={[{ required: true, message: e('required') }]}
                    >
                      <Select
                        aria-label={`${e('severity')} ${n + 1}`}
                        options={SEVERITIES.map((s) => ({ value: s, label: labels.severity(s) }))}
                      />
                    </Form.Item>
                  </div>
                  <Form.Item name={[f.name, 'what']} label={e('what')} rules={[required, { max: 500 }]}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={500}
                      aria-label={`${e('what')} ${n + 1}`}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'basis']} label={e('basis')} rules={[required, { max: 500 }]}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={500}
                      placeholder={e('basisPlaceholder')}
                      aria-label={`${e('basis')} ${n + 1}`}
                    />
                  </Form.Item>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button block onClick={() => add({ code: '', what: '', basis: '', severity: 'minor' })}>
                {e('addItem')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={e('note')} className="wj-gap" rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} placeholder={e('notePlaceholder')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
