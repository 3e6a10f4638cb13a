import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEstablishments } from '../../api/registry';

interface Props {
  id?: string;
  value?: number;
  onChange?: (id: number | undefined) => void;
  /** Only establishments of this kind (multi-site filings: medical institutions). */
  kind?: string;
  /** Left out of the choices (a practitioner's primary institution). */
  exclude?: number;
}

/** Picks an establishment in the user's area by typing part of its name (searched on the server). */
export function EstablishmentSelect({ id, value, onChange, kind, exclude }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useDeferredValue(typed.trim());
  const found = useEstablishments({ q: q || undefined, kind, page: 1, pageSize: 20, status: 'operating' });
  // The chosen one stays among the options (and keeps its name) whatever is typed next.
  const [chosen, setChosen] = useState<{ value: number; label: string } | null>(null);
  const matches = (found.data?.items ?? [])
    .filter((e) => e.id !== exclude)
    .map((e) => ({ value: e.id, label: `${e.name}（${e.regionName}）` }));
  const options =
    chosen && chosen.value === value && !matches.some((o) => o.value === value)
      ? [chosen, ...matches]
      : matches;
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(v) => {
        setChosen(options.find((o) => o.value === v) ?? null);
        onChange?.(v);
      }}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      placeholder={t('registry.establishmentSearchPlaceholder')}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? t('app.loading') : t('registry.empty')}
      options={options}
    />
  );
}
