import { Card, Empty, List, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useRegistryLabels } from '../labels';
import { usePractitioners } from '../practitioners/practitionerApi';

/** 执业人员: practitioners whose primary institution this is, or who have an active multi-site filing here. */
export function PractitionersAtCard({ establishmentId }: { establishmentId: number }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const [page, setPage] = useState(1);
  const list = usePractitioners({ establishmentId, page, pageSize: 10 });
  return (
    <Card
      title={<h2 className="wj-card-title">{t('registry.practitionersHere')}</h2>}
      extra={
        <Link to={`/console/registry/practitioners?establishmentId=${establishmentId}`}>
          {t('registry.practitionersAll', { count: list.data?.total ?? 0 })}
        </Link>
      }
      className="wj-gap"
    >
      {list.isError && <ProblemAlert error={list.error} />}
      <List
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('registry.practitionersNone')} /> }}
        pagination={
          (list.data?.total ?? 0) > 10
            ? { current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, size: 'small' }
            : false
        }
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/console/registry/practitioners/${p.id}`}>{p.name}</Link>}
              description={[labels.profession(p.profession), p.titleName].filter(Boolean).join(' · ')}
            />
            {p.primaryEstablishment.id === establishmentId ? (
              <Tag color="blue">{t('registry.primarySite')}</Tag>
            ) : (
              <Tag color="purple">{t('registry.multiSite')}</Tag>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}
