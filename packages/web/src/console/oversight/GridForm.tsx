import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createGrid, GRIDS_KEY, type Grid } from '../../api/oversight';
import { updateGrid } from '../../api/oversightField';
import { fetchRegions, type Region, regionsKey } from '../../api/regions';
import { useUsers } from '../../api/users';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';

interface StaffRow {
  userId?: number;
  role: 'lead' | 'member';
  duties: string;
}

interface Values {
  code: string;
  name: string;
  areaCodes: string[];
  duties: string;
  staff: StaffRow[];
}

interface Node {
  id: string;
  pId: string;
  value: string;
  title: string;
  isLeaf: boolean;
}

const node = (r: Region, parent: string): Node => ({
  id: r.code,
  pId: parent,
  value: r.code,
  title: `${r.name}（${r.code}）`,
  isLeaf: r.level === 'village' || r.childCount === 0,
});

/**
 * 定格、定员、定责: a grid of the user's county — its streets or towns (expand one to pick villages),
 * its staff each with a role and own duties. New (grid undefined) or an edit of `grid` (optimistic
 * lock on its version); an overlap with another grid comes back from the server naming it.
 */
export function GridForm({ grid, onDone }: { grid?: Grid; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useConsoleUser();
  const client = useQueryClient();
  const region = grid?.regionCode ?? user.unit?.regionCode ?? '';
  const towns = useQuery({
    queryKey: regionsKey(region),
    queryFn: ({ signal }) => fetchRegions(region, signal),
  });
  const [villages, setVillages] = useState<Node[]>([]);
  const [form] = Form.useForm<Values>();
  const chosen = (Form.useWatch('staff', form) ?? []).map((s) => s?.userId);
  const staff = useUsers({ unitId: user.unit?.id, status: 'active', page: 1, pageSize: 100 } as never);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const input = {
        code: v.code,
        name: v.name,
        regionCode: region,
        duties: v.duties ?? '',
        areaCodes: v.areaCodes,
        staff: (v.staff ?? [])
          .filter((s): s is StaffRow & { userId: number } => typeof s.userId === 'number')
          .map((s) => ({ userId: s.userId, role: s.role, duties: s.duties ?? '' })),
      };
      return grid ? updateGrid(grid.id, { ...input, version: grid.version }) : createGrid(input);
    },
    onSuccess: async () => {
      message.success(t('oversight.gridForm.savedGrid'));
      await client.invalidateQueries({ queryKey: GRIDS_KEY });
      onDone();
    },
  });
  const known = new Map((staff.data?.items ?? []).map((u) => [u.id, u.displayName]));
  for (const s of grid?.staff ?? []) if (!known.has(s.userId)) known.set(s.userId, s.name);
  const people = [...known].map(([value, label]) => ({ value, label }));
  const treeData = [...(towns.data ?? []).map((r) => node(r, region)), ...villages];
  const loadData = async (n: { value?: unknown }) => {
    const code = String(n.value);
    if (villages.some((v) => v.pId === code)) return;
    const children = await fetchRegions(code);
    setVillages((before) => [...before, ...children.map((r) => node(r, code))]);
  };
  const required = [{ required: true, message: t('oversight.gridForm.required') }];
  return (
    <Card
      size="small"
      className="wj-gap"
      title={
        <h2 className="wj-card-title">
          {grid ? `${t('oversight.gridForm.editGrid')}：${grid.name}` : t('oversight.newGrid')}
        </h2>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={
          grid
            ? {
                code: grid.code,
                name: grid.name,
                areaCodes: grid.areaCodes,
                duties: grid.duties,
                staff: grid.staff.map((s) => ({ userId: s.userId, role: s.role, duties: s.duties })),
              }
            : { staff: [], duties: '', areaCodes: [] }
        }
      >
        <Form.Item name="code" label={t('oversight.gridCode')} rules={required}>
          <Input placeholder="WG370112-01" disabled={Boolean(grid)} />
        </Form.Item>
        <Form.Item name="name" label={t('oversight.gridName')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item
          name="areaCodes"
          label={t('oversight.gridForm.areas')}
          extra={t('oversight.gridForm.areasHelp')}
          rules={required}
        >
          <TreeSelect
            aria-label={t('oversight.gridForm.areas')}
            multiple
            treeDataSimpleMode
            treeData={treeData}
            loadData={loadData}
            showSearch={{ treeNodeFilterProp: 'title' }}
            listHeight={320}
          />
        </Form.Item>
        <Form.Item name="duties" label={t('oversight.gridDuties')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <h3 className="wj-card-title">{t('oversight.gridForm.staffTitle')}</h3>
        <Form.List name="staff">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} className="wj-grid-staff-row">
                  <Form.Item name={[f.name, 'userId']} rules={required} className="wj-grid-staff-person">
                    <Select
                      aria-label={t('oversight.gridForm.person')}
                      placeholder={t('oversight.gridForm.person')}
                      options={people.map((p) => ({
                        ...p,
                        disabled: chosen.includes(p.value) && chosen.indexOf(p.value) !== f.name,
                      }))}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']} className="wj-grid-staff-role">
                    <Select
                      aria-label={t('oversight.gridForm.role')}
                      options={[
                        { value: 'lead', label: t('oversight.gridLead') },
                        { value: 'member', label: t('oversight.gridMember') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'duties']} className="wj-grid-staff-duties">
                    <Input
                      aria-label={t('oversight.gridForm.personDuties')}
                      placeholder={t('oversight.gridForm.personDuties')}
                    />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('oversight.gridForm.remove')}</Button>
                </div>
              ))}
              <Button
                className="wj-gap"
                onClick={() => add({ role: fields.length === 0 ? 'lead' : 'member', duties: '' })}
              >
                {t('oversight.gridForm.addPerson')}
              </Button>
            </>
          )}
        </Form.List>
        {save.error && <ProblemAlert error={save.error} />}
        <Space wrap className="wj-gap">
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('oversight.save')}
          </Button>
          <Button onClick={onDone}>{t('oversight.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
