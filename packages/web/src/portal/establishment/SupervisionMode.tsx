import { useT } from '../i18n';
import { PubSection } from '../public-ui';
import type { EstablishmentPageData } from '../publicApi';

type Mode = NonNullable<EstablishmentPageData['supervisionMode']>;

/** How the establishment is supervised, with the basis for publishing it (when policy makes it public). */
export function SupervisionMode({ mode }: { mode: Mode }) {
  const { t, en } = useT();
  return (
    <PubSection id="supervision-mode" title={t('pub.establishment.supervisionMode')}>
      <p>
        <strong>{en ? mode.labelEn || mode.label : mode.label}</strong>
      </p>
      <p className="wj-pub-muted">{en ? mode.citation.en : mode.citation.zh}</p>
    </PubSection>
  );
}
