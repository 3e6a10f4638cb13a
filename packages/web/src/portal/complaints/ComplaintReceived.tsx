import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ComplaintReceipt } from '../../api/enforcement';
import { useT } from '../i18n';
import { Notice } from '../public-ui';

/** The answer to a submitted complaint: its number and the query code, shown this once. */
export function ComplaintReceived({
  receipt,
  onAnother,
}: {
  receipt: ComplaintReceipt;
  onAnother: () => void;
}) {
  const { t } = useT();
  const navigate = useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  const copy = () =>
    void navigator.clipboard?.writeText(receipt.queryCode).then(
      () => setCopied(true),
      () => undefined,
    );
  return (
    <div className="wj-pub-narrow">
      <div className="wj-pub-success">
        <h1 className="wj-pub-title" tabIndex={-1} ref={heading}>
          <span aria-hidden="true">✓ </span>
          {t('complaintPortal.receivedTitle')}
        </h1>
        <p>{t('complaintPortal.receivedBody', { unit: receipt.handlingUnit, due: receipt.acceptDue })}</p>
      </div>
      <dl className="wj-pub-facts wj-pub-facts-boxed">
        <dt>{t('complaintPortal.number')}</dt>
        <dd className="wj-pub-code">{receipt.number}</dd>
        <dt>{t('complaintPortal.queryCode')}</dt>
        <dd>
          <strong className="wj-pub-query-code" data-testid="query-code">
            {receipt.queryCode}
          </strong>{' '}
          <button type="button" className="wj-pub-button wj-pub-button-small" onClick={copy}>
            {copied ? t('complaintPortal.copied') : t('complaintPortal.copy')}
          </button>
        </dd>
      </dl>
      <Notice tone="warning" title={t('complaintPortal.queryCodeWarning')} />
      <div className="wj-pub-actions">
        {/* The code travels in the router's state, not the address: it stays out of history and logs. */}
        <button
          type="button"
          className="wj-pub-button wj-pub-button-primary"
          onClick={() => navigate('/complaints/track', { state: { code: receipt.queryCode } })}
        >
          {t('complaintPortal.goTrack')}
        </button>
        <button type="button" className="wj-pub-button" onClick={onAnother}>
          {t('complaintPortal.another')}
        </button>
      </div>
    </div>
  );
}
