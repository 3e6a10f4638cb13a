import { Checkbox, Empty, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemListEntry } from '../../../api/inspectionPlan';
import { useInspectionLabels } from '../labels';

interface Props {
  entries: ItemListEntry[];
  departments: string[];
  kinds: string[];
  value?: string[];
  onChange?: (codes: string[]) => void;
}

/**
 * The entries of the random-inspection item list the plan covers, grouped by department: only
 * those of a participating department that apply to a kind in scope are offered (the server
 * refuses the others). Each entry's checklist is what the team will fill in on the visit.
 */
export function ItemsField({ entries, departments, kinds, value = [], onChange }: Props) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const offered = entries.filter(
    (e) => departments.includes(e.departmentCode) && e.objectKinds.some((k) => kinds.includes(k)),
  );
  if (offered.length === 0) return <Empty description={t('inspectionPlan.noItems')} />;
  const toggle = (code: string, on: boolean) =>
    onChange?.(on ? [...value.filter((c) => c !== code), code] : value.filter((c) => c !== code));
  return (
    <div className="wj-plan-items">
      {departments.map((d) => {
        const mine = offered.filter((e) => e.departmentCode === d);
        if (mine.length === 0) return null;
        return (
          <fieldset key={d} className="wj-plan-department">
            <Typography.Text strong>{labels.department(d)}</Typography.Text>
            {mine.map((e) => (
              <div key={e.code}>
                <Checkbox
                  checked={value.includes(e.code)}
                  onChange={(ev) => toggle(e.code, ev.target.checked)}
                >
                  {e.nameZh}
                </Checkbox>
                <Typography.Text type="secondary" className="wj-plan-item-help">
                  {e.code} · {e.method} · {e.ratio}
                </Typography.Text>
              </div>
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}

/** The form item around ItemsField; departments and kinds are read from the form as they change. */
export function ItemsFormItem({ entries }: { entries: ItemListEntry[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const departments: string[] = Form.useWatch('departments', form) ?? [];
  const kinds: string[] = Form.useWatch('kinds', form) ?? [];
  return (
    <Form.Item
      name="itemCodes"
      label={t('inspectionPlan.items')}
      extra={t('inspectionPlan.itemsHelp')}
      rules={[{ required: true, type: 'array', min: 1, message: t('inspectionPlan.itemsRequired') }]}
    >
      <ItemsField entries={entries} departments={departments} kinds={kinds} />
    </Form.Item>
  );
}
