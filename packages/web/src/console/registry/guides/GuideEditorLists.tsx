import { Button, Form, Input, InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { departmentLabel, useDepartments } from '../../../api/units';
import { useRegistryLabels } from '../labels';

function useDepartmentOptions() {
  const { i18n } = useTranslation();
  return (useDepartments().data ?? []).map((d) => ({
    value: d.code,
    label: departmentLabel(d, i18n.language),
  }));
}

const need = (message: string) => [{ required: true, whitespace: true, message }];

/** One repeated section of the editor: its rows, each removable, and an add button. */
function Rows({
  name,
  title,
  addLabel,
  blank,
  children,
}: {
  name: string;
  title: string;
  addLabel: string;
  blank: Record<string, unknown>;
  children: (field: number) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="wj-guide-section">
      <h3>{title}</h3>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <fieldset key={f.key} className="wj-editor-row" aria-label={`${title} ${i + 1}`}>
                <div className="wj-form-grid">{children(f.name)}</div>
                <Button size="small" danger className="wj-gap" onClick={() => remove(f.name)}>
                  {t('guides.removeRow')}
                </Button>
              </fieldset>
            ))}
            <Button onClick={() => add(blank)} className="wj-gap">
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </section>
  );
}

function CitationFields({ field }: { field: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name={[field, 'citation', 'zh']} label={t('guides.citationZh')}>
        <Input />
      </Form.Item>
      <Form.Item name={[field, 'citation', 'en']} label={t('guides.citationEn')}>
        <Input />
      </Form.Item>
    </>
  );
}

/** The four repeated parts of a guide: departments, inspection items, frequency rules, process steps. */
export function GuideEditorLists() {
  const { t } = useTranslation();
  const departments = useDepartmentOptions();
  const labels = useRegistryLabels();
  const required = need(t('guides.required'));
  const citation = { zh: '', en: '' };
  return (
    <>
      <Rows
        name="departments"
        title={t('guides.who')}
        addLabel={t('guides.addDepartment')}
        blank={{ role: 'joint', citation }}
      >
        {(f) => (
          <>
            <Form.Item
              name={[f, 'departmentCode']}
              label={t('guides.department')}
              rules={[{ required: true, message: t('guides.required') }]}
            >
              <Select options={departments} />
            </Form.Item>
            <Form.Item name={[f, 'role']} label={t('guides.role')}>
              <Select
                options={[
                  { value: 'lead', label: t('guides.lead') },
                  { value: 'joint', label: t('guides.joint') },
                ]}
              />
            </Form.Item>
            <Form.Item name={[f, 'matterZh']} label={t('guides.matter')} rules={required}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <CitationFields field={f} />
          </>
        )}
      </Rows>
      <Rows name="items" title={t('guides.what')} addLabel={t('guides.addItem')} blank={{}}>
        {(f) => (
          <>
            <Form.Item name={[f, 'code']} label={t('guides.itemCode')} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name={[f, 'nameZh']} label={t('guides.itemName')} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item
              name={[f, 'departmentCode']}
              label={t('guides.department')}
              rules={[{ required: true, message: t('guides.required') }]}
            >
              <Select options={departments} />
            </Form.Item>
            <Form.Item name={[f, 'basisZh']} label={t('guides.basis')} rules={required}>
              <Input />
            </Form.Item>
          </>
        )}
      </Rows>
      <Rows
        name="frequency"
        title={t('guides.howOften')}
        addLabel={t('guides.addFrequency')}
        blank={{ flags: [], citation }}
      >
        {(f) => (
          <>
            <Form.Item name={[f, 'appliesToZh']} label={t('guides.appliesTo')} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name={[f, 'flags']} label={t('registry.flags')}>
              <Select
                mode="multiple"
                options={Object.entries(labels.flags).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item name={[f, 'minSharePercent']} label={t('guides.minSharePercent')}>
              <InputNumber min={0} max={100} className="wj-full" />
            </Form.Item>
            <Form.Item name={[f, 'timesPerYear']} label={t('guides.timesPerYearLabel')}>
              <InputNumber min={1} max={365} precision={0} className="wj-full" />
            </Form.Item>
            <Form.Item name={[f, 'ruleZh']} label={t('guides.rule')} rules={required}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <CitationFields field={f} />
          </>
        )}
      </Rows>
      <Rows name="process" title={t('guides.how')} addLabel={t('guides.addStep')} blank={{ citation }}>
        {(f) => (
          <>
            <Form.Item name={[f, 'nameZh']} label={t('guides.stepName')} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name={[f, 'departmentCode']} label={t('guides.department')}>
              <Select allowClear options={departments} />
            </Form.Item>
            <Form.Item name={[f, 'descriptionZh']} label={t('guides.stepDescription')} rules={required}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <CitationFields field={f} />
          </>
        )}
      </Rows>
    </>
  );
}
