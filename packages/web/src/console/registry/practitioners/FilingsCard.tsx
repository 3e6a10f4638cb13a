import { Button, Card, Empty, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission } from '../../../api/auth';
import { useConsoleUser } from '../../consoleUser';
import { FilingModal } from './FilingModal';
import type { MultiSiteFiling, Practitioner } from './practitionerApi';

/** 多点执业备案: the extra sites, their periods and agreements; doctors only, added and ended here. */
export function FilingsCard({ practitioner: p }: { practitioner: Practitioner }) {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const [dialog, setDialog] = useState<{ end?: MultiSiteFiling } | null>(null);
  const canEdit = hasPermission(user, 'registry.edit') && p.profession === 'doctor';
  return (
    <Card
      title={<h2 className="wj-card-title">{t('practitioners.filingsTitle')}</h2>}
      extra={
        canEdit && (
          <Button type="primary" onClick={() => setDialog({})}>
            {t('practitioners.fileAdd')}
          </Button>
        )
      }
      className="wj-gap"
    >
      {p.profession !== 'doctor' && <p className="wj-muted">{t('practitioners.filingsDoctorsOnly')}</p>}
      <Table<MultiSiteFiling>
        rowKey="id"
        size="small"
        dataSource={p.multiSiteFilings}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('practitioners.filingsEmpty')} /> }}
        columns={[
          {
            key: 'site',
            title: t('practitioners.site'),
            render: (_, f) => <Link to={`/console/registry/establishments/${f.site.id}`}>{f.site.name}</Link>,
          },
          {
            key: 'period',
            title: t('practitioners.period'),
            render: (_, f) => `${f.validFrom} — ${f.validTo}`,
          },
          {
            key: 'agreement',
            title: t('practitioners.agreement'),
            render: (_, f) => (
              <span className="wj-stack">
                <span>{f.agreementNo}</span>
                {f.agreementSignedOn && (
                  <span className="wj-muted wj-small">
                    {t('practitioners.signedOn', { date: f.agreementSignedOn })}
                  </span>
                )}
              </span>
            ),
          },
          {
            key: 'status',
            title: t('registry.status'),
            render: (_, f) =>
              f.status === 'active' ? (
                <Tag color="green">{t('practitioners.filingActive')}</Tag>
              ) : (
                <span className="wj-stack">
                  <Tag>{t('practitioners.filingEnded', { date: f.endedOn ?? '' })}</Tag>
                  {f.endReason && <span className="wj-muted wj-small">{f.endReason}</span>}
                </span>
              ),
          },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, f: MultiSiteFiling) =>
                    f.status === 'active' && (
                      <Button size="small" onClick={() => setDialog({ end: f })}>
                        {t('practitioners.fileEnd')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {dialog && <FilingModal practitioner={p} ending={dialog.end ?? null} onClose={() => setDialog(null)} />}
    </Card>
  );
}
