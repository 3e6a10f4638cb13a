import { useTranslation } from 'react-i18next';
import { chinaTime } from '../../api/audit';

type Names = Record<string, string>;

/**
 * Names of the registry's codes in the UI's language (kinds, statuses, flags…); a code these lists
 * do not know shows as it is. Categories, 诊疗科目 and 执业范围 are standard Chinese names and stay so.
 */
export function useRegistryLabels() {
  const { t } = useTranslation();
  const group = (names: Names) => (code: string | null | undefined) =>
    code === null || code === undefined ? '—' : (names[code] ?? code);
  const kinds = t('registry.kinds', { returnObjects: true }) as Names;
  const statuses = t('registry.statuses', { returnObjects: true }) as Names;
  const ownerships = t('registry.ownerships', { returnObjects: true }) as Names;
  const levels = t('registry.levels', { returnObjects: true }) as Names;
  const flags = t('registry.flagNames', { returnObjects: true }) as Names;
  const professions = t('registry.professions', { returnObjects: true }) as Names;
  const fields = t('registry.fields', { returnObjects: true }) as Names;
  const actions = t('registry.actions', { returnObjects: true }) as Names;
  return {
    kinds,
    statuses,
    flags,
    kind: group(kinds),
    status: group(statuses),
    ownership: group(ownerships),
    level: group(levels),
    flag: group(flags),
    profession: group(professions),
    field: group(fields),
    action: group(actions),
    forProfit: (v: boolean | null) =>
      v === null ? '—' : v ? t('registry.forProfitYes') : t('registry.forProfitNo'),
  };
}

export type RegistryLabels = ReturnType<typeof useRegistryLabels>;

/** Beijing time, to the minute. */
export const beijing = (iso: string) => chinaTime(iso).slice(0, 16);

/** Tag colours of the establishment statuses. */
export const STATUS_COLORS: Record<string, string> = {
  preparing: 'blue',
  operating: 'green',
  suspended: 'orange',
  deregistered: 'default',
};
