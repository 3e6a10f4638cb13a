import { Descriptions, type DescriptionsProps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../../api/auth';
import { type Establishment, revealContact } from '../../../api/registry';
import { useIsPhone } from '../../../ui/useIsPhone';
import { useConsoleUser } from '../../consoleUser';
import { beijing, useRegistryLabels } from '../labels';
import { RevealButton } from '../RevealButton';
import { FlagTags } from './EstablishmentList';

/** Every field of the record; a mobile contact number masked, in full only through the audited read. */
export function EstablishmentFacts({ e }: { e: Establishment }) {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const isPhone = useIsPhone();
  const labels = useRegistryLabels();
  const canReveal = hasPermission(user, 'identity.person.read-sensitive') && e.contactPhoneKind === 'mobile';
  const items: DescriptionsProps['items'] = [
    {
      key: 'publicCode',
      label: t('registry.publicCode'),
      children: <span className="wj-mono">{e.publicCode}</span>,
    },
    {
      key: 'uscc',
      label: t('registry.uscc'),
      children: (
        <span>
          <span className="wj-mono">{e.uscc ?? t('registry.noUscc')}</span>
          {e.usccCheckFailed && (
            <Tag color="orange" className="wj-inline-tag">
              {t('registry.usccAcceptedTag')}
            </Tag>
          )}
          {e.usccAcceptance && (
            <span className="wj-muted wj-small wj-block">
              {t('registry.usccAcceptedBy', {
                by: e.usccAcceptance.acceptedBy ?? '—',
                at: beijing(e.usccAcceptance.acceptedAt),
                reason: e.usccAcceptance.reason,
              })}
            </span>
          )}
        </span>
      ),
    },
    { key: 'kind', label: t('registry.kind'), children: labels.kind(e.kind) },
    { key: 'category', label: t('registry.category'), children: `${e.categoryName}（${e.categoryCode}）` },
    {
      key: 'region',
      label: t('registry.region'),
      children: (
        <span>
          {e.regionPath.map((r) => r.name).join(' / ') || e.regionName}{' '}
          <span className="wj-code">{e.regionCode}</span>
        </span>
      ),
    },
    { key: 'address', label: t('registry.address'), children: e.address },
    { key: 'legal', label: t('registry.legalRepresentative'), children: e.legalRepresentative ?? '—' },
    {
      key: 'contact',
      label: t('registry.contactPhone'),
      children: (
        <span>
          {e.contactPhone ?? '—'}
          {canReveal && (
            <RevealButton
              what={t('registry.contactPhone')}
              whose={e.name}
              reveal={() => revealContact(e.id).then((r) => r.contactPhone)}
            />
          )}
        </span>
      ),
    },
    { key: 'ownership', label: t('registry.ownership'), children: labels.ownership(e.ownership) },
    { key: 'forProfit', label: t('registry.forProfit'), children: labels.forProfit(e.forProfit) },
    ...(e.kind === 'medical'
      ? [{ key: 'level', label: t('registry.level'), children: labels.level(e.level) }]
      : []),
    { key: 'beds', label: t('registry.beds'), children: e.beds ?? '—' },
    ...(e.kind === 'medical'
      ? [
          {
            key: 'subjects',
            label: t('registry.clinicalSubjects'),
            span: 'filled' as const,
            children: e.clinicalSubjects.length
              ? e.clinicalSubjects.map((s) => (
                  <Tag key={s.code}>
                    {s.code} {s.nameZh}
                  </Tag>
                ))
              : '—',
          },
        ]
      : []),
    {
      key: 'flags',
      label: t('registry.flags'),
      span: 'filled' as const,
      children: e.flags.length ? <FlagTags flags={e.flags} /> : '—',
    },
    { key: 'created', label: t('registry.createdAt'), children: beijing(e.createdAt) },
    {
      key: 'updated',
      label: t('registry.updatedAt'),
      children: `${beijing(e.updatedAt)}（${t('registry.versionN', { n: e.version })}）`,
    },
  ];
  return <Descriptions bordered size="small" column={isPhone ? 1 : 2} items={items} />;
}
