import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type ResponsibilityEntry,
  type ResponsibilityList,
  useSaveResponsibilityList,
} from '../../../api/inspectionResponsibilities';
import { useRegistryLabels } from '../../registry/labels';
import { useInspectionLabels } from '../labels';
import { VersionedListEditor } from './VersionedListEditor';

const EMPTY: ResponsibilityEntry = {
  code: '',
  departmentCode: '',
  matterZh: '',
  basisZh: '',
  objectKinds: [],
  measuresZh: '',
};

/** Edits the supervision-responsibility list (监管责任清单) and publishes it as version N+1. */
export function ResponsibilityListEditor({
  list,
  onDone,
}: {
  list: ResponsibilityList;
  onDone: (published?: number) => void;
}) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const registry = useRegistryLabels();
  const save = useSaveResponsibilityList();
  const e = (k: string) => t(`inspectionEditors.${k}` as 'inspectionEditors.kind');
  return (
    <VersionedListEditor
      version={list.version}
      entries={list.entries}
      empty={EMPTY}
      addLabel={e('addResponsibility')}
      save={save}
      onDone={onDone}
      renderFields={(name, text) => (
        <>
          {text(['matterZh'], e('responsibilityMatter'), 2000)}
          {text(['basisZh'], e('entryBasis'), 2000)}
          <Form.Item name={[name, 'objectKinds']} label={e('objectKinds')}>
            <Select
              mode="multiple"
              options={Object.keys(registry.kinds).map((k) => ({ value: k, label: labels.kind(k) }))}
            />
          </Form.Item>
          {text(['measuresZh'], e('responsibilityMeasures'), 1000)}
        </>
      )}
    />
  );
}
