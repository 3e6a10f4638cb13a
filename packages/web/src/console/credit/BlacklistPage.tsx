import {
  Button,
  Card,
  Drawer,
  Empty,
  Input,
  Pagination,
  Segmented,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission } from '../../api/auth';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useIsPhone } from '../../ui/useIsPhone';
import { useConsoleUser } from '../consoleUser';
import { AddListingModal } from './AddListingModal';
import { ListingFacts, ListingStatus } from './BlacklistSummary';
import { type BlacklistEntry, useBlacklist } from './creditApi';
import { ProposalsPanel } from './ProposalsPanel';
import { RemovalProposal } from './RemovalProposal';
import { RepairPanel } from './RepairPanel';
import { filePath } from './RiskListPage';
import '../users/lists.css';
import '../audit/audit.css';
import '../registry/registry.css';
import './credit.css';

/** 黑名单: listings with their grounds and flags; add one; repair applications and their decisions. */
export default function BlacklistPage() {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const isPhone = useIsPhone();
  const [status, setStatus] = useState<'listed' | 'exited' | 'all' | 'proposals'>('listed');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const list = useBlacklist({
    status: status === 'all' || status === 'proposals' ? undefined : status,
    q: q || undefined,
    page,
    pageSize: 20,
  });
  const items = list.data?.items ?? [];
  const open = items.find((e) => e.id === openId) ?? null;

  const name = (e: BlacklistEntry) => (
    <Button type="link" className="wj-link-button" onClick={() => setOpenId(e.id)}>
      {e.name}
    </Button>
  );
  const columns: TableColumnsType<BlacklistEntry> = [
    { key: 'name', title: t('credit.name'), render: (_, e) => name(e) },
    { key: 'reason', title: t('credit.reason'), dataIndex: 'reason' },
    { key: 'entered', title: t('credit.enteredOn'), dataIndex: 'enteredOn', width: 110 },
    { key: 'repair', title: t('credit.repairFrom'), dataIndex: 'repairFrom', width: 110 },
    { key: 'ends', title: t('credit.endsOn'), dataIndex: 'endsOn', width: 110 },
    { key: 'status', title: t('credit.status'), render: (_, e) => <ListingStatus e={e} /> },
  ];

  return (
    <div className="wj-page wj-page-wide">
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {t('credit.blacklistTitle')}
        </Typography.Title>
        {hasPermission(user, 'credit.blacklist.propose') && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('credit.addListing')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('credit.blacklistIntro')}</Typography.Paragraph>
      <Card>
        <div className="wj-toolbar">
          <Segmented
            value={status}
            onChange={(v) => {
              setStatus(v as typeof status);
              setPage(1);
            }}
            options={[
              { value: 'listed', label: t('credit.statusListed') },
              { value: 'exited', label: t('credit.statusExited') },
              { value: 'all', label: t('credit.all') },
              { value: 'proposals', label: t('credit.fourEyes.proposalsTab') },
            ]}
          />
          {status !== 'proposals' && (
            <Input.Search
              aria-label={t('credit.search')}
              placeholder={t('credit.searchPlaceholder')}
              allowClear
              onSearch={(v) => {
                setQ(v.trim());
                setPage(1);
              }}
            />
          )}
        </div>
        {list.isError && <ProblemAlert error={list.error} />}
        {status === 'proposals' ? (
          <ProposalsPanel />
        ) : isPhone ? (
          <div aria-busy={list.isFetching}>
            {items.length === 0 && !list.isFetching && <Empty />}
            <ul className="wj-cards">
              {items.map((e) => (
                <li key={e.id}>
                  <Card size="small" title={name(e)} extra={<ListingStatus e={e} />}>
                    <div>{e.reason}</div>
                    <div className="wj-muted wj-small">
                      {t('credit.enteredOn')} {e.enteredOn} · {t('credit.repairFrom')} {e.repairFrom}
                    </div>
                  </Card>
                </li>
              ))}
            </ul>
            <Pagination
              simple
              current={page}
              pageSize={20}
              total={list.data?.total ?? 0}
              onChange={setPage}
              align="center"
            />
          </div>
        ) : (
          <Table<BlacklistEntry>
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={list.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty /> }}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          />
        )}
      </Card>
      <Drawer
        open={open !== null}
        onClose={() => setOpenId(null)}
        size={isPhone ? '100%' : 560}
        title={open?.name}
        destroyOnHidden
      >
        {open && (
          <div data-testid="listing-detail">
            <ListingStatus e={open} />
            {open.subjectType === 'establishment' && (
              <Link to={filePath(open.subjectId)} className="wj-inline-tag">
                {t('credit.openFile')}
              </Link>
            )}
            <ListingFacts e={open} />
            <RemovalProposal entry={open} />
            <RepairPanel entry={open} />
          </div>
        )}
      </Drawer>
      {adding && <AddListingModal onClose={() => setAdding(false)} />}
    </div>
  );
}
