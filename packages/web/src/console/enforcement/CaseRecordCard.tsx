import { Alert, Card, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CaseDetail, useCaseRecord, useRecordVerdict } from '../../api/enforcement';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { beijing } from '../registry/labels';
import { useEnforcementLabels } from './labels';

/**
 * 执法全过程记录: every step of the case with its actor, time and evidence hashes, as one timeline,
 * and the verdict of recomputing its hash chain (the same check as `weijian case verify`).
 */
export function CaseRecordCard({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const labels = useEnforcementLabels();
  const record = useCaseRecord(c.id, c.version);
  const verdict = useRecordVerdict(c.id, c.version);
  const v = verdict.data;
  return (
    <Card title={<h2 className="wj-card-title">{t('enforcement.timeline')}</h2>} className="wj-gap">
      {v && (
        <Alert
          className="wj-gap"
          data-testid="record-status"
          type={v.ok ? 'success' : 'error'}
          showIcon
          title={
            v.ok
              ? t('enforcement.recordOk', { count: v.entries })
              : t('enforcement.recordBroken', { seq: v.broken?.seq ?? '?', reason: v.broken?.reason ?? '' })
          }
          description={
            <span className="wj-hash">
              {t('enforcement.recordHead')}：{v.headHash}
            </span>
          }
        />
      )}
      <ProblemAlert error={verdict.error ?? record.error} />
      <Timeline
        items={(record.data?.entries ?? []).map((e) => ({
          key: e.seq,
          color: e.fileHashes.length ? 'blue' : 'green',
          content: (
            <div className="wj-timeline-entry">
              <div>
                <strong>{labels.caseStep(e.action)}</strong> <Tag>{labels.caseState(e.toState)}</Tag>
              </div>
              <div className="wj-muted">
                #{e.seq} · {beijing(e.at)} · {e.actorName ?? '—'}
              </div>
              {e.fileHashes.map((h) => (
                <div key={h} className="wj-hash">
                  {t('enforcement.evidenceHash')} {h}
                </div>
              ))}
              <div className="wj-hash wj-muted">{e.hash.slice(0, 16)}…</div>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
