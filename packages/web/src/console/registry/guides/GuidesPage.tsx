import { Button, Card, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasPermission } from '../../../api/auth';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useIsPhone } from '../../../ui/useIsPhone';
import { useConsoleUser } from '../../consoleUser';
import { useRegistryLabels } from '../labels';
import { GuideEditor } from './GuideEditor';
import { GuideView, VersionLine } from './GuideView';
import { useGuide, useGuideVersions } from './guideApi';
import { ResponsibilityMapPanel } from './ResponsibilityMapPanel';
import '../../users/lists.css';
import '../registry.css';

const MAP = 'map';

/** 合规指引: per establishment kind, who supervises, what, how often and how; and the responsibility map. */
export default function GuidesPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const labels = useRegistryLabels();
  const [params, setParams] = useSearchParams();
  const tab = params.get('kind') ?? 'medical';
  const version = Number(params.get('v')) || null;
  const go = (kind: string, v: number | null = null) =>
    setParams(v ? { kind, v: String(v) } : kind === 'medical' ? {} : { kind });
  const tabs = [
    ...Object.entries(labels.kinds).map(([key, label]) => ({ key, label })),
    { key: MAP, label: t('guides.mapTab') },
  ];

  return (
    <div className="wj-page wj-page-wide">
      <Typography.Title level={1} className="wj-page-title">
        {t('guides.title')}
      </Typography.Title>
      <Typography.Paragraph className="wj-muted">{t('guides.intro')}</Typography.Paragraph>
      {isPhone ? (
        <Select
          className="wj-full wj-gap"
          aria-label={t('guides.chooseKind')}
          value={tab}
          onChange={(k) => go(k)}
          options={tabs.map((x) => ({ value: x.key, label: x.label }))}
        />
      ) : (
        <Tabs activeKey={tab} onChange={(k) => go(k)} items={tabs} />
      )}
      {tab === MAP ? (
        <ResponsibilityMapPanel />
      ) : (
        <GuidePanel key={`${tab}:${version}`} kind={tab} version={version} onVersion={(v) => go(tab, v)} />
      )}
    </div>
  );
}

function GuidePanel({
  kind,
  version,
  onVersion,
}: {
  kind: string;
  version: number | null;
  onVersion: (v: number | null) => void;
}) {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const guide = useGuide(kind, version);
  const versions = useGuideVersions(kind);
  const [editing, setEditing] = useState(false);
  if (guide.isPending) return <PageLoading />;
  if (guide.isError) return <ProblemAlert error={guide.error} />;
  const g = guide.data;
  const latest = versions.data?.[0]?.version ?? g.version;
  const canEdit = hasPermission(user, 'registry.guide.manage') && g.version === latest;
  if (editing) return <GuideEditor guide={g} onDone={() => setEditing(false)} />;
  return (
    <Card title={<h2 className="wj-card-title">{g.content.titleZh}</h2>} className="wj-gap">
      <Space wrap className="wj-gap">
        <Select<number>
          aria-label={t('guides.version')}
          value={g.version}
          popupMatchSelectWidth={false}
          onChange={(v) => onVersion(v === latest ? null : v)}
          options={(
            versions.data ?? [{ version: g.version, note: g.note, createdAt: g.createdAt, createdBy: null }]
          ).map((v) => ({
            value: v.version,
            label: `${t('registry.versionN', { n: v.version })}${v.version === latest ? t('guides.current') : ''}`,
          }))}
        />
        {g.version !== latest && <Button onClick={() => onVersion(null)}>{t('guides.backToCurrent')}</Button>}
        {canEdit && (
          <Button type="primary" onClick={() => setEditing(true)}>
            {t('guides.edit')}
          </Button>
        )}
      </Space>
      <VersionLine v={g} effectiveFrom={g.effectiveFrom} />
      <GuideView content={g.content} />
    </Card>
  );
}
