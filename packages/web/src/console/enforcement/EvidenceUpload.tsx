import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseKey } from '../../api/enforcement';
import { uploadEvidence } from '../../api/enforcementFollowUp';
import { showFieldErrors } from '../../api/forms';
import type { ProblemFieldError } from '../../api/problem';
import { ProblemAlert } from '../../ui/ProblemAlert';

const KINDS = ['document', 'photo', 'statement', 'record', 'other'];

interface Values {
  kind: string;
  description: string;
  collectedOn?: Dayjs;
}

/**
 * 提交证据: one file (PDF, JPEG or PNG) with its kind and description. The server recognises the
 * type from the first bytes, stores it, and records its SHA-256 in the enforcement record; the hash
 * it answers with is shown so the officer can note it on the paper record.
 */
export function EvidenceUpload({ caseId }: { caseId: number }) {
  const { t, i18n } = useTranslation();
  const f = (k: string, o?: Record<string, unknown>) =>
    t(`enforcementFollowUp.${k}` as 'enforcementFollowUp.refer', o ?? {});
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [unmatched, setUnmatched] = useState<ProblemFieldError[]>([]);
  const upload = useMutation({
    mutationFn: (v: Values) =>
      uploadEvidence(
        caseId,
        {
          kind: v.kind,
          description: v.description.trim(),
          ...(v.collectedOn ? { collectedOn: v.collectedOn.format('YYYY-MM-DD') } : {}),
        },
        file!,
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
      form.resetFields();
      setFile(null);
      setUnmatched([]);
    },
    onError: (e) =>
      setUnmatched(showFieldErrors(form, e, i18n.language, ['kind', 'description', 'collectedOn'])),
  });
  const close = () => {
    upload.reset();
    setFile(null);
    setOpen(false);
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {f('evidenceUpload')}
      </Button>
      <Modal open={open} title={f('evidenceTitle')} onCancel={close} footer={null} destroyOnHidden>
        {upload.data && (
          <Alert
            type="success"
            className="wj-gap"
            data-testid="evidence-stored"
            message={upload.data.fileName}
            description={<span className="wj-hash">{f('evidenceStored', { hash: upload.data.sha256 })}</span>}
          />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'photo' }}
          onFinish={(v) => upload.mutate(v)}
        >
          <Form.Item name="kind" label={f('evidenceKind')} rules={[{ required: true }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: f(`evidenceKinds.${k}`) }))} />
          </Form.Item>
          <Form.Item
            name="description"
            label={f('evidenceDescription')}
            rules={[{ required: true, whitespace: true, message: f('evidenceDescription') }]}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="collectedOn" label={f('collectedOn')}>
            <DatePicker className="wj-full" />
          </Form.Item>
          <Form.Item label={f('evidenceFile')} required>
            <Upload
              accept="application/pdf,image/jpeg,image/png"
              maxCount={1}
              beforeUpload={(chosen) => {
                setFile(chosen);
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={
                file ? [{ uid: '1', name: file.name, status: 'done', originFileObj: file as never }] : []
              }
            >
              <Button>{f('evidenceChoose')}</Button>
            </Upload>
          </Form.Item>
          <ProblemAlert error={upload.error} extra={unmatched} />
          <div className="wj-form-buttons">
            <Button onClick={close}>{t('enforcement.cancel')}</Button>
            <Button type="primary" htmlType="submit" disabled={!file} loading={upload.isPending}>
              {t('enforcement.submit')}
            </Button>
          </div>
        </Form>
      </Modal>
    </>
  );
}
