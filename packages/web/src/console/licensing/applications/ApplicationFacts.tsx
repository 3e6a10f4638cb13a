import { Alert, Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationDetail } from '../../../api/licensing';
import { type LicensingPaths, MODE_COLORS, STATE_COLORS, useLicensingLabels } from '../labels';

export function StateTag({ state, label }: { state: string; label: string }) {
  return <Tag color={STATE_COLORS[state] ?? 'default'}>{label}</Tag>;
}

/** Who applies for what, where it stands, and the decision once there is one. */
export function ApplicationFacts({
  application: a,
  paths,
}: {
  application: ApplicationDetail;
  paths: LicensingPaths;
}) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const d = (v: string | null) => v ?? '—';
  return (
    <Card size="small" className="wj-gap">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          {
            key: 'state',
            label: t('licensing.state'),
            children: <StateTag state={a.state} label={labels.state(a)} />,
          },
          {
            key: 'number',
            label: t('licensing.number'),
            children: <span className="wj-mono">{d(a.number)}</span>,
          },
          { key: 'permit', label: t('licensing.permit'), children: labels.name(a.permit) },
          {
            key: 'mode',
            label: t('licensing.mode'),
            children: <Tag color={MODE_COLORS[a.permit.mode]}>{labels.mode(a.permit.mode)}</Tag>,
          },
          { key: 'establishment', label: t('licensing.establishment'), children: a.establishment.name },
          { key: 'purpose', label: t('licensing.purpose'), children: labels.purpose(a.purpose) },
          { key: 'unit', label: t('licensing.unit'), children: a.unit.name },
          { key: 'received', label: t('licensing.receivedOn'), children: d(a.receivedOn) },
          ...(a.acceptedOn
            ? [{ key: 'accepted', label: t('licensing.acceptedOn'), children: a.acceptedOn }]
            : []),
          ...(a.decidedOn
            ? [{ key: 'decided', label: t('licensing.decidedOn'), children: a.decidedOn }]
            : []),
          ...(a.decision.decisionNo
            ? [{ key: 'decisionNo', label: t('licensing.decisionNo'), children: a.decision.decisionNo }]
            : []),
          ...(a.decision.reasons
            ? [{ key: 'reasons', label: t('licensing.reasons'), children: a.decision.reasons }]
            : []),
          ...(a.decision.delayReason
            ? [{ key: 'delay', label: t('licensing.delayReason'), children: a.decision.delayReason }]
            : []),
          ...(a.publishBy
            ? [{ key: 'publish', label: t('licensing.publishBy'), children: a.publishBy }]
            : []),
          ...(a.commitment
            ? [
                {
                  key: 'commitment',
                  label: t('licensing.commitment'),
                  children: t('licensing.signed', {
                    name: a.commitment.signerName,
                    date: a.commitment.signedOn,
                  }),
                },
              ]
            : []),
          ...(a.licenseId
            ? [
                {
                  key: 'license',
                  label: t('licensing.licenses'),
                  children: <Link to={paths.license(a.licenseId)}>{t('licensing.goLicense')}</Link>,
                },
              ]
            : []),
          ...(a.note ? [{ key: 'note', label: t('licensing.note'), children: a.note }] : []),
        ]}
      />
      <p className="wj-muted wj-small">{labels.citation(a.citation)}</p>
      {a.state === 'correction_requested' && a.correction.items && (
        <Alert
          type="warning"
          showIcon
          message={t('licensing.correctionItems')}
          description={
            <ul className="wj-plain-list">
              {a.correction.items.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}
