import { Button, Card, Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CaseDetail, documentHref, evidenceUrl } from '../../api/enforcement';
import { EvidenceUpload } from './EvidenceUpload';
import './enforcement.css';

/**
 * The case's documents (立案审批表, 事先告知书, 决定书, 送达回证 …) as PDF and Word, rendered by the
 * server from the record on request; and the evidence files with their hashes.
 */
export function CaseDocuments({ c, canAddEvidence }: { c: CaseDetail; canAddEvidence: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      title={<h2 className="wj-card-title">{t('enforcement.documents')}</h2>}
      extra={canAddEvidence ? <EvidenceUpload caseId={c.id} /> : null}
      className="wj-gap"
    >
      {c.documents.length === 0 && <Empty description={t('enforcement.none')} />}
      <ul className="wj-plain-list" data-testid="documents">
        {c.documents.map((d) => (
          <li key={d.kind} className="wj-gap">
            <div>
              <strong>{d.title}</strong>
              {d.number && <span className="wj-muted wj-small"> {d.number}</span>}
            </div>
            <Space>
              <Button size="small" href={documentHref(c.id, d.kind, 'pdf')} target="_blank" rel="noopener">
                {t('enforcement.pdf')}
              </Button>
              <Button size="small" href={documentHref(c.id, d.kind, 'docx')} download>
                {t('enforcement.docx')}
              </Button>
            </Space>
          </li>
        ))}
      </ul>
      {c.evidence.length > 0 && (
        <>
          <h3 className="wj-subtitle">{t('enforcement.evidence')}</h3>
          <ul className="wj-plain-list" data-testid="evidence">
            {c.evidence.map((e) => (
              <li key={e.id} className="wj-gap">
                {e.contentType !== 'application/pdf' && (
                  <a href={evidenceUrl(c.id, e.id)}>
                    <img
                      className="wj-evidence-thumb"
                      src={evidenceUrl(c.id, e.id, 'thumb')}
                      loading="lazy"
                      alt={e.description || e.fileName}
                    />
                  </a>
                )}
                <a href={evidenceUrl(c.id, e.id)}>{e.fileName}</a>
                <div className="wj-muted wj-small">
                  {e.collectedOn} · {e.description}
                </div>
                <div className="wj-hash wj-muted">
                  {t('enforcement.evidenceHash')} {e.sha256}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
