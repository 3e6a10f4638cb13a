import { Button, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionPolicy } from '../../../api/inspectionPlan';
import { useRegistryLabels } from '../../registry/labels';
import { percent } from '../labels';

const FLAGS = [
  'medical_beauty',
  'tcm_filed_clinic',
  'dental',
  'individual_clinic',
  'village_clinic',
  'remote_monitoring',
];

/** A ratio from 0 to 1; the server checks the bounds and its message shows on the field. */
const RatioInput = (props: { 'aria-label'?: string }) => (
  <InputNumber step={0.05} className="wj-plan-ratio" {...props} />
);

/**
 * 抽查比例: the policy's defaults (a default ratio, key sectors fully covered), or the planner's own
 * ratios — a default, one per sector and one per stratum of kind × risk level × credit level
 * (levels are "default" until the credit module supplies them).
 */
export function SamplingFields({ policy }: { policy: InspectionPolicy | undefined }) {
  const { t } = useTranslation();
  const registry = useRegistryLabels();
  const form = Form.useFormInstance();
  const mode = Form.useWatch('samplingMode', form);
  const kinds: string[] = Form.useWatch('kinds', form) ?? [];
  const v = policy?.values;
  return (
    <>
      <Form.Item name="samplingMode" label={t('inspectionPlan.sampling')}>
        <Radio.Group
          options={[
            { value: 'policy', label: t('inspectionPlan.samplingPolicy') },
            { value: 'custom', label: t('inspectionPlan.samplingCustom') },
          ]}
        />
      </Form.Item>
      {mode === 'policy' && v && (
        <Typography.Paragraph type="secondary">
          {t('inspectionPlan.policySummary', {
            ratio: percent(v.defaultRatio),
            full: v.fullCoverageFlags.map(registry.flag).join('、') || '—',
            version: policy.version,
          })}
        </Typography.Paragraph>
      )}
      {mode === 'custom' && (
        <div className="wj-plan-sampling">
          <Form.Item
            name="defaultRatio"
            label={t('inspectionPlan.defaultRatio')}
            extra={t('inspectionPlan.ratioHelp')}
          >
            <RatioInput />
          </Form.Item>
          <div className="wj-plan-subhead">
            <Typography.Text strong>{t('inspectionPlan.sectors')}</Typography.Text>
          </div>
          <Form.List name="sectors">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start" className="wj-plan-row">
                    <Form.Item
                      name={[f.name, 'flag']}
                      rules={[{ required: true, message: t('inspectionPlan.required') }]}
                    >
                      <Select
                        className="wj-plan-select"
                        aria-label={t('inspectionPlan.sector')}
                        options={FLAGS.map((flag) => ({ value: flag, label: registry.flag(flag) }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'ratio']}
                      rules={[{ required: true, message: t('inspectionPlan.required') }]}
                    >
                      <RatioInput aria-label={t('inspectionPlan.sectorRatio', { n: f.name + 1 })} />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)}>{t('inspectionPlan.remove')}</Button>
                  </Space>
                ))}
                <div className="wj-plan-list-actions">
                  <Button onClick={() => add({ ratio: 1 })}>{t('inspectionPlan.addSector')}</Button>
                </div>
              </>
            )}
          </Form.List>
          <div className="wj-plan-subhead">
            <Typography.Text strong>{t('inspectionPlan.cells')}</Typography.Text>
          </div>
          <Typography.Paragraph type="secondary">{t('inspectionPlan.cellsHelp')}</Typography.Paragraph>
          <Form.List name="cells">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start" className="wj-plan-row">
                    <Form.Item
                      name={[f.name, 'kind']}
                      rules={[{ required: true, message: t('inspectionPlan.required') }]}
                    >
                      <Select
                        className="wj-plan-select"
                        aria-label={t('inspectionPlan.kind')}
                        options={kinds.map((k) => ({ value: k, label: registry.kind(k) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'riskLevel']}>
                      <Input
                        className="wj-plan-level"
                        aria-label={t('inspectionPlan.riskLevel')}
                        placeholder={t('inspectionPlan.riskLevel')}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'creditLevel']}>
                      <Input
                        className="wj-plan-level"
                        aria-label={t('inspectionPlan.creditLevel')}
                        placeholder={t('inspectionPlan.creditLevel')}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'ratio']}
                      rules={[{ required: true, message: t('inspectionPlan.required') }]}
                    >
                      <RatioInput aria-label={t('inspectionPlan.cellRatio', { n: f.name + 1 })} />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)}>{t('inspectionPlan.remove')}</Button>
                  </Space>
                ))}
                <div className="wj-plan-list-actions">
                  <Button
                    onClick={() =>
                      add({ kind: kinds[0], riskLevel: 'default', creditLevel: 'default', ratio: 0.2 })
                    }
                  >
                    {t('inspectionPlan.addCell')}
                  </Button>
                </div>
              </>
            )}
          </Form.List>
        </div>
      )}
      <Form.Item
        name="yearTarget"
        label={t('inspectionPlan.yearTarget')}
        extra={t('inspectionPlan.yearTargetHelp', { target: v ? percent(v.yearCoverageTarget) : '—' })}
      >
        <RatioInput />
      </Form.Item>
    </>
  );
}
