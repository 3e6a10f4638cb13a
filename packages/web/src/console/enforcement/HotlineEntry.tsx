import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENFORCEMENT_KEY, useComplaintCategories } from '../../api/enforcement';
import { enterComplaint } from '../../api/enforcementFollowUp';
import { ActionForm } from './ActionForm';

type Receipt = Awaited<ReturnType<typeof enterComplaint>>;

/**
 * 热线登记: staff enter a complaint taken on the 12345/12320 hotline (or a visit, a letter, a
 * transfer) on behalf of the reporter. It goes through the same classification, duplicate check and
 * routing as the portal's; the query code is shown once, to be read out to the reporter.
 */
export function HotlineEntry({ regionCode }: { regionCode: string }) {
  const { t, i18n } = useTranslation();
  const f = (k: string, o?: Record<string, unknown>) =>
    t(`enforcementFollowUp.${k}` as 'enforcementFollowUp.refer', o ?? {});
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const categories = useComplaintCategories();
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {f('hotline')}
      </Button>
      {open && (
        <ActionForm
          open
          title={f('hotlineTitle')}
          fields={[
            {
              name: 'channel',
              kind: 'select',
              required: true,
              initial: 'hotline',
              label: f('channel'),
              options: ['hotline', 'visit', 'letter', 'transfer'].map((c) => ({
                value: c,
                label: f(`channels.${c}`),
              })),
            },
            { name: 'transferredFrom', kind: 'text', max: 200, label: f('transferredFrom') },
            { name: 'anonymous', kind: 'bool', initial: false, label: f('anonymous') },
            { name: 'reporterName', kind: 'text', max: 50, label: f('reporterName') },
            { name: 'reporterPhone', kind: 'text', max: 20, label: f('reporterPhone') },
            {
              name: 'categoryCode',
              kind: 'select',
              label: t('enforcement.category'),
              options: (categories.data ?? []).map((c) => ({
                value: c.code,
                label: i18n.language === 'en' ? c.nameEn : c.nameZh,
              })),
            },
            { name: 'establishmentName', kind: 'text', max: 200, label: f('establishmentName') },
            {
              name: 'regionCode',
              kind: 'text',
              required: true,
              max: 9,
              initial: regionCode,
              label: f('regionCode'),
            },
            { name: 'location', kind: 'text', max: 300, label: f('location') },
            { name: 'description', kind: 'textarea', required: true, max: 4000, label: f('description') },
          ]}
          onClose={() => setOpen(false)}
          send={({ reporterName, reporterPhone, anonymous, ...v }) =>
            enterComplaint({
              ...v,
              anonymous,
              ...(anonymous || !reporterName
                ? {}
                : { reporter: { name: reporterName, ...(reporterPhone ? { phone: reporterPhone } : {}) } }),
            })
          }
          onSent={(r) => {
            setReceipt(r as Receipt);
            void queryClient.invalidateQueries({ queryKey: ENFORCEMENT_KEY });
          }}
          onDone={() => setOpen(false)}
        />
      )}
      <Modal
        open={receipt !== null}
        title={f('hotlineTitle')}
        onCancel={() => setReceipt(null)}
        onOk={() => setReceipt(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        {receipt && (
          <Alert
            type="success"
            data-testid="hotline-receipt"
            message={
              receipt.joined
                ? f('hotlineJoined', { number: receipt.number })
                : f('hotlineDone', { number: receipt.number, code: receipt.queryCode })
            }
            description={
              <Typography.Text copyable={{ text: receipt.queryCode }}>{receipt.handlingUnit}</Typography.Text>
            }
          />
        )}
      </Modal>
    </>
  );
}
