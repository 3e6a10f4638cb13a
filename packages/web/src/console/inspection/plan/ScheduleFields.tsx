import { Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { defaultSources } from './planValues';

/**
 * The inspection period, day D and the public randomness sources named in advance (their values
 * are entered at the draw), then the team size and workload cap.
 */
export function ScheduleFields({ teamSize }: { teamSize: number | undefined }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const required = [{ required: true, message: t('inspectionPlan.required') }];
  const fillSources = () =>
    form.setFieldValue('sources', defaultSources(form.getFieldValue('randomnessDate') || 'D'));
  return (
    <>
      <Space wrap align="start">
        <Form.Item name="periodStart" label={t('inspectionPlan.periodStart')} rules={required}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="periodEnd" label={t('inspectionPlan.periodEnd')} rules={required}>
          <Input type="date" />
        </Form.Item>
      </Space>
      <Form.Item
        name="randomnessDate"
        label={t('inspectionPlan.randomnessDate')}
        extra={t('inspectionPlan.randomnessDateHelp')}
        rules={required}
      >
        <Input type="date" className="wj-plan-date" />
      </Form.Item>
      <div className="wj-plan-subhead">
        <Typography.Text strong>{t('inspectionPlan.sources')}</Typography.Text>
      </div>
      <Typography.Paragraph type="secondary">{t('inspectionPlan.sourcesHelp')}</Typography.Paragraph>
      <Form.List name="sources">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <div key={f.key} className="wj-plan-source">
                <Form.Item name={[f.name, 'id']} rules={required} className="wj-plan-source-id">
                  <Input
                    aria-label={t('inspectionPlan.sourceId', { n: f.name + 1 })}
                    placeholder="sse-000001-close"
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'description']} rules={required} className="wj-plan-source-what">
                  <Input
                    aria-label={t('inspectionPlan.sourceDescription', { n: f.name + 1 })}
                    placeholder={t('inspectionPlan.sourcePlaceholder')}
                  />
                </Form.Item>
                <Button onClick={() => remove(f.name)} disabled={fields.length <= 1}>
                  {t('inspectionPlan.remove')}
                </Button>
              </div>
            ))}
            <Space wrap className="wj-plan-list-actions">
              <Button onClick={() => add({ id: '', description: '' })}>
                {t('inspectionPlan.addSource')}
              </Button>
              <Button onClick={fillSources}>{t('inspectionPlan.stockSources')}</Button>
            </Space>
          </>
        )}
      </Form.List>
      <Space wrap align="start">
        <Form.Item
          name="teamSize"
          label={t('inspectionPlan.teamSize')}
          extra={t('inspectionPlan.teamSizeHelp', { n: teamSize ?? 2 })}
        >
          <InputNumber min={2} max={20} />
        </Form.Item>
        <Form.Item
          name="workloadCap"
          label={t('inspectionPlan.workloadCap')}
          extra={t('inspectionPlan.workloadCapHelp')}
        >
          <InputNumber min={1} />
        </Form.Item>
      </Space>
    </>
  );
}
