import { Button, Card, Col, Empty, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission } from '../../api/auth';
import { type Grid, useGrids, useSpecialCampaigns } from '../../api/oversight';
import { departmentLabel, useDepartments } from '../../api/units';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { GridForm } from './GridForm';
import { GridItems } from './GridItems';
import './grids.css';

const WORKLOAD_KEYS = [
  'establishments',
  'patrolsPlanned',
  'patrolsDone',
  'problemsFound',
  'rechecksOpen',
  'rechecksOverdue',
  'deadlinesOverdue',
] as const;
const WARN = new Set(['rechecksOverdue', 'deadlinesOverdue', 'problemsFound']);

function GridCard({ g, canManage }: { g: Grid; canManage: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const names = t('oversight.workload', { returnObjects: true }) as Record<string, string>;
  return (
    <Card
      size="small"
      className="wj-oversight-card"
      title={<h2 className="wj-card-title">{`${g.name}（${g.code}）`}</h2>}
      extra={
        canManage &&
        !editing && (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('oversight.gridForm.edit')}
          </Button>
        )
      }
    >
      {editing && <GridForm grid={g} onDone={() => setEditing(false)} />}
      <p>
        <span className="wj-muted">{t('oversight.gridAreas')}：</span>
        {g.areaCodes.join('、')}
      </p>
      <p>
        <span className="wj-muted">{t('oversight.gridStaff')}：</span>
        {g.staff.length === 0
          ? '—'
          : g.staff.map((s) => (
              <Tag key={s.userId} color={s.role === 'lead' ? 'blue' : undefined}>
                {`${s.name}${s.role === 'lead' ? `（${t('oversight.gridLead')}）` : ''}${s.duties ? `：${s.duties}` : ''}`}
              </Tag>
            ))}
      </p>
      {g.duties && (
        <p>
          <span className="wj-muted">{t('oversight.gridDuties')}：</span>
          {g.duties}
        </p>
      )}
      <div className="wj-figures wj-grid-figures">
        {WORKLOAD_KEYS.map((k) => (
          <div key={k} className={`wj-figure${WARN.has(k) && g.workload[k] > 0 ? ' wj-figure-warn' : ''}`}>
            <span className="wj-figure-value">{g.workload[k]}</span>
            <span className="wj-figure-label">{names[k]}</span>
          </div>
        ))}
      </div>
      <Button className="wj-gap" size="small" onClick={() => setOpen(!open)}>
        {open ? t('oversight.hideItems') : t('oversight.showItems')}
      </Button>
      {open && <GridItems gridId={g.id} canManage={canManage} />}
    </Card>
  );
}

/** 网格管理: each grid's areas, staff and duties, its workload and open items; special campaigns' progress. */
export function GridsPage() {
  const { t, i18n } = useTranslation();
  const user = useConsoleUser();
  const grids = useGrids();
  const departments = useDepartments();
  const departmentName = (code: string) => {
    const d = departments.data?.find((x) => x.code === code);
    return d ? departmentLabel(d, i18n.language) : code;
  };
  const campaigns = useSpecialCampaigns();
  const [creating, setCreating] = useState(false);
  const canManage = hasPermission(user, 'oversight.grid.manage');
  return (
    <div className="wj-page">
      <Typography.Title level={1} className="wj-page-title">
        {t('oversight.gridsTitle')}
      </Typography.Title>
      <div className="wj-oversight-filters">
        <Link to="/console/oversight">
          <Button>{t('oversight.backToDashboard')}</Button>
        </Link>
        {canManage && !creating && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('oversight.newGrid')}
          </Button>
        )}
      </div>
      {creating && <GridForm onDone={() => setCreating(false)} />}
      {grids.error && <ProblemAlert error={grids.error} />}
      {grids.data && grids.data.items.length === 0 && <Empty description={t('oversight.gridEmpty')} />}
      <Row gutter={[16, 16]}>
        {grids.data?.items.map((g) => (
          <Col key={g.id} xs={24} lg={12}>
            <GridCard g={g} canManage={canManage} />
          </Col>
        ))}
      </Row>
      <Typography.Title level={2} className="wj-gap wj-section-title">
        {t('oversight.specialCampaigns')}
      </Typography.Title>
      {campaigns.data && campaigns.data.items.length === 0 && <Empty />}
      {campaigns.data?.items.map((c) => (
        <Card key={c.id} size="small" className="wj-gap" title={<h3 className="wj-card-title">{c.name}</h3>}>
          <p>{c.theme}</p>
          <p className="wj-muted">
            {`${c.startsOn} – ${c.endsOn} · ${c.departments.map(departmentName).join('、')} · `}
            {t('oversight.campaignProgress', { done: c.done, target: c.target, problems: c.problems })}
          </p>
        </Card>
      ))}
    </div>
  );
}
