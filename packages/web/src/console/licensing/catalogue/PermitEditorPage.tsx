import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Col, Form, Input, Modal, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LICENSING_KEY, type PermitVersion, usePermitVersions } from '../../../api/licensing';
import {
  type PermitPreview,
  previewPermitVersion,
  publishPermitVersion,
} from '../../../api/licensingCatalogue';
import { ApiError, type ProblemFieldError, pickMessage } from '../../../api/problem';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useLicensingLabels } from '../labels';
import { discardDraft, type StoredDraft, saveDraft, useDraft } from './draftStore';
import {
  BasicsSection,
  CitationsSection,
  ConditionsSection,
  LimitsSection,
  MaterialsSection,
  ModelTextsSection,
} from './EditorSections';
import { type EditorValues, formName, requestOf, valuesOf } from './editorForm';
import { VersionDiff } from './VersionDiff';
import './editor.css';

/** Today in China (UTC+8), as the server's legal calendar counts it. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 起草新版本: the administrator edits a draft based on the latest version (kept in this browser),
 * previews the changes against the version in force with the server's checks, and publishes it
 * with its effective date. Published versions are never edited here: each publication is new.
 */
function Editor({
  code,
  base,
  stored,
  backTo,
}: {
  code: string;
  base: PermitVersion;
  stored: StoredDraft | null;
  backTo: string;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const labels = useLicensingLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Untyped: problem paths ('definition.materials.0.code') name fields at any depth.
  const [form] = Form.useForm();
  const initial = useMemo(
    () => stored?.values ?? valuesOf(base.definition, [chinaToday(), base.effectiveFrom].sort()[1]!),
    [stored, base],
  );
  const [restored, setRestored] = useState(stored ? { at: stored.savedAt, by: stored.savedBy } : null);
  const [preview, setPreview] = useState<PermitPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<ProblemFieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const request = () => requestOf(base.definition, form.getFieldsValue(true) as EditorValues);
  const showError = (e: unknown) => {
    setError(e);
    const fields = e instanceof ApiError ? (e.problem.errors ?? []) : [];
    form.setFields(
      fields.map((f) => ({
        name: formName(String(f.path)),
        errors: [pickMessage(f, i18n.language)],
      })),
    );
    setExtra(fields);
  };
  const check = async () => {
    setError(null);
    setExtra([]);
    await form.validateFields();
  };

  const onPreview = async () => {
    try {
      await check();
    } catch {
      return;
    }
    setBusy(true);
    try {
      setPreview(await previewPermitVersion(code, request()));
    } catch (e) {
      setPreview(null);
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const onPublish = async () => {
    setBusy(true);
    try {
      // Publishing removes the type's draft on the server too.
      const saved = await publishPermitVersion(code, request());
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: LICENSING_KEY });
      message.success(t('licensingEdit.published', { n: saved.version, date: saved.effectiveFrom }));
      navigate(backTo);
    } catch (e) {
      setConfirming(false);
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onValuesChange={() => setPreview(null)}>
      {restored && (
        <Alert
          type="info"
          showIcon
          className="wj-gap"
          message={t('licensingEdit.draftRestored', {
            at: new Date(restored.at).toLocaleString(),
            by: restored.by,
          })}
        />
      )}
      <BasicsSection />
      <LimitsSection />
      <MaterialsSection />
      <ConditionsSection />
      <ModelTextsSection />
      <CitationsSection />
      <Card size="small" title={t('licensingEdit.publishing')} className="wj-gap">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="effectiveFrom"
              label={t('licensingEdit.effectiveFrom')}
              rules={[
                { required: true, message: t('licensingEdit.requiredField') },
                {
                  validator: (_, v: string) =>
                    v && v < chinaToday()
                      ? Promise.reject(new Error(t('licensingEdit.pastDate')))
                      : Promise.resolve(),
                },
              ]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="note"
              label={t('licensingEdit.note')}
              rules={[{ required: true, whitespace: true, message: t('licensingEdit.requiredField') }]}
            >
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <ProblemAlert error={error} extra={extra} />
      {preview && (
        <Card size="small" className="wj-gap">
          <VersionDiff preview={preview} />
        </Card>
      )}
      <div className="wj-edit-actions">
        <Button
          loading={busy && !confirming}
          onClick={async () => {
            setBusy(true);
            try {
              await saveDraft(code, base.version, form.getFieldsValue(true) as EditorValues);
              setRestored(null);
              message.success(t('licensingEdit.draftSaved'));
            } catch (e) {
              showError(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('licensingEdit.saveDraft')}
        </Button>
        <Button
          onClick={async () => {
            try {
              await discardDraft(code);
            } catch (e) {
              showError(e);
              return;
            }
            setRestored(null);
            setPreview(null);
            form.setFieldsValue(valuesOf(base.definition, [chinaToday(), base.effectiveFrom].sort()[1]!));
            message.info(t('licensingEdit.draftDiscarded'));
          }}
        >
          {t('licensingEdit.discardDraft')}
        </Button>
        <Button onClick={onPreview} loading={busy && !confirming}>
          {t('licensingEdit.preview')}
        </Button>
        <Button type="primary" disabled={!preview?.valid} onClick={() => setConfirming(true)}>
          {t('licensingEdit.publish')}
        </Button>
      </div>
      <Modal
        open={confirming}
        title={t('licensingEdit.publishConfirm', {
          n: preview?.nextVersion ?? base.version + 1,
          date: form.getFieldValue('effectiveFrom'),
        })}
        okText={t('licensingEdit.publish')}
        confirmLoading={busy}
        onOk={onPublish}
        onCancel={() => setConfirming(false)}
      >
        <p>{labels.name(form.getFieldValue('definition') ?? base.definition)}</p>
        <p className="wj-muted">{t('licensingEdit.publishConfirmNote')}</p>
      </Modal>
    </Form>
  );
}

export function PermitEditorPage({ base: BASE }: { base: string }) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const code = useParams().code ?? '';
  const q = usePermitVersions(code);
  const draft = useDraft(code);
  if (q.isPending || draft.isPending) return <PageLoading />;
  if (q.isError || draft.isError)
    return (
      <div className="wj-page">
        <ProblemAlert error={q.error ?? draft.error} />
      </div>
    );
  const latest = q.data[q.data.length - 1]!;
  const name = labels.name(latest.definition);
  return (
    <div className="wj-page wj-page-wide">
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to={BASE}>{t('licensing.catalogueTitle')}</Link> },
          { title: <Link to={`${BASE}/${code}`}>{name}</Link> },
          { title: t('licensingEdit.draftNew') },
        ]}
      />
      <Typography.Title level={1} className="wj-page-title">
        {t('licensingEdit.editTitle', { name })}
      </Typography.Title>
      <p className="wj-muted">{t('licensingEdit.editIntro')}</p>
      <Editor code={code} base={latest} stored={draft.data} backTo={`${BASE}/${code}`} />
    </div>
  );
}
