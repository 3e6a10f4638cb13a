import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/enforcement';
import { useEnforcementLabels, yuan } from './labels';

/**
 * The discretion benchmark (行政裁量权基准) of the recorded violation and circumstances, shown on
 * every form that sets a penalty: outside this range the server asks for a reason.
 */
export function BenchmarkHint({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const labels = useEnforcementLabels();
  const v = c.violation;
  if (!v) return null;
  const range = (r: { min: number; max: number } | null) =>
    r ? t('enforcement.fineRange', { min: yuan(r.min), max: yuan(r.max) }) : t('enforcement.noFine');
  return (
    <Alert
      type="info"
      className="wj-benchmark"
      data-testid="benchmark"
      title={`${v.violationName} · ${t('enforcement.circumstance')}：${v.circumstanceName}`}
      description={
        <>
          <div>
            {t('enforcement.suggested')}：{v.suggestedKinds.map(labels.penaltyKind).join('、')}；
            {range(v.suggestedFine)}
          </div>
          <div className="wj-muted">{v.tierDescription}</div>
          <div>
            {t('enforcement.statutory')}：{v.statutoryKinds.map(labels.penaltyKind).join('、')}；
            {range(v.statutoryFine)}
          </div>
          <div className="wj-muted wj-small">{v.basis.zh}</div>
        </>
      }
    />
  );
}
