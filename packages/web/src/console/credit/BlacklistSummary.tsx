import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type BlacklistEntry, useRuleSets } from './creditApi';
import { useBilingual } from './labels';

export function ListingStatus({ e }: { e: BlacklistEntry }) {
  const { t } = useTranslation();
  return e.status === 'listed' ? (
    <Tag color="black">{t('credit.statusListed')}</Tag>
  ) : (
    <Tag>
      {t('credit.exited', { on: e.exitedOn, kind: e.exitKind ? t(`credit.exitKinds.${e.exitKind}`) : '' })}
    </Tag>
  );
}

/** One listing's facts: grounds, legal basis, joint punishments and periods. */
export function ListingFacts({ e }: { e: BlacklistEntry }) {
  const { t } = useTranslation();
  const { pick, pair } = useBilingual();
  const rules = useRuleSets();
  const section = rules.data?.items.find((x) => x.section === 'blacklist');
  const ruleName = (code: string) => {
    const r = (
      section?.values as { rules?: { code: string; nameZh: string; nameEn: string }[] } | undefined
    )?.rules?.find((x) => x.code === code);
    return r ? `${pair(r.nameZh, r.nameEn)} (${code})` : code;
  };
  return (
    <Descriptions
      size="small"
      column={1}
      className="wj-facts"
      items={[
        { key: 'rule', label: t('credit.rule'), children: ruleName(e.ruleCode) },
        { key: 'reason', label: t('credit.reason'), children: e.reason },
        { key: 'basis', label: t('credit.basis'), children: pick(e.basis) },
        {
          key: 'flags',
          label: t('credit.flags'),
          children: (
            <div className="wj-tag-wrap">
              {e.flags.map((f) => (
                <Tag key={f.code}>{pick(f)}</Tag>
              ))}
            </div>
          ),
        },
        { key: 'entered', label: t('credit.enteredOn'), children: e.enteredOn },
        { key: 'repair', label: t('credit.repairFrom'), children: e.repairFrom },
        { key: 'ends', label: t('credit.endsOn'), children: e.endsOn },
        {
          key: 'source',
          label: t('credit.source'),
          children: `${e.source.module}/${e.source.type}/${e.source.id}`,
        },
      ]}
    />
  );
}

/** The listings on an establishment's credit file page. */
export function BlacklistSummary({ entries }: { entries: BlacklistEntry[] }) {
  const { t } = useTranslation();
  return (
    <Card className="wj-gap" title={<h2 className="wj-card-title">{t('credit.blacklistTitle')}</h2>}>
      {entries.map((e) => (
        <div key={e.id} className="wj-gap">
          <ListingStatus e={e} />
          <ListingFacts e={e} />
        </div>
      ))}
    </Card>
  );
}
