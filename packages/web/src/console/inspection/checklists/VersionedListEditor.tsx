import { Alert, Button, Card, Form, Input, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem';
import { departmentLabel, useDepartments } from '../../../api/units';
import { ProblemAlert } from '../../../ui/ProblemAlert';

const CODE = /^[\x21-\x7e]{1,40}$/;

/** A text field of an entry, labelled with its number for screen readers and tests. */
export type EntryText = (
  name: (string | number)[],
  label: string,
  max: number,
  placeholder?: string,
) => ReactNode;

/**
 * Edits one of the versioned lists of "一表两清单" (seed 001 四(二)) and publishes it as version N+1
 * (the current version is never changed): each entry with its code and department, then the
 * fields of its list; codes unique; a stale edit is refused by the server (expectedVersion).
 */
export function VersionedListEditor<E extends { code: string; departmentCode: string }>({
  version,
  entries,
  empty,
  addLabel,
  renderFields,
  save,
  onDone,
}: {
  version: number;
  entries: E[];
  empty: E;
  addLabel: string;
  renderFields: (name: number, text: EntryText) => ReactNode;
  save: {
    mutateAsync: (body: { entries: E[]; note: string; expectedVersion: number }) => Promise<unknown>;
    isPending: boolean;
    error: Error | null;
  };
  onDone: (published?: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const departments = useDepartments();
  const [form] = Form.useForm<{ entries: E[]; note: string }>();
  const next = version + 1;
  const e = (k: string, o?: Record<string, unknown>) =>
    t(`inspectionEditors.${k}` as 'inspectionEditors.kind', o ?? {});
  const required = { required: true, whitespace: true, message: e('required') };
  const submit = async (v: { entries: E[]; note: string }) => {
    const codes = v.entries.map((x) => x.code);
    const dup = codes.find((c, i) => codes.indexOf(c) !== i);
    if (dup) {
      form.setFields([{ name: 'entries', errors: [e('duplicateCode', { code: dup })] }]);
      return;
    }
    await save.mutateAsync({ entries: v.entries, note: v.note ?? '', expectedVersion: version });
    onDone(next);
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ entries, note: '' }}
      onFinish={(v) => submit(v).catch(() => undefined)}
    >
      <Alert type="info" showIcon title={e('immutableNote', { version: next })} className="wj-gap" />
      <ProblemAlert
        error={save.error}
        extra={save.error instanceof ApiError ? save.error.problem.errors : undefined}
      />
      <Form.List name="entries">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => {
              const text: EntryText = (name, label, max, placeholder) => (
                <Form.Item name={[f.name, ...name]} label={label} rules={[required, { max }]}>
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 5 }}
                    maxLength={max}
                    placeholder={placeholder}
                    aria-label={`${label} ${i + 1}`}
                  />
                </Form.Item>
              );
              return (
                <Card
                  key={f.key}
                  size="small"
                  className="wj-editor-card"
                  title={e('itemNo', { n: i + 1 })}
                  extra={
                    <Button size="small" danger type="text" onClick={() => remove(f.name)}>
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
                      <Input className="wj-mono" aria-label={`${e('code')} ${i + 1}`} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'departmentCode']}
                      label={e('department')}
                      rules={[{ required: true, message: e('required') }]}
                    >
                      <Select
                        options={(departments.data ?? []).map((d) => ({
                          value: d.code,
                          label: departmentLabel(d, i18n.language),
                        }))}
                      />
                    </Form.Item>
                  </div>
                  {renderFields(f.name, text)}
                </Card>
              );
            })}
            <Form.ErrorList errors={errors} />
            <Button block onClick={() => add({ ...empty })}>
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="note" label={e('note')} className="wj-gap" rules={[{ max: 1000 }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} placeholder={e('notePlaceholder')} />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {e('publish', { version: next })}
        </Button>
        <Button onClick={() => onDone()}>{e('cancel')}</Button>
      </Space>
    </Form>
  );
}
