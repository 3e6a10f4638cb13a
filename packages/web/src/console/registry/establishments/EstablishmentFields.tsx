import { Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CodeLists } from '../../../api/registry';
import { useRegistryLabels } from '../labels';
import { RegionPicker } from '../RegionPicker';

/** The form's fields below the name and credit code (which EstablishmentFormPage places itself). */
export function EstablishmentFields({ lists }: { lists: CodeLists | undefined }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const categoryCode = Form.useWatch('categoryCode') as string | undefined;
  const category = lists?.categories.find((c) => c.code === categoryCode);
  const medical = category?.kind === 'medical';
  const byKind = Object.entries(labels.kinds)
    .map(([kind, label]) => ({
      label,
      title: label,
      options: (lists?.categories ?? [])
        .filter((c) => c.kind === kind)
        .map((c) => ({ value: c.code, label: `${c.code} ${c.nameZh}` })),
    }))
    .filter((g) => g.options.length > 0);
  const manual = (lists?.flags ?? []).filter((f) => f.manual);
  const derived = (lists?.flags ?? []).filter((f) => !f.manual);

  return (
    <>
      <div className="wj-form-grid">
        <Form.Item
          name="categoryCode"
          label={t('registry.category')}
          extra={
            category ? t('registry.kindIs', { kind: labels.kind(category.kind) }) : t('registry.categoryHelp')
          }
          rules={[{ required: true, message: t('registry.categoryRequired') }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={byKind} loading={!lists} />
        </Form.Item>
        <Form.Item
          name="status"
          label={t('registry.status')}
          rules={[{ required: true, message: t('registry.statusRequired') }]}
        >
          <Select options={Object.entries(labels.statuses).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('registry.region')}
          extra={t('registry.regionHelp')}
          rules={[{ required: true, message: t('registry.regionRequired') }]}
        >
          <RegionPicker maxLevel="town" />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('registry.address')}
          rules={[{ required: true, whitespace: true, max: 300, message: t('registry.addressRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="legalRepresentative" label={t('registry.legalRepresentative')} rules={[{ max: 50 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('registry.contactPhone')}
          extra={t('registry.contactPhoneHelp')}
        >
          <Input autoComplete="off" inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="ownership"
          label={t('registry.ownership')}
          rules={[{ required: medical, message: t('registry.ownershipRequired') }]}
        >
          <Radio.Group
            options={[
              { value: 'public', label: labels.ownership('public') },
              { value: 'private', label: labels.ownership('private') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="forProfit"
          label={t('registry.forProfit')}
          rules={[{ required: medical, message: t('registry.forProfitRequired') }]}
        >
          <Radio.Group
            options={[
              { value: false, label: labels.forProfit(false) },
              { value: true, label: labels.forProfit(true) },
            ]}
          />
        </Form.Item>
        {medical && (
          <Form.Item name="level" label={t('registry.level')}>
            <Select
              allowClear
              options={['level1', 'level2', 'level3', 'unrated'].map((v) => ({
                value: v,
                label: labels.level(v),
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="beds" label={t('registry.beds')}>
          <InputNumber min={0} max={100_000} precision={0} className="wj-full" />
        </Form.Item>
      </div>
      {medical && (
        <Form.Item
          name="clinicalSubjects"
          label={t('registry.clinicalSubjects')}
          extra={t('registry.clinicalSubjectsHelp')}
        >
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(lists?.clinicalSubjects ?? []).map((s) => ({
              value: s.code,
              label: `${s.code} ${s.parent ? '· ' : ''}${s.nameZh}`,
            }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="manualFlags"
        label={t('registry.manualFlags')}
        extra={t('registry.derivedFlagsHelp', { flags: derived.map((f) => labels.flag(f.code)).join('、') })}
      >
        <Checkbox.Group options={manual.map((f) => ({ value: f.code, label: labels.flag(f.code) }))} />
      </Form.Item>
    </>
  );
}
