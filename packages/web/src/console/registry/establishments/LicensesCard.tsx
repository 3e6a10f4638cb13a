import { Card, Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../../api/auth';
import { type LicenseSummary, useLicensesHeld } from '../../../api/registry';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useConsoleUser } from '../../consoleUser';

const COLORS: Record<string, string> = {
  valid: 'green',
  expired: 'orange',
  revoked: 'red',
  withdrawn: 'red',
};

/** 持有的许可证, as the licensing module lists them (it needs the licensing.read permission). */
export function LicensesCard({ establishmentId }: { establishmentId: number }) {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const allowed = hasPermission(user, 'licensing.read');
  const licenses = useLicensesHeld(establishmentId, allowed);
  const states = t('registry.licenseStates', { returnObjects: true }) as Record<string, string>;
  const title = <h2 className="wj-card-title">{t('registry.licensesTitle')}</h2>;
  if (!allowed)
    return (
      <Card title={title} className="wj-gap">
        <p className="wj-muted">{t('registry.licensesNoPermission')}</p>
      </Card>
    );
  return (
    <Card title={title} className="wj-gap">
      {licenses.isError && <ProblemAlert error={licenses.error} />}
      <Table<LicenseSummary>
        rowKey="id"
        size="small"
        loading={licenses.isPending}
        dataSource={licenses.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('registry.licensesEmpty')} /> }}
        columns={[
          { key: 'name', title: t('registry.licenseName'), dataIndex: 'licenseNameZh' },
          { key: 'number', title: t('registry.licenseNumber'), dataIndex: 'number' },
          { key: 'issuer', title: t('registry.licenseIssuer'), render: (_, l) => l.issuer.name },
          {
            key: 'valid',
            title: t('registry.licenseValidity'),
            render: (_, l) => `${l.validFrom} — ${l.validTo ?? t('registry.licenseNoEnd')}`,
          },
          {
            key: 'status',
            title: t('registry.status'),
            render: (_, l) => (
              <Tag color={COLORS[l.effectiveStatus]}>{states[l.effectiveStatus] ?? l.effectiveStatus}</Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
