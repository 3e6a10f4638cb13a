import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRIDS_KEY } from '../../api/oversight';
import { recordFieldPatrol, useGridEstablishments } from '../../api/oversightField';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { PatrolPhotoPicker, type PatrolShot } from './PatrolPhotoPicker';

interface Values {
  placeKind: 'establishment' | 'address';
  establishmentId?: number;
  address?: string;
  patrolledAt: Dayjs;
  findings: string;
  problemFound: boolean;
}

/**
 * 现场巡查记录, made on a phone: the place (an establishment of the grid or an address), the time
 * (now by default), the findings, and photos — each uploaded as soon as it is taken (the server
 * accepts images only), shown as thumbnails, then claimed by the record when it is saved.
 */
export function PatrolRecordForm({ gridId, onDone }: { gridId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const placeKind = Form.useWatch('placeKind', form) ?? 'establishment';
  const [search, setSearch] = useState('');
  const establishments = useGridEstablishments(gridId, search);
  const [shots, setShots] = useState<PatrolShot[]>([]);
  const [uploading, setUploading] = useState(false);
  const save = useMutation({
    mutationFn: (v: Values) =>
      recordFieldPatrol(gridId, {
        ...(v.placeKind === 'establishment' && v.establishmentId
          ? { establishmentId: v.establishmentId }
          : { address: v.address ?? '' }),
        patrolledAt: v.patrolledAt.toISOString(),
        findings: v.findings,
        problemFound: v.problemFound ?? false,
        photos: shots.map((s) => s.sha256),
      }),
    onSuccess: async () => {
      message.success(t('oversight.patrolForm.saved'));
      await client.invalidateQueries({ queryKey: GRIDS_KEY });
      onDone();
    },
  });
  return (
    <Card
      size="small"
      className="wj-gap wj-patrol-form"
      title={<h3 className="wj-card-title">{t('oversight.patrolForm.title')}</h3>}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ placeKind: 'establishment', patrolledAt: dayjs(), problemFound: false }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="placeKind" label={t('oversight.patrolForm.placeKind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'establishment', label: t('oversight.patrolForm.placeEstablishment') },
              { value: 'address', label: t('oversight.patrolForm.placeAddress') },
            ]}
          />
        </Form.Item>
        {placeKind === 'establishment' ? (
          <Form.Item
            name="establishmentId"
            label={t('oversight.patrolForm.establishment')}
            rules={[{ required: true, message: t('oversight.patrolForm.needPlace') }]}
          >
            <Select
              aria-label={t('oversight.patrolForm.establishment')}
              placeholder={t('oversight.patrolForm.establishmentSearch')}
              showSearch={{ filterOption: false, onSearch: setSearch }}
              loading={establishments.isFetching}
              options={(establishments.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="address"
            label={t('oversight.patrolForm.address')}
            rules={[{ required: true, whitespace: true, message: t('oversight.patrolForm.needPlace') }]}
          >
            <Input aria-label={t('oversight.patrolForm.address')} maxLength={200} />
          </Form.Item>
        )}
        <Form.Item name="patrolledAt" label={t('oversight.patrolForm.patrolledAt')}>
          <DatePicker
            aria-label={t('oversight.patrolForm.patrolledAt')}
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs().subtract(30, 'day'), 'day')}
          />
        </Form.Item>
        <Form.Item
          name="findings"
          label={t('oversight.patrolForm.findings')}
          rules={[{ required: true, whitespace: true, message: t('oversight.patrolForm.needFindings') }]}
        >
          <Input.TextArea aria-label={t('oversight.patrolForm.findings')} rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="problemFound" valuePropName="checked">
          <Checkbox>{t('oversight.problemFound')}</Checkbox>
        </Form.Item>
        <Form.Item label={t('oversight.patrolForm.photos')} extra={t('oversight.patrolForm.photosHelp')}>
          <PatrolPhotoPicker shots={shots} onChange={setShots} onBusy={setUploading} />
        </Form.Item>
        {save.error && <ProblemAlert error={save.error} />}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={uploading}>
            {t('oversight.patrolForm.submit')}
          </Button>
          <Button onClick={onDone}>{t('oversight.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
