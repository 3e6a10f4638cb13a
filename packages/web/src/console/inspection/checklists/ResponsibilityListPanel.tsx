import { Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useResponsibilityList } from '../../../api/inspectionResponsibilities';
import { useInspectionLabels } from '../labels';
import { ResponsibilityListEditor } from './ResponsibilityListEditor';
import { VersionedListPanel } from './VersionedListPanel';

/**
 * 监管责任清单 (seed 001 四(二): "一表两清单"): for each matter, the department that supervises it,
 * the basis, the kinds of establishment and the measures; versioned like the item list.
 */
export function ResponsibilityListPanel() {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const e = (k: string) => t(`inspectionEditors.${k}` as 'inspectionEditors.kind');
  return (
    <VersionedListPanel
      intro={e('responsibilityListIntro')}
      useList={useResponsibilityList}
      renderEditor={(list, onDone) => <ResponsibilityListEditor list={list} onDone={onDone} />}
      renderEntries={(data) => (
        <ul className="wj-cards wj-item-list" data-testid="responsibility-list">
          {data.entries.map((entry) => (
            <li key={entry.code}>
              <Card
                size="small"
                title={<span className="wj-mono">{entry.code}</span>}
                extra={<Tag color="blue">{labels.department(entry.departmentCode)}</Tag>}
              >
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'm', label: e('responsibilityMatter'), children: entry.matterZh },
                    { key: 'b', label: e('basisShort'), children: entry.basisZh },
                    {
                      key: 'k',
                      label: e('objectKinds'),
                      children: (
                        <Space size={4} wrap>
                          {entry.objectKinds.map((k) => (
                            <Tag key={k}>{labels.kind(k)}</Tag>
                          ))}
                        </Space>
                      ),
                    },
                    { key: 's', label: e('responsibilityMeasures'), children: entry.measuresZh },
                  ]}
                />
              </Card>
            </li>
          ))}
        </ul>
      )}
    />
  );
}
