import { Button, Collapse, Empty, List, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../api/auth';
import { type Checklist, useChecklists } from '../../api/inspection';
import { checklistExportUrl } from '../../api/inspectionEditors';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { ChecklistEditor } from './checklists/ChecklistEditor';
import { ChecklistVersions } from './checklists/ChecklistVersions';
import { ItemListPanel } from './checklists/ItemListPanel';
import { ResponsibilityListPanel } from './checklists/ResponsibilityListPanel';
import { useInspectionLabels } from './labels';
import '../users/lists.css';
import '../registry/registry.css';
import './inspection.css';
import './checklists/editors.css';

const SEVERITY_COLORS: Record<string, string> = { minor: 'default', major: 'orange', critical: 'red' };

/**
 * "一表两清单": the current checklist of each kind and department, item by item with its basis, and
 * the random-inspection item list; administrators of the standards publish new versions.
 */
export default function ChecklistsPage() {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const manages = hasPermission(user, 'inspection.checklist.manage');
  const [tab, setTab] = useState('checklists');
  return (
    <div className="wj-page wj-page-wide">
      <Typography.Title level={1} className="wj-page-title">
        {t('inspection.checklistsTitle')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'checklists',
            label: t('inspectionEditors.checklistsTab'),
            children: <Checklists manages={manages} />,
          },
          { key: 'items', label: t('inspectionEditors.itemListTab'), children: <ItemListPanel /> },
          {
            key: 'responsibilities',
            label: t('inspectionEditors.responsibilityListTab'),
            children: <ResponsibilityListPanel />,
          },
        ]}
      />
    </div>
  );
}

function Checklists({ manages }: { manages: boolean }) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const lists = useChecklists();
  const [editing, setEditing] = useState<Checklist | 'new' | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('inspection.checklistsIntro')}</Typography.Paragraph>
      {manages && (
        <div className="wj-checklist-actions">
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('inspectionEditors.newChecklist')}
          </Button>
        </div>
      )}
      {editing && (
        <ChecklistEditor
          checklist={editing === 'new' ? null : editing}
          existing={lists.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
      <ProblemAlert error={lists.error} />
      {lists.isPending && <PageLoading />}
      {lists.data?.length === 0 && <Empty description={t('inspection.noChecklists')} />}
      {lists.data && lists.data.length > 0 && (
        <Collapse
          items={lists.data.map((c) => ({
            // Kind and department, not the version's id: the panel stays open across a new version.
            key: `${c.kind}:${c.departmentCode}`,
            label: (
              <span className="wj-checklist-label">
                {c.title} <Tag>{labels.kind(c.kind)}</Tag>
                <Tag color="blue">{labels.department(c.departmentCode)}</Tag>
                <span className="wj-basis">{t('inspection.checklistVersion', { version: c.version })}</span>
              </span>
            ),
            children: (
              <>
                <div className="wj-checklist-actions">
                  {manages && (
                    <Button size="small" onClick={() => setEditing(c)}>
                      {t('inspectionEditors.editChecklist')}
                    </Button>
                  )}
                  <Button size="small" href={checklistExportUrl(c.id)} download>
                    {t('inspectionEditors.exportXlsx')}
                  </Button>
                </div>
                <List
                  dataSource={c.items}
                  renderItem={(i) => (
                    <List.Item>
                      <div>
                        <strong className="wj-mono">{i.code}</strong> {i.what}{' '}
                        <Tag color={SEVERITY_COLORS[i.severity]}>{labels.severity(i.severity)}</Tag>
                        <div className="wj-basis">
                          {t('inspection.basis')}：{i.basis}
                        </div>
                      </div>
                    </List.Item>
                  )}
                />
                <ChecklistVersions id={c.id} />
              </>
            ),
          }))}
        />
      )}
    </>
  );
}
