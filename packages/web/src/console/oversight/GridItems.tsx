import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Input, List, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { completeRecheck, GRIDS_KEY, planPatrol, useGridItems } from '../../api/oversight';
import { patrolPhotoUrl } from '../../api/oversightField';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { PatrolRecordForm } from './PatrolRecordForm';
import { PlannedPatrolRecord } from './PlannedPatrolRecord';

/** A grid's patrols (plan one, record a planned one) and re-checks (close an open one). */
export function GridItems({ gridId, canManage }: { gridId: number; canManage: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const items = useGridItems(gridId);
  const [place, setPlace] = useState('');
  const [plannedOn, setPlannedOn] = useState<Dayjs>(dayjs());
  const [notes, setNotes] = useState<Record<number, { text: string; problem: boolean }>>({});
  const [recording, setRecording] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: GRIDS_KEY });
  const plan = useMutation({
    mutationFn: () => planPatrol(gridId, { place, plannedOn: plannedOn.format('YYYY-MM-DD') }),
    onSuccess: async () => {
      setPlace('');
      await refresh();
    },
  });
  const close = useMutation({
    mutationFn: (id: number) =>
      completeRecheck(id, { doneOn: dayjs().format('YYYY-MM-DD'), result: notes[-id]?.text ?? '' }),
    onSuccess: refresh,
  });
  const note = (key: number, text: string, problem = notes[key]?.problem ?? false) =>
    setNotes({ ...notes, [key]: { text, problem } });
  const error = plan.error ?? close.error;
  return (
    <div className="wj-gap">
      {error && <ProblemAlert error={error} />}
      <h3 className="wj-card-title">{t('oversight.patrols')}</h3>
      {canManage &&
        (recording ? (
          <PatrolRecordForm gridId={gridId} onDone={() => setRecording(false)} />
        ) : (
          <Button type="primary" className="wj-gap" onClick={() => setRecording(true)}>
            {t('oversight.patrolForm.open')}
          </Button>
        ))}
      {canManage && (
        <Space wrap className="wj-gap">
          <Input
            aria-label={t('oversight.patrolPlace')}
            placeholder={t('oversight.patrolPlace')}
            value={place}
            onChange={(e) => setPlace(e.target.value)}
          />
          <DatePicker
            aria-label={t('oversight.patrolDate')}
            value={plannedOn}
            onChange={(v) => v && setPlannedOn(v)}
            allowClear={false}
          />
          <Button onClick={() => plan.mutate()} disabled={!place.trim()} loading={plan.isPending}>
            {t('oversight.planPatrol')}
          </Button>
        </Space>
      )}
      <List
        size="small"
        dataSource={items.data?.patrols ?? []}
        locale={{ emptyText: t('oversight.recordsEmpty') }}
        renderItem={(p) => (
          <List.Item key={p.id}>
            <div className="wj-full">
              <div>
                {`${p.patrolledAt ? dayjs(p.patrolledAt).format('YYYY-MM-DD HH:mm') : p.plannedOn} · ${p.place} `}
                <Tag color={p.status === 'done' ? (p.problemFound ? 'red' : 'green') : 'blue'}>
                  {t(`oversight.patrolStatus.${p.status === 'done' ? 'done' : 'planned'}`)}
                </Tag>
              </div>
              {p.findings && (
                <div className="wj-muted">
                  {p.officerName ? `${t('oversight.patrolForm.officer')}：${p.officerName} · ` : ''}
                  {p.findings}
                </div>
              )}
              {p.photos.length > 0 && (
                <div className="wj-patrol-photos">
                  {p.photos.map((sha, i) => (
                    <a key={sha} href={patrolPhotoUrl(p.id, sha)} target="_blank" rel="noreferrer">
                      <img
                        src={patrolPhotoUrl(p.id, sha, 'thumb')}
                        className="wj-patrol-thumb"
                        loading="lazy"
                        alt={t('oversight.patrolForm.photoAlt', { n: i + 1 })}
                      />
                    </a>
                  ))}
                </div>
              )}
              {canManage && p.status === 'planned' && <PlannedPatrolRecord patrolId={p.id} />}
            </div>
          </List.Item>
        )}
      />
      <h3 className="wj-card-title">{t('oversight.rechecks')}</h3>
      <List
        size="small"
        dataSource={items.data?.rechecks ?? []}
        locale={{ emptyText: t('oversight.recordsEmpty') }}
        renderItem={(r) => (
          <List.Item key={r.id}>
            <div className="wj-full">
              <div>
                {`${r.establishmentName} · ${r.sourceRef || r.source} · ${t('oversight.columns.dueOn')} ${r.dueOn} `}
                <Tag
                  color={
                    r.status === 'done' ? 'green' : r.dueOn < dayjs().format('YYYY-MM-DD') ? 'red' : 'blue'
                  }
                >
                  {t(`oversight.recheckStatus.${r.status === 'done' ? 'done' : 'open'}`)}
                </Tag>
              </div>
              {r.result && <div className="wj-muted">{r.result}</div>}
              {canManage && r.status === 'open' && (
                <Space wrap>
                  <Input
                    aria-label={t('oversight.recheckResult')}
                    placeholder={t('oversight.recheckResult')}
                    value={notes[-r.id]?.text ?? ''}
                    onChange={(e) => note(-r.id, e.target.value)}
                  />
                  <Button
                    size="small"
                    onClick={() => close.mutate(r.id)}
                    disabled={!notes[-r.id]?.text?.trim()}
                  >
                    {t('oversight.completeRecheck')}
                  </Button>
                </Space>
              )}
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
