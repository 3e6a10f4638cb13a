import { useT } from './i18n';
import { PubNotFound } from './public-ui';
import { PublicLayout } from './shell/PublicLayout';

export default function NotFoundPage() {
  const { t } = useT();
  return (
    <PublicLayout>
      <PubNotFound
        title={t('pub.shell.notFoundTitle')}
        body={t('pub.shell.notFoundBody')}
        to="/"
        action={t('pub.shell.backHome')}
      />
    </PublicLayout>
  );
}
