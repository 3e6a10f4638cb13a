import { useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCurrentUser } from '../../api/auth';
import { createApplication, useCatalogue, usePermit } from '../../api/licensing';
import { CatalogueList } from '../../console/licensing/catalogue/CatalogueList';
import { PermitDefinitionView } from '../../console/licensing/catalogue/PermitDefinitionView';
import { MY_PATHS, useLicensingLabels } from '../../console/licensing/labels';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { MyNav } from './MyNav';

/** 办事指南: the public catalogue of permit types, each opening its guide. */
export function MyPermitsPage() {
  const { t } = useTranslation();
  return (
    <>
      <MyNav />
      <Typography.Title level={1} className="wj-page-title">
        {t('licensing.catalogueTitle')}
      </Typography.Title>
      <p className="wj-muted">{t('licensing.catalogueIntro')}</p>
      <CatalogueList pathOf={(code) => `/my/permits/${code}`} />
    </>
  );
}

/** One permit type's guide, materials, conditions and model texts, and the button that starts an application. */
export function MyPermitPage() {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const code = useParams().code ?? '';
  const q = usePermit(code);
  const catalogue = useCatalogue();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ProblemAlert error={q.error} />;
  const d = q.data.definition;
  const establishmentId = me.data?.establishmentId ?? null;
  const replacement = d.replacedBy ? catalogue.data?.items.find((x) => x.code === d.replacedBy) : undefined;

  const apply = async () => {
    if (!establishmentId) return;
    setBusy(true);
    setError(null);
    try {
      const created = await createApplication({ establishmentId, permitCode: code });
      await queryClient.invalidateQueries({ queryKey: ['licensing'] });
      navigate(MY_PATHS.application(created.id));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <>
      <MyNav />
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to="/my/permits">{t('licensing.catalogueTitle')}</Link> },
          { title: labels.name(d) },
        ]}
      />
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {labels.name(d)}
        </Typography.Title>
        {d.mode !== 'abolished' && establishmentId && (
          <Button type="primary" size="large" loading={busy} onClick={() => void apply()}>
            {t('licensing.apply')}
          </Button>
        )}
      </div>
      {d.mode === 'abolished' && (
        <Alert
          type="warning"
          showIcon
          className="wj-gap"
          message={t('licensing.abolishedNotice')}
          description={
            d.replacedBy && (
              <Link to={`/my/permits/${d.replacedBy}`}>
                {t('licensing.replacedBy', { name: replacement ? labels.name(replacement) : d.replacedBy })}
              </Link>
            )
          }
        />
      )}
      {error !== null && <ProblemAlert error={error} />}
      <PermitDefinitionView d={d} effectiveFrom={q.data.effectiveFrom} />
    </>
  );
}
