import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ItemList, useSaveItemList } from '../../../api/inspectionEditors';
import type { ItemListEntry } from '../../../api/inspectionPlan';
import { useRegistryLabels } from '../../registry/labels';
import { useInspectionLabels } from '../labels';
import { VersionedListEditor } from './VersionedListEditor';

const EMPTY: ItemListEntry = {
  code: '',
  nameZh: '',
  basisZh: '',
  objectKinds: [],
  departmentCode: '',
  method: '',
  ratio: '',
  frequency: '',
};

/** Edits the random-inspection item list (抽查事项清单) and publishes it as version N+1. */
export function ItemListEditor({ list, onDone }: { list: ItemList; onDone: (published?: number) => void }) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const registry = useRegistryLabels();
  const save = useSaveItemList();
  const e = (k: string) => t(`inspectionEditors.${k}` as 'inspectionEditors.kind');
  return (
    <VersionedListEditor
      version={list.version}
      entries={list.entries}
      empty={EMPTY}
      addLabel={e('addEntry')}
      save={save}
      onDone={onDone}
      renderFields={(name, text) => (
        <>
          {text(['nameZh'], e('entryName'), 300)}
          {text(['basisZh'], e('entryBasis'), 2000, e('basisPlaceholder'))}
          <Form.Item
            name={[name, 'objectKinds']}
            label={e('objectKinds')}
            rules={[{ required: true, type: 'array', min: 1, message: e('required') }]}
          >
            <Select
              mode="multiple"
              options={Object.keys(registry.kinds).map((k) => ({ value: k, label: labels.kind(k) }))}
            />
          </Form.Item>
          <div className="wj-edit-grid wj-edit-grid-3">
            {text(['method'], e('method'), 300, e('methodPlaceholder'))}
            {text(['ratio'], e('ratio'), 100)}
            {text(['frequency'], e('frequency'), 100)}
          </div>
        </>
      )}
    />
  );
}
