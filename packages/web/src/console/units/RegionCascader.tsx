import { useQueryClient } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchRegions, type Region, regionsKey } from '../../api/regions';
import { useConsoleUser } from '../consoleUser';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

const toOption = (r: Region): Option => ({ value: r.code, label: r.name, isLeaf: r.childCount === 0 });

function withChildren(options: Option[], code: string, children: Option[]): Option[] {
  return options.map((o) =>
    o.value === code
      ? { ...o, children, isLeaf: children.length === 0 }
      : o.children
        ? { ...o, children: withChildren(o.children, code, children) }
        : o,
  );
}

interface Props {
  id?: string;
  /** The chosen region's code. */
  value?: string;
  onChange?: (code: string | undefined) => void;
}

/**
 * Picks a region in the user's scope: it starts at the user's own region and loads each level as
 * it is opened; any level may be chosen (a county office, a street office…). Retired codes are left out.
 */
export function RegionCascader({ id, onChange }: Props) {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const queryClient = useQueryClient();
  const [options, setOptions] = useState<Option[]>(() =>
    user.unit ? [{ value: user.unit.regionCode, label: user.unit.regionName, isLeaf: false }] : [],
  );

  const load = (parent: string | null) =>
    queryClient
      .fetchQuery({
        queryKey: regionsKey(parent),
        queryFn: ({ signal }) => fetchRegions(parent, signal),
        staleTime: 10 * 60_000,
      })
      .then((items) => items.filter((r) => !r.retired).map(toOption));

  // A staff user always has a unit; without one, start from the provinces.
  const hasUnit = user.unit !== null;
  useEffect(() => {
    if (hasUnit) return;
    void queryClient
      .fetchQuery({ queryKey: regionsKey(null), queryFn: ({ signal }) => fetchRegions(null, signal) })
      .then((items) => setOptions(items.filter((r) => !r.retired).map(toOption)));
  }, [hasUnit, queryClient]);

  return (
    <Cascader<Option>
      id={id}
      options={options}
      changeOnSelect
      placeholder={t('units.regionPlaceholder')}
      loadData={(selected) => {
        const target = selected[selected.length - 1];
        if (!target || target.children) return;
        void load(target.value).then((children) =>
          setOptions((prev) => withChildren(prev, target.value, children)),
        );
      }}
      onChange={(path) => onChange?.(path?.[path.length - 1] as string | undefined)}
      displayRender={(labels) => labels.join(' / ')}
    />
  );
}
