import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Select, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../../api/auth';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useConsoleUser } from '../../consoleUser';
import { versionDate } from './versionDate';

interface VersionedList {
  version: number;
  entries: unknown[];
  note: string;
  versions: { version: number; createdAt: string }[];
}

/**
 * One of the two lists of "一表两清单" (seed 001 四(二)), versioned: the current version or an
 * earlier one to read, and for administrators of the standards an editor that publishes version N+1.
 */
export function VersionedListPanel<L extends VersionedList>({
  intro,
  useList,
  renderEntries,
  renderEditor,
}: {
  intro: string;
  useList: (version?: number) => UseQueryResult<L>;
  renderEntries: (list: L) => ReactNode;
  renderEditor: (current: L, onDone: (published?: number) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useConsoleUser();
  const [version, setVersion] = useState<number | undefined>();
  const [editing, setEditing] = useState(false);
  const list = useList(version);
  const current = useList();
  const e = (k: string, o?: Record<string, unknown>) =>
    t(`inspectionEditors.${k}` as 'inspectionEditors.kind', o ?? {});
  const manages = hasPermission(user, 'inspection.checklist.manage');
  if (list.isPending) return <PageLoading />;
  const data = list.data;
  if (editing && current.data) {
    return renderEditor(current.data, (published) => {
      setEditing(false);
      if (published) message.success(e('published', { version: published }));
    });
  }
  return (
    <div>
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      <ProblemAlert error={list.error} />
      {data && (
        <div className="wj-editor-heading">
          <Select<number>
            aria-label={e('viewVersion')}
            value={data.version}
            onChange={(v) => setVersion(v === current.data?.version ? undefined : v)}
            options={data.versions.map((v) => ({
              value: v.version,
              label: e('versionLine', { version: v.version, date: versionDate(v.createdAt, e('shipped')) }),
            }))}
          />
          {manages && version === undefined && (
            <Button type="primary" onClick={() => setEditing(true)}>
              {e('editList')}
            </Button>
          )}
        </div>
      )}
      {version !== undefined && data && (
        <Alert
          type="warning"
          showIcon
          className="wj-gap"
          title={e('oldVersion', { version: data.version })}
          action={
            <Button size="small" onClick={() => setVersion(undefined)}>
              {e('backToCurrent')}
            </Button>
          }
        />
      )}
      {data && (
        <Typography.Paragraph type="secondary" className="wj-basis">
          {data.note || e('noNote')}
        </Typography.Paragraph>
      )}
      {data?.entries.length === 0 && <Empty description={e('noEntries')} />}
      {data && renderEntries(data)}
    </div>
  );
}
