import { Button, Checkbox, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { type EstablishmentFilter, useCodeLists } from '../../../api/registry';
import { useRegistryLabels } from '../labels';
import { RegionPicker } from '../RegionPicker';

interface Values {
  q?: string;
  code?: string;
  kind?: string[];
  category?: string[];
  region?: string;
  status?: string[];
  flags?: string[];
  ownership?: string;
}

const split = (v?: string) => (v ? v.split(',').filter(Boolean) : []);
const join = (v?: string[]) => (v?.length ? v.join(',') : undefined);
const text = (v?: string) => v?.trim() || undefined;

/** Name (partial), credit or public code, kind, category, region, status, flags, ownership. */
export function EstablishmentFilters({
  value,
  onChange,
}: {
  value: EstablishmentFilter;
  onChange: (f: EstablishmentFilter) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const lists = useCodeLists();
  const labels = useRegistryLabels();
  const kinds = Form.useWatch('kind', form) ?? [];
  const initial: Values = {
    q: value.q,
    code: value.code,
    kind: split(value.kind),
    category: split(value.category),
    region: value.region,
    status: split(value.status),
    flags: split(value.flags),
    ownership: value.ownership,
  };
  const submit = (v: Values) =>
    onChange({
      q: text(v.q),
      code: text(v.code),
      kind: join(v.kind),
      category: join(v.category),
      region: v.region,
      status: join(v.status),
      flags: join(v.flags),
      ownership: v.ownership,
    });
  const categories = (lists.data?.categories ?? []).filter(
    (c) => kinds.length === 0 || kinds.includes(c.kind),
  );

  return (
    <Form<Values>
      form={form}
      name="establishment-filter"
      layout="vertical"
      role="search"
      className="wj-audit-filter"
      initialValues={initial}
      onFinish={submit}
    >
      <div className="wj-filter-grid">
        <Form.Item name="q" label={t('registry.filterName')}>
          <Input allowClear placeholder={t('registry.filterNamePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('registry.filterCode')}
          rules={[{ min: 2, max: 18, message: t('registry.filterCodeLength') }]}
        >
          <Input allowClear placeholder={t('registry.filterCodePlaceholder')} spellCheck={false} />
        </Form.Item>
        <Form.Item name="kind" label={t('registry.kind')}>
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            options={Object.entries(labels.kinds).map(([code, label]) => ({ value: code, label }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('registry.category')}>
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            loading={lists.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={categories.map((c) => ({ value: c.code, label: `${c.code} ${c.nameZh}` }))}
          />
        </Form.Item>
        <Form.Item name="region" label={t('registry.region')}>
          <RegionPicker />
        </Form.Item>
        <Form.Item name="status" label={t('registry.status')}>
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            options={Object.entries(labels.statuses).map(([code, label]) => ({ value: code, label }))}
          />
        </Form.Item>
        <Form.Item name="ownership" label={t('registry.ownership')}>
          <Select
            allowClear
            options={[
              { value: 'public', label: labels.ownership('public') },
              { value: 'private', label: labels.ownership('private') },
            ]}
          />
        </Form.Item>
      </div>
      <Form.Item name="flags" label={t('registry.flagsFilter')} extra={t('registry.flagsFilterHelp')}>
        <Checkbox.Group
          className="wj-flag-checks"
          options={Object.entries(labels.flags).map(([code, label]) => ({ value: code, label }))}
        />
      </Form.Item>
      <Space wrap className="wj-gap">
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            form.setFieldsValue({
              q: '',
              code: '',
              kind: [],
              category: [],
              region: undefined,
              status: [],
              flags: [],
              ownership: undefined,
            });
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}
