import { AutoComplete, Button, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../../api/audit';
import { ACTION_PREFIXES, ENTITY_TYPES, useAuditLabels } from './labels';

interface Values {
  dates?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
}

const DAY = 'YYYY-MM-DD';
const text = (v?: string) => v?.trim() || undefined;

/** Date range (China time), actor, action prefix, entity type and id. */
export function AuditFilters({
  value,
  onChange,
}: {
  value: AuditFilter;
  onChange: (f: AuditFilter) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const labels = useAuditLabels();
  const initial: Values = {
    dates:
      value.from || value.to
        ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]
        : null,
    actor: value.actor,
    action: value.action,
    entityType: value.entityType,
    entityId: value.entityId,
  };
  const submit = (v: Values) =>
    onChange({
      from: v.dates?.[0]?.format(DAY),
      to: v.dates?.[1]?.format(DAY),
      actor: text(v.actor),
      action: text(v.action),
      entityType: text(v.entityType),
      entityId: text(v.entityId),
    });

  return (
    <Form<Values>
      form={form}
      name="audit-filter"
      layout="vertical"
      role="search"
      className="wj-audit-filter"
      initialValues={initial}
      onFinish={submit}
    >
      <div className="wj-filter-grid">
        <Form.Item name="dates" label={t('audit.dates')} extra={t('audit.datesHelp')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} className="wj-full" />
        </Form.Item>
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input allowClear placeholder={t('audit.actorPlaceholder')} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.actionPrefix')}>
          <AutoComplete
            allowClear
            placeholder="identity.user."
            options={ACTION_PREFIXES.map((p) => ({ value: p }))}
            showSearch={{ filterOption: (input, o) => String(o?.value ?? '').startsWith(input) }}
          />
        </Form.Item>
        <Form.Item name="entityType" label={t('audit.entityType')}>
          <AutoComplete
            allowClear
            options={ENTITY_TYPES.map((e) => ({ value: e, label: `${labels.entity(e)}（${e}）` }))}
          />
        </Form.Item>
        <Form.Item name="entityId" label={t('audit.entityId')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item label={<span className="wj-visually-hidden">{t('common.search')}</span>} colon={false}>
          <Space wrap>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.setFieldsValue({ dates: null, actor: '', action: '', entityType: '', entityId: '' });
                onChange({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </div>
    </Form>
  );
}
