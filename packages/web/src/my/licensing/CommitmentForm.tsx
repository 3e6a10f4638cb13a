import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApplicationDetail, actOnApplication, applicationKey } from '../../api/licensing';
import { useLicensingLabels } from '../../console/licensing/labels';
import { ProblemAlert } from '../../ui/ProblemAlert';

/**
 * 告知承诺书: every condition shown and acknowledged one by one, then signed by name. The server
 * refuses a signature that leaves a condition out (commitment_incomplete).
 */
export function CommitmentForm({ application: a }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [ticked, setTicked] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ signerName: string }>();
  const all = ticked.length === a.conditions.length;

  const sign = async ({ signerName }: { signerName: string }) => {
    setBusy(true);
    setError(null);
    try {
      const next = await actOnApplication(a.id, {
        action: 'sign_commitment',
        expectedVersion: a.version,
        conditionCodes: ticked,
        signerName: signerName.trim(),
      });
      queryClient.setQueryData(applicationKey(a.id), next);
      message.success(t('licensing.done', { action: t('licensing.sign') }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('licensing.commitment')} className="wj-gap" id="commitment">
      <p>{t('licensing.commitmentIntro')}</p>
      {error !== null && <ProblemAlert error={error} />}
      <Checkbox.Group value={ticked} onChange={(v) => setTicked(v as string[])} className="wj-full">
        <ol className="wj-plain-list wj-full">
          {a.conditions.map((c) => (
            <li key={c.code} className="wj-condition">
              <Checkbox value={c.code}>{labels.en ? c.textEn : c.textZh}</Checkbox>
            </li>
          ))}
        </ol>
      </Checkbox.Group>
      <Form form={form} layout="vertical" name="commitment" onFinish={sign} className="wj-top-gap">
        <Form.Item
          name="signerName"
          label={t('licensing.signerName')}
          rules={[{ required: true, whitespace: true, max: 50, message: t('licensing.signerRequired') }]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        {!all && <p className="wj-muted wj-small">{t('licensing.commitmentAll')}</p>}
        <Button type="primary" htmlType="submit" disabled={!all} loading={busy}>
          {t('licensing.sign')}
        </Button>
      </Form>
    </Card>
  );
}
