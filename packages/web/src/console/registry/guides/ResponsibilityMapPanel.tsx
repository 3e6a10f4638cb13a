import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, List, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../../api/auth';
import { departmentLabel, useDepartments } from '../../../api/units';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useConsoleUser } from '../../consoleUser';
import { CitationText, useDepartmentName, VersionLine } from './GuideView';
import {
  type DepartmentDuty,
  invalidateGuides,
  type ResponsibilityMap,
  saveResponsibilityMap,
  useResponsibilityMap,
} from './guideApi';

/** 职责分工: each department's duties (seed 002 annex 3), versioned; administrators edit it. */
export function ResponsibilityMapPanel() {
  const { t, i18n } = useTranslation();
  const user = useConsoleUser();
  const map = useResponsibilityMap();
  const department = useDepartmentName();
  const [editing, setEditing] = useState(false);
  if (map.isPending) return <PageLoading />;
  if (map.isError) return <ProblemAlert error={map.error} />;
  const m = map.data;
  if (editing) return <MapEditor map={m} onDone={() => setEditing(false)} />;
  return (
    <Card
      title={<h2 className="wj-card-title">{t('guides.mapTitle')}</h2>}
      extra={
        hasPermission(user, 'registry.guide.manage') && (
          <Button type="primary" size="small" onClick={() => setEditing(true)}>
            {t('guides.edit')}
          </Button>
        )
      }
      className="wj-gap"
    >
      <VersionLine v={m} />
      <List
        dataSource={m.entries}
        renderItem={(e) => (
          <List.Item>
            <List.Item.Meta
              title={department(e.departmentCode) || e.departmentName}
              description={
                <>
                  <span className="wj-block">
                    {i18n.language === 'en' ? e.dutiesEn || e.dutiesZh : e.dutiesZh}
                  </span>
                  <CitationText citation={e.citation} />
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function MapEditor({ map, onDone }: { map: ResponsibilityMap; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const departments = (useDepartments().data ?? []).map((d) => ({
    value: d.code,
    label: departmentLabel(d, i18n.language),
  }));
  const save = useMutation({
    mutationFn: (v: { entries: DepartmentDuty[]; note: string }) =>
      saveResponsibilityMap({
        entries: v.entries.map((e) => ({
          ...e,
          dutiesEn: e.dutiesEn?.trim() ?? '',
          citation: { zh: e.citation?.zh?.trim() ?? '', en: e.citation?.en?.trim() ?? '' },
        })),
        note: v.note.trim(),
        expectedVersion: map.version,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: invalidateGuides });
      void message.success(t('guides.saved'));
      onDone();
    },
  });
  const initial = { entries: map.entries.map(({ departmentName: _, ...e }) => e) };
  return (
    <Card title={<h2 className="wj-card-title">{t('guides.mapEditTitle')}</h2>} className="wj-gap">
      <Form
        name="map-edit"
        layout="vertical"
        className="wj-modal-form"
        initialValues={initial}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.List name="entries">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <fieldset
                  key={f.key}
                  className="wj-editor-row"
                  aria-label={`${t('guides.department')} ${i + 1}`}
                >
                  <Form.Item
                    name={[f.name, 'departmentCode']}
                    label={t('guides.department')}
                    rules={[{ required: true, message: t('guides.required') }]}
                  >
                    <Select options={departments} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'dutiesZh']}
                    label={t('guides.dutiesZh')}
                    rules={[{ required: true, whitespace: true, message: t('guides.required') }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 2 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dutiesEn']} label={t('guides.dutiesEn')}>
                    <Input.TextArea autoSize={{ minRows: 2 }} />
                  </Form.Item>
                  <div className="wj-form-grid">
                    <Form.Item name={[f.name, 'citation', 'zh']} label={t('guides.citationZh')}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'citation', 'en']} label={t('guides.citationEn')}>
                      <Input />
                    </Form.Item>
                  </div>
                  <Button size="small" danger className="wj-gap" onClick={() => remove(f.name)}>
                    {t('guides.removeRow')}
                  </Button>
                </fieldset>
              ))}
              <Button className="wj-gap" onClick={() => add({ citation: { zh: '', en: '' } })}>
                {t('guides.addDepartment')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item
          name="note"
          label={t('guides.note')}
          extra={t('guides.noteHelp')}
          rules={[{ required: true, whitespace: true, message: t('guides.noteRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <ProblemAlert error={save.error} />
        <Space wrap className="wj-top-gap">
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('guides.saveVersion')}
          </Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
