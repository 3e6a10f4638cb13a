import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Progress, Segmented, Space, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../../api/auth';
import { REGISTRY_KEY, TEMPLATE_URL } from '../../../api/registry';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useConsoleUser } from '../../consoleUser';
import { PRACTITIONER_TEMPLATE_URL } from '../practitioners/practitionerApi';
import { AcceptUsccModal } from './AcceptUsccModal';
import { ImportReportView } from './ImportReportView';
import { type ImportProgress, type ImportReport, type ImportTarget, runImport } from './importApi';
import '../../users/lists.css';
import '../registry.css';

type Run = 'check' | 'commit' | 'commitValid';

/**
 * 批量导入: download the template, upload a filled-in file, read the dry-run report (each problem with
 * its row and column), then write: everything when the file is clean, or only the valid rows when
 * the user chooses so. Nothing is written before the user commits.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const [target, setTarget] = useState<ImportTarget>('establishments');
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState<Run | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [accepting, setAccepting] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const start = async (run: Run) => {
    if (!file) return;
    abort.current = new AbortController();
    setRunning(run);
    setError(null);
    setProgress(null);
    try {
      const result = await runImport(file, {
        target,
        dryRun: run === 'check',
        skipInvalid: run === 'commitValid',
        onProgress: setProgress,
        signal: abort.current.signal,
      });
      setReport(result);
      if (result.committed) await queryClient.invalidateQueries({ queryKey: REGISTRY_KEY });
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e);
    } finally {
      setRunning(null);
    }
  };
  const choose = (f: File | null) => {
    setFile(f);
    setReport(null);
    setError(null);
  };
  const commitValid = () =>
    modal.confirm({
      title: t('registryImport.commitValidConfirmTitle'),
      content: t('registryImport.commitValidConfirm', {
        valid: report?.valid ?? 0,
        errors: report?.errorCount ?? 0,
      }),
      okText: t('registryImport.commitValid', { count: report?.valid ?? 0 }),
      cancelText: t('common.cancel'),
      onOk: () => start('commitValid'),
    });
  const checked = report && !report.committed;

  return (
    <div className="wj-page">
      <Typography.Title level={1} className="wj-page-title">
        {t('registryImport.title')}
      </Typography.Title>
      <Segmented<ImportTarget>
        className="wj-gap"
        value={target}
        disabled={running !== null}
        onChange={(v) => {
          setTarget(v);
          choose(null);
        }}
        options={[
          { value: 'establishments', label: t('registryImport.targetEstablishments') },
          { value: 'practitioners', label: t('registryImport.targetPractitioners') },
        ]}
      />
      <Card title={<h2 className="wj-card-title">{t('registryImport.step1')}</h2>} className="wj-gap">
        <Typography.Paragraph>{t(`registryImport.templateIntro.${target}`)}</Typography.Paragraph>
        <Button href={target === 'establishments' ? TEMPLATE_URL : PRACTITIONER_TEMPLATE_URL} download>
          {t('registryImport.downloadTemplate')}
        </Button>
        <Typography.Paragraph className="wj-muted wj-small wj-top-gap">
          {t('registryImport.rules')}
        </Typography.Paragraph>
      </Card>
      <Card title={<h2 className="wj-card-title">{t('registryImport.step2')}</h2>} className="wj-gap">
        <Upload.Dragger
          accept=".xlsx,.csv"
          maxCount={1}
          disabled={running !== null}
          fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
          beforeUpload={(f) => {
            choose(f);
            return false;
          }}
          onRemove={() => choose(null)}
        >
          <p className="ant-upload-text">{t('registryImport.dropHere')}</p>
          <p className="ant-upload-hint">{t('registryImport.dropHint')}</p>
        </Upload.Dragger>
        <Space wrap className="wj-top-gap">
          <Button
            type="primary"
            disabled={!file || running !== null}
            loading={running === 'check'}
            onClick={() => start('check')}
          >
            {t('registryImport.check')}
          </Button>
          {checked && report.errorCount === 0 && report.valid > 0 && (
            <Button
              type="primary"
              loading={running === 'commit'}
              disabled={running !== null}
              onClick={() => start('commit')}
            >
              {t('registryImport.commit', { count: report.valid })}
            </Button>
          )}
          {checked && report.errorCount > 0 && report.valid > 0 && (
            <Button
              danger
              loading={running === 'commitValid'}
              disabled={running !== null}
              onClick={commitValid}
            >
              {t('registryImport.commitValid', { count: report.valid })}
            </Button>
          )}
          {running && <Button onClick={() => abort.current?.abort()}>{t('registryImport.cancel')}</Button>}
        </Space>
        {running && <ProgressView progress={progress} size={file?.size ?? 0} />}
        {checked && report.errorCount > 0 && (
          <Alert type="info" showIcon className="wj-top-gap" title={t('registryImport.fixAndRetry')} />
        )}
      </Card>
      {error ? <ProblemAlert error={error} /> : null}
      {report && (
        <ImportReportView
          report={report}
          {...(!report.committed && target === 'establishments' && hasPermission(user, 'registry.uscc.accept')
            ? { onAccept: setAccepting }
            : {})}
        />
      )}
      {accepting && (
        <AcceptUsccModal
          uscc={accepting}
          onClose={() => setAccepting(null)}
          onAccepted={() => {
            setAccepting(null);
            void start('check');
          }}
        />
      )}
    </div>
  );
}

/** The upload's share, then the rows the server has read so far and the phase it is in. */
function ProgressView({ progress, size }: { progress: ImportProgress | null; size: number }) {
  const { t } = useTranslation();
  if (!progress || progress.phase === 'uploading') {
    const total = progress?.total || size;
    const percent = total > 0 && progress ? Math.round((progress.loaded / total) * 100) : 0;
    return (
      <div className="wj-upload-progress" role="status" aria-live="polite">
        <Progress percent={percent} status="active" />
        <span className="wj-muted">{t('registryImport.uploading')}</span>
      </div>
    );
  }
  return (
    <div className="wj-upload-progress" role="status" aria-live="polite">
      <Progress percent={100} status="active" showInfo={false} />
      <span>{t(`registryImport.phase.${progress.phase}`, { rows: progress.rows })}</span>
    </div>
  );
}
