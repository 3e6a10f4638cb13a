import { Button, Card, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasPermission } from '../../../api/auth';
import { useEstablishment } from '../../../api/registry';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useIsPhone } from '../../../ui/useIsPhone';
import { useConsoleUser } from '../../consoleUser';
import { useRegistryLabels } from '../labels';
import { PractitionerList } from './PractitionerList';
import { type PractitionerQuery, practitionerExportUrl, usePractitioners } from './practitionerApi';

const KEYS = ['q', 'idNumber', 'certNo', 'profession', 'establishmentId', 'status'] as const;
type Filter = Partial<Record<(typeof KEYS)[number], string>>;

/** 医务人员: search by name, ID number (exact), certificate number, profession, institution, status. */
export function PractitionerSearchPage() {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const isPhone = useIsPhone();
  const labels = useRegistryLabels();
  const [params, setParams] = useSearchParams();
  const filter: Filter = {};
  for (const k of KEYS) {
    const v = params.get(k);
    if (v) filter[k] = v;
  }
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const establishmentId = Number(filter.establishmentId) || undefined;
  const query = { ...filter, establishmentId, page, pageSize } as PractitionerQuery;
  const list = usePractitioners(query);
  const site = useEstablishment(establishmentId ?? 0, !!establishmentId);
  const go = (next: Filter, nextPage = 1, nextSize = pageSize) => {
    const p = new URLSearchParams();
    for (const k of KEYS) if (next[k]) p.set(k, next[k]);
    if (nextPage > 1) p.set('page', String(nextPage));
    if (nextSize !== 20) p.set('pageSize', String(nextSize));
    setParams(p);
  };
  const text = (v?: string) => v?.trim() || undefined;

  const filters = (
    <Form<Filter>
      key={JSON.stringify(filter)}
      name="practitioner-filter"
      layout="vertical"
      role="search"
      className="wj-audit-filter"
      initialValues={filter}
      onFinish={(v) =>
        go({
          q: text(v.q),
          idNumber: text(v.idNumber),
          certNo: text(v.certNo),
          profession: v.profession,
          status: v.status,
          establishmentId: filter.establishmentId,
        })
      }
    >
      <div className="wj-filter-grid">
        <Form.Item name="q" label={t('practitioners.name')}>
          <Input allowClear placeholder={t('practitioners.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('practitioners.idNumber')}
          extra={t('practitioners.idNumberHelp')}
        >
          <Input allowClear autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="certNo" label={t('practitioners.certNo')}>
          <Input allowClear autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="profession" label={t('practitioners.profession')}>
          <Select
            allowClear
            options={['doctor', 'nurse', 'pharmacist', 'technician'].map((p) => ({
              value: p,
              label: labels.profession(p),
            }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t('registry.status')}>
          <Select
            allowClear
            options={[
              { value: 'active', label: t('practitioners.active') },
              { value: 'inactive', label: t('practitioners.inactive') },
            ]}
          />
        </Form.Item>
      </div>
      <Space wrap className="wj-gap">
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button onClick={() => go({})}>{t('common.reset')}</Button>
      </Space>
    </Form>
  );

  return (
    <div className="wj-page wj-page-wide">
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {t('practitioners.title')}
        </Typography.Title>
        {hasPermission(user, 'registry.export') && (
          <Space wrap className="wj-title-actions">
            <Button href={practitionerExportUrl({ ...filter })} download>
              {t('registry.exportXlsx')}
            </Button>
          </Space>
        )}
      </div>
      <Card>
        {establishmentId && (
          <p>
            <Tag
              closable
              color="blue"
              onClose={() => go({ ...filter, establishmentId: undefined })}
              closeIcon={
                <span role="img" aria-label={t('practitioners.clearSite')}>
                  ×
                </span>
              }
            >
              {t('practitioners.atSite', { name: site.data?.name ?? `#${establishmentId}` })}
            </Tag>
          </p>
        )}
        {isPhone ? (
          <details className="wj-filter-details" open={Object.keys(filter).length > 0}>
            <summary>{t('registry.filters')}</summary>
            {filters}
          </details>
        ) : (
          filters
        )}
        {list.isError && <ProblemAlert error={list.error} />}
        <PractitionerList
          items={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          totalExact={list.data?.totalExact ?? true}
          loading={list.isFetching}
          page={page}
          pageSize={pageSize}
          onPage={(p, size) => go(filter, size === pageSize ? p : 1, size)}
        />
      </Card>
    </div>
  );
}
