import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../../api/forms';
import { isApiError, type ProblemFieldError } from '../../../api/problem';
import { REGISTRY_KEY } from '../../../api/registry';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { EstablishmentSelect } from '../EstablishmentSelect';
import { endMultiSite, fileMultiSite, type MultiSiteFiling, type Practitioner } from './practitionerApi';

interface Values {
  siteEstablishmentId: number;
  period: [Dayjs, Dayjs];
  agreementNo: string;
  agreementSignedOn?: Dayjs | null;
  endedOn: Dayjs;
  reason: string;
}

const DAY = 'YYYY-MM-DD';
const FIELDS = [
  'siteEstablishmentId',
  'validFrom',
  'validTo',
  'agreementNo',
  'agreementSignedOn',
  'endedOn',
  'reason',
];

/** Records a multi-site filing (the extra site, the period, the agreement), or ends one early. */
export function FilingModal({
  practitioner: p,
  ending,
  onClose,
}: {
  practitioner: Practitioner;
  ending: MultiSiteFiling | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [unmatched, setUnmatched] = useState<ProblemFieldError[]>([]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      ending
        ? endMultiSite(p.id, ending.id, { endedOn: v.endedOn.format(DAY), reason: v.reason.trim() })
        : fileMultiSite(p.id, {
            siteEstablishmentId: v.siteEstablishmentId,
            validFrom: v.period[0].format(DAY),
            validTo: v.period[1].format(DAY),
            agreementNo: v.agreementNo.trim(),
            agreementSignedOn: v.agreementSignedOn ? v.agreementSignedOn.format(DAY) : null,
          }),
    onMutate: () => setUnmatched([]),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: REGISTRY_KEY });
      void message.success(ending ? t('practitioners.fileEnded') : t('practitioners.filed'));
      onClose();
    },
    onError: (error) => setUnmatched(showFieldErrors(form, error, i18n.language, FIELDS)),
  });

  return (
    <Modal
      open
      title={
        ending
          ? t('practitioners.fileEndTitle', { site: ending.site.name })
          : t('practitioners.fileAddTitle', { name: p.name })
      }
      okText={ending ? t('practitioners.fileEnd') : t('practitioners.fileAdd')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        name={ending ? 'filing-end' : 'filing-add'}
        layout="vertical"
        className="wj-modal-form"
        onFinish={(v) => save.mutate(v)}
      >
        {ending ? (
          <>
            <Form.Item
              name="endedOn"
              label={t('practitioners.endedOn')}
              rules={[{ required: true, message: t('practitioners.endedOnRequired') }]}
            >
              <DatePicker className="wj-full" />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('practitioners.endReason')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  min: 2,
                  max: 300,
                  message: t('practitioners.endReasonRequired'),
                },
              ]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              name="siteEstablishmentId"
              label={t('practitioners.site')}
              extra={t('practitioners.siteHelp')}
              rules={[{ required: true, message: t('practitioners.siteRequired') }]}
            >
              <EstablishmentSelect kind="medical" exclude={p.primaryEstablishment.id} />
            </Form.Item>
            <Form.Item
              name="period"
              label={t('practitioners.period')}
              rules={[{ required: true, message: t('practitioners.periodRequired') }]}
            >
              <DatePicker.RangePicker className="wj-full" />
            </Form.Item>
            <Form.Item
              name="agreementNo"
              label={t('practitioners.agreementNo')}
              extra={t('practitioners.agreementNoHelp')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  max: 60,
                  message: t('practitioners.agreementNoRequired'),
                },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="agreementSignedOn" label={t('practitioners.agreementSignedOn')}>
              <DatePicker className="wj-full" />
            </Form.Item>
          </>
        )}
        {save.isError &&
          (unmatched.length > 0 || !isApiError(save.error) || !save.error.problem.errors?.length) && (
            <ProblemAlert error={save.error} extra={unmatched} />
          )}
      </Form>
    </Modal>
  );
}
