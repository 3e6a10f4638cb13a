import { useT } from '../i18n';
import { Tag, text } from '../public-ui';
import type { PublicRecord } from '../publicApi';

export function CreditSection({
  credit,
  blacklist,
}: {
  credit: PublicRecord | null;
  blacklist: PublicRecord[];
}) {
  const { t } = useT();
  return (
    <dl className="wj-pub-facts">
      <dt>{t('pub.establishment.grade')}</dt>
      <dd>
        {credit?.grade ? (
          <>
            <Tag tone="blue">{text(credit.grade)}</Tag> {text(credit.gradeName)} · {text(credit.assessedOn)}
          </>
        ) : (
          t('pub.establishment.noGrade')
        )}
      </dd>
      <dt>{t('pub.establishment.demerit')}</dt>
      <dd>
        {credit?.cycleStart
          ? t('pub.establishment.demeritPoints', {
              n: credit.demeritPoints ?? 0,
              from: text(credit.cycleStart),
              to: text(credit.cycleEnd),
            })
          : t('pub.none')}
      </dd>
      <dt>{t('pub.establishment.blacklist')}</dt>
      <dd>
        {blacklist.length === 0
          ? t('pub.establishment.notBlacklisted')
          : blacklist.map((b) => (
              <div key={`${b.enteredOn}-${b.reason}`}>
                <Tag tone="red">{text(b.reason)}</Tag>
                {t('pub.establishment.listedUntil', { from: text(b.enteredOn), to: text(b.endsOn) })}
              </div>
            ))}
      </dd>
    </dl>
  );
}
