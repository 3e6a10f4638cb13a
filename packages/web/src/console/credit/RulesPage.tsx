import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Collapse, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../api/auth';
import { api } from '../../api/client';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import {
  CREDIT_KEY,
  creditWrites,
  type Page,
  type ProfileSummary,
  type RiskLevel,
  type RuleSet,
  useCreditMutation,
  useRuleSets,
} from './creditApi';
import { RISK_LEVELS, RiskTag, useBilingual, when } from './labels';
import '../users/lists.css';
import '../audit/audit.css';
import '../registry/registry.css';
import './credit.css';

type Cuts = { medium: number; high: number; severe: number };
/** The what-if reads at most this many of the highest scores (10 pages of 200). */
const SCORE_LIMIT = 2000;

const levelOf = (score: number, c: Cuts): RiskLevel =>
  score >= c.severe ? 'severe' : score >= c.high ? 'high' : score >= c.medium ? 'medium' : 'low';

/** 信用与风险规则: every section in force with its version and values; the cut-points with a what-if, saved as a new version. */
export default function RulesPage() {
  const { t } = useTranslation();
  const { pair } = useBilingual();
  const rules = useRuleSets();
  const risk = rules.data?.items.find((s) => s.section === 'risk');
  return (
    <div className="wj-page wj-page-wide">
      <Typography.Title level={1} className="wj-page-title">
        {t('credit.rulesTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('credit.rulesIntro')}</Typography.Paragraph>
      {rules.isError && <ProblemAlert error={rules.error} />}
      {risk && <CutPointsCard key={risk.version} risk={risk} />}
      <Card className="wj-gap">
        <Collapse
          items={(rules.data?.items ?? []).map((s) => ({
            key: s.section,
            label: (
              <span>
                {pair(s.nameZh, s.nameEn)} <Tag>{t('credit.version', { version: s.version })}</Tag>
              </span>
            ),
            children: (
              <>
                <p className="wj-muted wj-small">
                  {s.note} · {t('credit.savedBy', { by: s.createdBy ?? '—', at: when(s.createdAt) })}
                </p>
                <pre className="wj-pre">{JSON.stringify(s.values, null, 2)}</pre>
              </>
            ),
          }))}
        />
      </Card>
      <Typography.Paragraph type="secondary">{t('credit.simulatorNote')}</Typography.Paragraph>
    </div>
  );
}

function CutPointsCard({ risk }: { risk: RuleSet }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useConsoleUser();
  const values = risk.values as { cutPoints: Cuts } & Record<string, unknown>;
  const [cuts, setCuts] = useState<Cuts>(values.cutPoints);
  const [note, setNote] = useState('');
  const scores = useQuery({
    queryKey: [CREDIT_KEY, 'scores'],
    queryFn: async ({ signal }) => {
      const out: number[] = [];
      for (let page = 1; out.length < SCORE_LIMIT; page++) {
        const p = await api.get<Page<ProfileSummary>>(
          '/credit/establishments',
          { page, pageSize: 200 },
          signal,
        );
        for (const x of p.items) if (x.riskScore !== null) out.push(x.riskScore);
        if (page * 200 >= p.total) return { scores: out, capped: false };
      }
      return { scores: out, capped: true };
    },
  });
  const valid = cuts.medium > 0 && cuts.medium < cuts.high && cuts.high < cuts.severe;
  const count = (c: Cuts) => {
    const n: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0, severe: 0 };
    for (const s of scores.data?.scores ?? []) n[levelOf(s, c)]++;
    return n;
  };
  const now = count(values.cutPoints);
  const proposed = count(cuts);
  const canEdit = hasPermission(user, 'credit.rules.manage');
  const save = useCreditMutation(() =>
    creditWrites.saveRuleSet('risk', {
      values: { ...values, cutPoints: cuts },
      note,
      expectedVersion: risk.version,
    }),
  );
  const recompute = useCreditMutation(creditWrites.recompute);
  const field = (k: keyof Cuts) => (
    <div className="wj-stack" key={k}>
      <label htmlFor={`cut-${k}`}>{t(`credit.${k}`)}</label>
      <InputNumber
        id={`cut-${k}`}
        min={1}
        max={200}
        value={cuts[k]}
        onChange={(v) => setCuts({ ...cuts, [k]: Number(v) })}
      />
    </div>
  );
  return (
    <Card
      className="wj-gap"
      title={<h2 className="wj-card-title">{t('credit.cutPointsTitle')}</h2>}
      data-testid="what-if"
    >
      <Typography.Paragraph type="secondary">{t('credit.cutPointsIntro')}</Typography.Paragraph>
      <Space wrap align="end">
        {(['medium', 'high', 'severe'] as const).map(field)}
      </Space>
      {!valid && <p role="alert">{t('credit.cutOrder')}</p>}
      <table className="wj-whatif wj-top-gap">
        <thead>
          <tr>
            <th>{t('credit.riskLevel')}</th>
            <th>{t('credit.current')}</th>
            <th>{t('credit.proposed')}</th>
          </tr>
        </thead>
        <tbody>
          {RISK_LEVELS.map((l) => (
            <tr key={l}>
              <td>
                <RiskTag level={l} />
              </td>
              <td>{now[l]}</td>
              <td>{valid ? proposed[l] : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {scores.data && (
        <p className="wj-muted wj-small">
          {t('credit.scoresSampled', { count: scores.data.scores.length })}
          {scores.data.capped && t('credit.scoresCapped', { count: SCORE_LIMIT })}
        </p>
      )}
      {canEdit && (
        <div className="wj-top-gap">
          <Input.TextArea
            rows={2}
            aria-label={t('credit.note')}
            placeholder={t('credit.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <ProblemAlert error={save.error ?? recompute.error} />
          <Space wrap className="wj-top-gap">
            <Button
              type="primary"
              disabled={!valid || note.trim().length < 2}
              loading={save.isPending}
              onClick={() =>
                save.mutate(undefined, {
                  onSuccess: (r) => message.success(t('credit.saved', { version: r.version })),
                })
              }
            >
              {t('credit.save')}
            </Button>
            <Button
              loading={recompute.isPending}
              onClick={() =>
                recompute.mutate(undefined, {
                  onSuccess: (r) =>
                    message.success(
                      t('credit.recomputed', { computed: r.computed ?? 0, changes: r.riskChanges ?? 0 }),
                    ),
                })
              }
            >
              {t('credit.recompute')}
            </Button>
          </Space>
        </div>
      )}
    </Card>
  );
}
