import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { EstablishmentSelect } from '../registry/EstablishmentSelect';
import { type Citation, creditWrites, type ManualListing, useCreditMutation, useRuleSets } from './creditApi';
import { useBilingual } from './labels';

interface Values {
  subjectType: 'establishment' | 'practitioner';
  establishmentId?: number;
  practitionerId?: number;
  ruleCode: string;
  reason: string;
  sourceModule: ManualListing['source']['module'];
  sourceType: string;
  sourceId: string;
}
interface Rule {
  code: string;
  nameZh: string;
  nameEn: string;
  citation: Citation;
  minDays: number;
  maxDays: number;
}

/**
 * 提议列入黑名单: a subject, a rule of the blacklist section (its basis, flags and periods), a reason and
 * the source record. Nothing is listed yet: the subject is notified, another officer decides.
 */
export function AddListingModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { pair, pick } = useBilingual();
  const [form] = Form.useForm<Values>();
  const rules = useRuleSets();
  const section = rules.data?.items.find((s) => s.section === 'blacklist');
  const ruleList = ((section?.values as { rules?: Rule[] } | undefined)?.rules ?? []) as Rule[];
  const subjectType = Form.useWatch('subjectType', form) ?? 'establishment';
  const ruleCode = Form.useWatch('ruleCode', form);
  const chosen = ruleList.find((r) => r.code === ruleCode);
  const add = useCreditMutation((v: Values) =>
    creditWrites.proposeListing({
      subjectType: v.subjectType,
      subjectId: (v.subjectType === 'establishment' ? v.establishmentId : v.practitionerId) ?? 0,
      ruleCode: v.ruleCode,
      reason: v.reason,
      source: { module: v.sourceModule, type: v.sourceType.trim(), id: v.sourceId.trim() },
    }),
  );
  const required = [{ required: true, message: t('credit.required') }];
  return (
    <Modal
      open
      title={t('credit.addListing')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('credit.fourEyes.propose')}
      cancelText={t('credit.cancel')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('credit.fourEyes.proposeHint')} className="wj-gap" />
      <Form<Values>
        form={form}
        layout="vertical"
        className="wj-modal-form"
        initialValues={{ subjectType: 'establishment', sourceModule: 'enforcement', sourceType: 'case' }}
        onFinish={(v) =>
          add.mutate(v, {
            onSuccess: () => {
              message.success(t('credit.fourEyes.proposed'));
              onClose();
            },
          })
        }
      >
        <Form.Item name="subjectType" label={t('credit.subjectType')}>
          <Select
            options={(['establishment', 'practitioner'] as const).map((s) => ({
              value: s,
              label: t(`credit.subjectTypes.${s}`),
            }))}
          />
        </Form.Item>
        {subjectType === 'establishment' ? (
          <Form.Item name="establishmentId" label={t('credit.subject')} rules={required}>
            <EstablishmentSelect />
          </Form.Item>
        ) : (
          <Form.Item name="practitionerId" label={t('credit.subjectId')} rules={required}>
            <InputNumber min={1} className="wj-full" />
          </Form.Item>
        )}
        <Form.Item
          name="ruleCode"
          label={t('credit.rule')}
          rules={required}
          extra={chosen ? `${t('credit.basis')}：${pick(chosen.citation)}` : undefined}
        >
          <Select options={ruleList.map((r) => ({ value: r.code, label: pair(r.nameZh, r.nameEn) }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('credit.reason')}
          rules={[{ required: true, min: 5, message: t('credit.reasonMin') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="sourceModule" label={t('credit.sourceModule')}>
          <Select
            options={(['enforcement', 'licensing', 'inspection'] as const).map((m) => ({
              value: m,
              label: t(`credit.sourceModules.${m}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="sourceType" label={t('credit.sourceType')} rules={required}>
          <Input placeholder={t('credit.sourceTypePlaceholder')} />
        </Form.Item>
        <Form.Item name="sourceId" label={t('credit.sourceId')} rules={required}>
          <Input />
        </Form.Item>
      </Form>
      <ProblemAlert error={add.error} />
    </Modal>
  );
}
