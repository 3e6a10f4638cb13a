import { Breadcrumb, Button, Card, Collapse, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import { hasPermission } from '../../api/auth';
import { usePermitVersions } from '../../api/licensing';
import { NotFoundResult } from '../../ui/NotFoundResult';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { CatalogueList } from './catalogue/CatalogueList';
import { PermitDefinitionView } from './catalogue/PermitDefinitionView';
import { PermitEditorPage } from './catalogue/PermitEditorPage';
import { useLicensingLabels } from './labels';
import '../users/lists.css';
import '../audit/audit.css';
import '../registry/registry.css';
import './licensing.css';

const BASE = '/console/licensing/catalogue';

function CatalogueIndex() {
  const { t } = useTranslation();
  return (
    <div className="wj-page wj-page-wide">
      <Typography.Title level={1} className="wj-page-title">
        {t('licensing.catalogueTitle')}
      </Typography.Title>
      <p className="wj-muted">{t('licensing.catalogueIntro')}</p>
      <CatalogueList pathOf={(code) => `${BASE}/${code}`} />
    </div>
  );
}

/** Every version of one permit type, newest first and open; the older ones folded. */
function PermitVersionsPage() {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const user = useConsoleUser();
  const navigate = useNavigate();
  const code = useParams().code ?? '';
  const q = usePermitVersions(code);
  if (q.isPending) return <PageLoading />;
  if (q.isError)
    return (
      <div className="wj-page">
        <ProblemAlert error={q.error} />
      </div>
    );
  const versions = [...q.data].reverse();
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const latest = versions[0]!;
  return (
    <div className="wj-page wj-page-wide">
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to={BASE}>{t('licensing.catalogueTitle')}</Link> },
          { title: labels.name(latest.definition) },
        ]}
      />
      <Typography.Title level={1} className="wj-page-title">
        {labels.name(latest.definition)}
      </Typography.Title>
      {hasPermission(user, 'licensing.catalogue.manage') && (
        <p>
          <Button type="primary" onClick={() => navigate(`${BASE}/${code}/edit`)}>
            {t('licensingEdit.draftNew')}
          </Button>
        </p>
      )}
      <Card size="small" title={t('licensing.versions')} className="wj-gap">
        <Collapse
          defaultActiveKey={[String(latest.version)]}
          items={versions.map((v) => ({
            key: String(v.version),
            label: `${t('licensing.version', { n: v.version })} · ${t('licensing.effectiveFrom')} ${v.effectiveFrom}${v.effectiveFrom > today ? ` (${t('licensingEdit.pending')})` : ''} · ${v.note}`,
            children: <PermitDefinitionView d={v.definition} effectiveFrom={v.effectiveFrom} />,
          }))}
        />
      </Card>
    </div>
  );
}

/** /console/licensing/catalogue: the permit catalogue, /:code (its versions) and /:code/edit (a new version). */
export default function CataloguePage() {
  return (
    <Routes>
      <Route index element={<CatalogueIndex />} />
      <Route path=":code" element={<PermitVersionsPage />} />
      <Route path=":code/edit" element={<PermitEditorPage base={BASE} />} />
      <Route path="*" element={<NotFoundResult home={BASE} />} />
    </Routes>
  );
}
