import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSPECTION_KEY } from '../../../api/inspection';
import { type RosterImportReport, uploadSheet } from '../../../api/inspectionEditors';
import { ApiError } from '../../../api/problem';
import { ProblemAlert } from '../../../ui/ProblemAlert';

/**
 * Imports officers from Excel in two steps: the file is first checked in full (a dry run that
 * writes nothing and lists every wrong cell), then imported, all or nothing.
 */
export function RosterImport({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<RosterImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const e = (k: string, o?: Record<string, unknown>) =>
    t(`inspectionEditors.${k}` as 'inspectionEditors.kind', o ?? {});

  const run = async (chosen: File, dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const r = await uploadSheet<RosterImportReport>(`/inspectors/import?dryRun=${dryRun}`, chosen);
      if (dryRun) setReport(r);
      else {
        await qc.invalidateQueries({ queryKey: INSPECTION_KEY });
        message.success(e('imported', { created: r.created, updated: r.updated }));
        onClose();
      }
    } catch (err) {
      setReport(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={e('importTitle')}
      onCancel={onClose}
      footer={
        <Space wrap>
          <Button
            type="primary"
            disabled={!file || !report || busy}
            loading={busy && !!report}
            onClick={() => file && void run(file, false)}
          >
            {e('confirmImport')}
          </Button>
          <Button onClick={onClose}>{e('cancel')}</Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{e('importRosterHelp')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{e('allOrNothing')}</Typography.Paragraph>
      <Upload
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(chosen) => {
          setFile(chosen);
          setReport(null);
          void run(chosen, true);
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setReport(null);
          setError(null);
        }}
      >
        <Button loading={busy && !report}>{e('chooseFile')}</Button>
      </Upload>
      <div className="wj-gap">
        <ProblemAlert error={error} extra={error instanceof ApiError ? error.problem.errors : undefined} />
        {report && (
          <Alert
            type="success"
            showIcon
            title={e('checkReport', {
              rows: report.rows,
              created: report.created,
              updated: report.updated,
              unchanged: report.unchanged,
            })}
          />
        )}
      </div>
    </Modal>
  );
}
