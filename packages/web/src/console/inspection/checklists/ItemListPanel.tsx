import { Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFullItemList } from '../../../api/inspectionEditors';
import { useInspectionLabels } from '../labels';
import { ItemListEditor } from './ItemListEditor';
import { VersionedListPanel } from './VersionedListPanel';

/**
 * 抽查事项清单: each item with its basis, kinds, department, method, ratio and frequency; earlier
 * versions can be read; administrators of the standards publish a new version.
 */
export function ItemListPanel() {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const e = (k: string) => t(`inspectionEditors.${k}` as 'inspectionEditors.kind');
  return (
    <VersionedListPanel
      intro={e('itemListIntro')}
      useList={useFullItemList}
      renderEditor={(list, onDone) => <ItemListEditor list={list} onDone={onDone} />}
      renderEntries={(data) => (
        <ul className="wj-cards wj-item-list">
          {data.entries.map((entry) => (
            <li key={entry.code}>
              <Card
                size="small"
                title={
                  <span className="wj-wrap-title">
                    <span className="wj-mono">{entry.code}</span> {entry.nameZh}
                  </span>
                }
                extra={<Tag color="blue">{labels.department(entry.departmentCode)}</Tag>}
              >
                <Descriptions
                  size="small"
                  column={1}
                  items={[
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
                    { key: 'm', label: e('method'), children: entry.method },
                    { key: 'r', label: e('ratio'), children: entry.ratio },
                    { key: 'f', label: e('frequency'), children: entry.frequency },
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
