import { Breadcrumb, Button, Card, Form, Input, Select, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCampaign } from '../../../api/inspection';
import { useInspectionPolicy, useItemList, useSaveCampaign } from '../../../api/inspectionPlan';
import { ApiError, type ProblemFieldError, pickMessage } from '../../../api/problem';
import { useCodeLists } from '../../../api/registry';
import { departmentLabel, useDepartments } from '../../../api/units';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useConsoleUser } from '../../consoleUser';
import { RegionPicker } from '../../registry/RegionPicker';
import { campaignPath } from '../labels';
import { ItemsFormItem } from './ItemsField';
import { formField, formFromCampaign, type PlanFormValues, planFromForm, policySampling } from './planValues';
import { SamplingFields } from './SamplingFields';
import { ScheduleFields } from './ScheduleFields';

/**
 * 编制抽查计划: a new draft (/campaigns/new) or a draft edited (/campaigns/:id/edit). The server
 * checks the plan; its messages show on the fields they name, the rest above the form.
 */
export function CampaignFormPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const user = useConsoleUser();
  const param = useParams().id;
  const id = param ? Number(param) : null;
  const campaign = useCampaign(id ?? 0);
  const departments = useDepartments();
  const codeLists = useCodeLists();
  const items = useItemList();
  const policy = useInspectionPolicy();
  const save = useSaveCampaign(id);
  const [form] = Form.useForm<PlanFormValues>();
  const [unmatched, setUnmatched] = useState<ProblemFieldError[]>([]);
  // The error shown above the form: only one that names no field.
  const [formError, setFormError] = useState<unknown>(null);
  // The departments and kinds before a change, to tell the newly applicable entries.
  const before = useRef<{ departments: string[]; kinds: string[] } | null>(null);
  const chosen: string[] = Form.useWatch('departments', form) ?? [];
  const mode = Form.useWatch('samplingMode', form);

  // Switching to one's own ratios starts from the policy's.
  useEffect(() => {
    if (mode === 'custom' && form.getFieldValue('defaultRatio') === undefined)
      form.setFieldsValue(policySampling(policy.data));
  }, [mode, policy.data, form]);

  const waiting = id !== null ? campaign.isPending : false;
  if (waiting || items.isPending || policy.isPending) return <PageLoading />;
  const loadError = campaign.error ?? items.error ?? policy.error;
  if (loadError && (id !== null || !campaign.error))
    return (
      <div className="wj-page">
        <ProblemAlert error={loadError} />
      </div>
    );

  // A change of departments or kinds keeps the chosen entries that still apply and adds the new ones.
  const applies = (deps: string[], kinds: string[]) =>
    (items.data ?? [])
      .filter((e) => deps.includes(e.departmentCode) && e.objectKinds.some((k) => kinds.includes(k)))
      .map((e) => e.code);
  const initial: Partial<PlanFormValues> =
    id !== null && campaign.data
      ? formFromCampaign(campaign.data)
      : {
          departments: user.unit ? [user.unit.departmentCode] : [],
          kinds: ['medical'],
          regionCode: user.unit?.regionCode,
          itemCodes: user.unit ? applies([user.unit.departmentCode], ['medical']) : [],
          sources: [{ id: '', description: '' }],
          samplingMode: 'policy',
        };

  const onValuesChange = (changed: Partial<PlanFormValues>, all: PlanFormValues) => {
    const prev = before.current ?? { departments: initial.departments ?? [], kinds: initial.kinds ?? [] };
    before.current = { departments: all.departments ?? [], kinds: all.kinds ?? [] };
    if (!changed.departments && !changed.kinds) return;
    const old = new Set(applies(prev.departments, prev.kinds));
    const now = applies(all.departments ?? [], all.kinds ?? []);
    const kept = (all.itemCodes ?? []).filter((c) => now.includes(c));
    form.setFieldValue('itemCodes', [...kept, ...now.filter((c) => !old.has(c) && !kept.includes(c))]);
  };

  const submit = async (values: PlanFormValues) => {
    setUnmatched([]);
    setFormError(null);
    try {
      const c = await save.mutateAsync({ plan: planFromForm(values), version: campaign.data?.version });
      navigate(campaignPath(c.id));
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setFormError(error);
        return;
      }
      const rest: ProblemFieldError[] = [];
      const fields = new Map<string, { name: (string | number)[]; errors: string[] }>();
      for (const e of error.problem.errors ?? []) {
        const name = formField(e.path);
        if (!name) {
          rest.push(e);
          continue;
        }
        const key = name.join('.');
        const entry = fields.get(key) ?? { name, errors: [] };
        // On its field the message need not repeat the path it starts with ("sampling.defaultRatio：…").
        entry.errors.push(pickMessage(e, i18n.language).replace(/^[\w.[\]]+\s*[：:]\s*/, ''));
        fields.set(key, entry);
      }
      // The paths are the form's own (formField), which the type cannot see.
      form.setFields([...fields.values()] as never);
      setUnmatched(rest);
      if (fields.size === 0 && rest.length === 0) setFormError(error);
    }
  };

  const title = id === null ? t('inspectionPlan.newTitle') : t('inspectionPlan.editTitle');
  return (
    <div className="wj-page wj-plan-page">
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to="/console/inspection/campaigns">{t('inspection.campaignsTitle')}</Link> },
          ...(id !== null && campaign.data
            ? [{ title: <Link to={campaignPath(id)}>{campaign.data.campaignNo}</Link> }]
            : []),
          { title },
        ]}
      />
      <Typography.Title level={1} className="wj-page-title">
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('inspectionPlan.intro')}</Typography.Paragraph>
      <ProblemAlert error={formError} />
      {unmatched.length > 0 && (
        <ul className="wj-plan-unmatched">
          {unmatched.map((e) => (
            <li key={`${String(e.path)}${e.code}`}>{pickMessage(e, i18n.language)}</li>
          ))}
        </ul>
      )}
      <Form<PlanFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={onValuesChange}
        onFinish={submit}
        scrollToFirstError
      >
        <Card title={t('inspectionPlan.scope')} className="wj-gap">
          <Form.Item
            name="title"
            label={t('inspectionPlan.title')}
            rules={[{ required: true, message: t('inspectionPlan.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('inspectionPlan.description')}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Form.Item
            name="departments"
            label={
              <>
                {t('inspectionPlan.departments')}
                {chosen.length > 1 && (
                  <Tag color="geekblue" className="wj-inline-tag">
                    {t('inspection.joint')}
                  </Tag>
                )}
              </>
            }
            extra={t('inspectionPlan.departmentsHelp')}
            rules={[{ required: true, type: 'array', min: 1, message: t('inspectionPlan.required') }]}
          >
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={(departments.data ?? []).map((d) => ({
                value: d.code,
                label: departmentLabel(d, i18n.language),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="kinds"
            label={t('inspectionPlan.kinds')}
            rules={[{ required: true, type: 'array', min: 1, message: t('inspectionPlan.required') }]}
          >
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={(codeLists.data?.kinds ?? []).map((k) => ({
                value: k.code,
                label: i18n.language === 'en' ? k.nameEn : k.nameZh,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('inspectionPlan.region')}
            extra={t('inspectionPlan.regionHelp')}
            rules={[{ required: true, message: t('inspectionPlan.required') }]}
          >
            <RegionPicker />
          </Form.Item>
          <ItemsFormItem entries={items.data ?? []} />
        </Card>
        <Card title={t('inspectionPlan.samplingTitle')} className="wj-gap">
          <SamplingFields policy={policy.data} />
        </Card>
        <Card title={t('inspectionPlan.scheduleTitle')} className="wj-gap">
          <ScheduleFields teamSize={Math.max(policy.data?.values.teamSize ?? 2, chosen.length)} />
        </Card>
        <div className="wj-plan-submit">
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {id === null ? t('inspectionPlan.create') : t('inspectionPlan.save')}
          </Button>
          <Link to={id === null ? '/console/inspection/campaigns' : campaignPath(id)}>
            {t('common.cancel')}
          </Link>
        </div>
      </Form>
    </div>
  );
}
