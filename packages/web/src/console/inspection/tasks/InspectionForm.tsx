import { App, Button, Card, Checkbox, Form, Input, InputNumber, Radio } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Disposition,
  type Inspection,
  type ItemResult,
  type Photo,
  useCompleteInspection,
} from '../../../api/inspection';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useInspectionLabels } from '../labels';
import { PhotoField } from './PhotoField';

interface ItemValues {
  result?: ItemResult;
  note?: string;
  disposition?: Disposition;
}
interface Values {
  items: Record<string, ItemValues>;
  officers: number[];
  inspectedAt: string;
  rectificationWorkingDays?: number | null;
  leadSummary?: string;
  notes?: string;
  confirmed: boolean;
}

const RESULTS: ItemResult[] = ['compliant', 'non_compliant', 'not_applicable'];
const DISPOSITIONS: Disposition[] = ['rectification', 'lead', 'rectification_and_lead'];

/**
 * The field form, made for a phone held in one hand: one card per item of the merged checklist
 * with three large choices (符合 / 不符合 / 不适用), a note and photos; a failed item asks what
 * follows (rectification with a deadline in working days, a lead, or both); then the officers
 * present (at least two), the time and their confirmation.
 */
export function InspectionForm({ inspection: x }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useInspectionLabels();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<Record<string, Photo[]>>({});
  // The field shows minutes; left as it was, the visit is "now" to the second at submission.
  const [openedAt] = useState(() => dayjs().format('YYYY-MM-DDTHH:mm'));
  const complete = useCompleteInspection(x.id);
  const items = Form.useWatch('items', form) ?? {};
  const failed = x.checklist.filter((i) => items[i.code]?.result === 'non_compliant');
  const dispositions = failed.map((i) => items[i.code]?.disposition ?? 'rectification');
  const needsRectification = dispositions.some((d) => d !== 'lead');
  const needsLead = dispositions.some((d) => d !== 'rectification');
  const remaining = x.checklist.filter((i) => !items[i.code]?.result).length;

  const submit = async (v: Values) => {
    await complete
      .mutateAsync({
        inspectedAt: (v.inspectedAt === openedAt ? new Date() : new Date(v.inspectedAt)).toISOString(),
        officers: v.officers,
        items: x.checklist.map((i) => {
          const item = v.items[i.code]!;
          const fail = item.result === 'non_compliant';
          return {
            itemCode: i.code,
            result: item.result!,
            note: item.note ?? '',
            photoIds: (photos[i.code] ?? []).map((p) => p.id),
            disposition: fail ? (item.disposition ?? 'rectification') : null,
          };
        }),
        rectificationWorkingDays: needsRectification ? (v.rectificationWorkingDays ?? null) : null,
        leadSummary: needsLead ? (v.leadSummary ?? null) : null,
        notes: v.notes || null,
      })
      .then(() => message.success(t('inspection.submitted')))
      .catch(() => window.scrollTo(0, 0));
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="wj-inspection-form"
      onFinish={submit}
      scrollToFirstError
      initialValues={{
        items: {},
        officers: x.team.map((m) => m.inspectorId),
        inspectedAt: openedAt,
        confirmed: false,
      }}
    >
      <ProblemAlert error={complete.error} />
      <h2 className="wj-card-title wj-gap">
        {t('inspection.checklistTitle', { count: x.checklist.length })}
        {remaining > 0 && (
          <span className="wj-basis"> · {t('inspection.remaining', { count: remaining })}</span>
        )}
      </h2>
      {x.checklist.map((item) => {
        const fail = items[item.code]?.result === 'non_compliant';
        return (
          <Card
            key={item.code}
            size="small"
            className={`wj-gap wj-check-item${fail ? ' wj-check-fail' : ''}`}
            title={`${item.code} ${item.what}`}
          >
            <p className="wj-basis">
              {item.basis} · {labels.severity(item.severity)} · {labels.departments(item.departments)}
            </p>
            <Form.Item
              name={['items', item.code, 'result']}
              rules={[{ required: true, message: t('inspection.resultRequired') }]}
            >
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                className="wj-result-choice"
                aria-label={`${item.code} ${item.what}`}
                options={RESULTS.map((r) => ({ value: r, label: labels.result(r) }))}
              />
            </Form.Item>
            {fail && (
              <Form.Item
                name={['items', item.code, 'disposition']}
                label={t('inspection.disposition')}
                initialValue="rectification"
              >
                <Radio.Group
                  options={DISPOSITIONS.map((d) => ({ value: d, label: labels.disposition(d) }))}
                />
              </Form.Item>
            )}
            <Form.Item
              name={['items', item.code, 'note']}
              label={t('inspection.note')}
              rules={
                fail ? [{ required: true, whitespace: true, message: t('inspection.noteRequired') }] : []
              }
            >
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Form.Item label={t('inspection.photos')} className="wj-no-margin">
              <PhotoField
                inspectionId={x.id}
                photos={photos[item.code] ?? []}
                onChange={(list) => setPhotos((p) => ({ ...p, [item.code]: list }))}
              />
            </Form.Item>
          </Card>
        );
      })}
      <Card size="small" className="wj-gap">
        {needsRectification && failed.length > 0 && (
          <Form.Item
            name="rectificationWorkingDays"
            label={t('inspection.rectificationDays')}
            extra={t('inspection.rectificationDaysHelp')}
          >
            <InputNumber min={1} max={60} precision={0} inputMode="numeric" className="wj-full" />
          </Form.Item>
        )}
        {needsLead && failed.length > 0 && (
          <Form.Item
            name="leadSummary"
            label={t('inspection.leadSummary')}
            rules={[{ required: true, whitespace: true, message: t('inspection.leadSummaryRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        )}
        <Form.Item
          name="officers"
          label={t('inspection.officersPresent')}
          rules={[
            {
              validator: (_, v: number[] | undefined) =>
                (v?.length ?? 0) >= 2
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('inspection.officersMin'))),
            },
          ]}
        >
          <Checkbox.Group
            options={x.team.map((m) => ({
              value: m.inspectorId,
              label: `${m.name}（${labels.department(m.departmentCode)} · ${m.certificateNo}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="inspectedAt"
          label={t('inspection.inspectedAt')}
          rules={[{ required: true, message: t('inspection.inspectedAtRequired') }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="notes" label={t('inspection.notes')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="confirmed"
          valuePropName="checked"
          rules={[
            {
              validator: (_, v: boolean) =>
                v ? Promise.resolve() : Promise.reject(new Error(t('inspection.confirmRequired'))),
            },
          ]}
        >
          <Checkbox>{t('inspection.confirm')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" className="wj-form-submit" loading={complete.isPending}>
          {t('inspection.submit')}
        </Button>
      </Card>
    </Form>
  );
}
