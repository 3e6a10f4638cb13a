import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { chinaTime } from '../../api/audit';
import type { Citation, CreditLevel, RiskLevel, SupervisionMode } from './creditApi';

export const RISK_LEVELS: RiskLevel[] = ['low', 'medium', 'high', 'severe'];
export const CREDIT_LEVELS: CreditLevel[] = ['A', 'B', 'C', 'D'];
export const MODES: SupervisionMode[] = ['stationed', 'code', 'demerit', 'remote', 'commitment', 'graded'];

export const RISK_COLORS: Record<RiskLevel, string> = {
  low: 'green',
  medium: 'gold',
  high: 'orange',
  severe: 'red',
};
const CREDIT_COLORS: Record<CreditLevel, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

/** Picks the UI language's side of a {zh, en} pair (citations, server-made wording). */
export function useBilingual() {
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  return {
    en,
    pick: (c: Citation | null | undefined) => (c ? (en ? c.en : c.zh) : '—'),
    pair: (zh: string, enText: string) => (en ? enText : zh),
  };
}

export const when = (iso: string | null | undefined) => (iso ? chinaTime(iso).slice(0, 16) : '—');

export function RiskTag({ level }: { level: RiskLevel | null }) {
  const { t } = useTranslation();
  if (!level) return <span className="wj-muted">—</span>;
  return <Tag color={RISK_COLORS[level]}>{t(`credit.levelNames.${level}`)}</Tag>;
}

export function CreditTag({ level }: { level: CreditLevel }) {
  return <Tag color={CREDIT_COLORS[level]}>{level}</Tag>;
}

export function ModeText({ mode }: { mode: SupervisionMode | null }) {
  const { t } = useTranslation();
  return <>{mode ? t(`credit.modes.${mode}`) : '—'}</>;
}

/** A citation, small and grey, under what it backs. */
export function Basis({ c }: { c: Citation | null | undefined }) {
  const { pick } = useBilingual();
  if (!c) return null;
  return <span className="wj-citation">{pick(c)}</span>;
}
