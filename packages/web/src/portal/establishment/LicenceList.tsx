import { type MessageKey, useT } from '../i18n';
import { Tag, text } from '../public-ui';
import type { PublicRecord } from '../publicApi';

export function LicenceList({ licences, asOf }: { licences: PublicRecord[]; asOf: string }) {
  const { t } = useT();
  if (licences.length === 0) return <p>{t('pub.establishment.noLicences')}</p>;
  return (
    <ul className="wj-pub-cards">
      {licences.map((l) => {
        const expired = typeof l.validTo === 'string' && l.validTo < asOf;
        return (
          <li key={String(l.number)}>
            <strong>{text(l.licenceName)}</strong>{' '}
            <Tag tone={expired ? 'red' : 'green'}>
              {expired ? t('pub.establishment.licenceExpired') : t('pub.establishment.licenceValid')}
            </Tag>
            <div className="wj-pub-code">{text(l.number)}</div>
            <div>
              {t('pub.establishment.validity', {
                from: text(l.validFrom),
                to: l.validTo ? String(l.validTo) : t('pub.establishment.noEnd'),
              })}
              {' · '}
              {text(l.issuingUnit)}
            </div>
            {l.scope && <div>{text(l.scope)}</div>}
            {l.revalidationState && (
              <div>
                {t('pub.establishment.revalidation', {
                  state: t(
                    `pub.establishment.revalidationStates.${String(l.revalidationState)}` as MessageKey,
                  ),
                  due: text(l.revalidationDueOn),
                })}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
