import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChecklist } from '../../../api/inspectionEditors';
import { versionDate } from './versionDate';

/** The versions of one checklist (newest first) with what each changed. */
export function ChecklistVersions({ id }: { id: number }) {
  const { t } = useTranslation();
  const detail = useChecklist(id);
  return (
    <div className="wj-gap">
      <Typography.Text strong>{t('inspectionEditors.versions')}</Typography.Text>
      <List
        size="small"
        loading={detail.isPending}
        dataSource={detail.data?.versions ?? []}
        renderItem={(v) => (
          <List.Item>
            <div>
              {t('inspectionEditors.versionLine', {
                version: v.version,
                date: versionDate(v.createdAt, t('inspectionEditors.shipped')),
              })}
              <div className="wj-basis">{v.note || t('inspectionEditors.noNote')}</div>
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
