import { useQueryClient } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
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
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  /** Leave out village-level regions (establishments sit in a county or a town). */
  maxLevel?: 'town';
  'aria-label'?: string;
}

/**
 * A region in the user's area, from the user's own region down, loading each level as it opens.
 * A value set from outside (the address, a saved record) is shown with its whole path.
 */
export function RegionPicker({ id, value, onChange, placeholder, maxLevel, ...rest }: Props) {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const queryClient = useQueryClient();
  const rootCode = user.unit?.regionCode ?? null;
  const [options, setOptions] = useState<Option[]>(() =>
    user.unit ? [{ value: user.unit.regionCode, label: user.unit.regionName, isLeaf: false }] : [],
  );
  const [path, setPath] = useState<string[]>([]);
  const shown = useRef<string | undefined>(undefined);
  shown.current = path[path.length - 1];

  const load = useCallback(
    (parent: string | null) =>
      queryClient
        .fetchQuery({
          queryKey: regionsKey(parent),
          queryFn: ({ signal }) => fetchRegions(parent, signal),
          staleTime: 10 * 60_000,
        })
        .then((items) =>
          items
            .filter((r) => !r.retired)
            .map((r) => ({
              ...toOption(r),
              isLeaf: r.childCount === 0 || (!!maxLevel && r.level === 'town'),
            })),
        ),
    [queryClient, maxLevel],
  );

  // Without a unit (never for staff), start from the provinces.
  useEffect(() => {
    if (rootCode === null) void load(null).then(setOptions);
  }, [rootCode, load]);

  // A value from outside: fetch its path, then the children of each level down to it.
  useEffect(() => {
    if (!value) {
      setPath([]);
      return;
    }
    if (shown.current === value) return;
    let live = true;
    void (async () => {
      const region = await queryClient.fetchQuery({
        queryKey: ['region', value],
        queryFn: ({ signal }) =>
          api.get<{ path: { code: string }[] }>(`/regions/${value}`, undefined, signal),
        staleTime: 10 * 60_000,
      });
      const codes = region.path.map((p) => p.code);
      const start = rootCode ? codes.indexOf(rootCode) : 0;
      if (start < 0) return;
      const chain = codes.slice(start);
      for (const parent of chain.slice(0, -1)) {
        const children = await load(parent);
        if (!live) return;
        setOptions((prev) => withChildren(prev, parent, children));
      }
      if (live) setPath(chain);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [value, rootCode, load, queryClient]);

  return (
    <Cascader<Option>
      id={id}
      aria-label={rest['aria-label']}
      options={options}
      value={value ? path : []}
      changeOnSelect
      allowClear
      placeholder={placeholder ?? t('registry.regionPlaceholder')}
      loadData={(selected) => {
        const target = selected[selected.length - 1];
        if (!target || target.children) return;
        void load(target.value).then((children) =>
          setOptions((prev) => withChildren(prev, target.value, children)),
        );
      }}
      onChange={(next) => {
        const codes = (next ?? []) as string[];
        setPath(codes);
        onChange?.(codes[codes.length - 1]);
      }}
      displayRender={(labels) => labels.join(' / ')}
    />
  );
}
