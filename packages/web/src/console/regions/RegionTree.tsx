import { useQueryClient } from '@tanstack/react-query';
import { Empty, Spin, Tag, Tree, type TreeDataNode } from 'antd';
import { type Key, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchRegions, type Region, regionsKey } from '../../api/regions';
import { ProblemAlert } from '../../ui/ProblemAlert';

interface Props {
  /** The region to start from; null starts from the top level (provinces). */
  start: { code: string; name: string } | null;
}

function withChildren(nodes: TreeDataNode[], key: Key, children: TreeDataNode[]): TreeDataNode[] {
  return nodes.map((node) => {
    if (node.key === key) return { ...node, children };
    return node.children ? { ...node, children: withChildren(node.children, key, children) } : node;
  });
}

/** Loads each level when it is opened; retired codes are greyed and tagged 已撤销. */
export function RegionTree({ start }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [regions] = useState(() => new Map<string, Region>());
  const [tree, setTree] = useState<TreeDataNode[] | null>(() =>
    start ? [{ key: start.code, title: start.name, isLeaf: false }] : null,
  );
  const [error, setError] = useState<unknown>(null);

  const loadLevel = useCallback(
    async (parent: string | null): Promise<TreeDataNode[]> => {
      const items = await queryClient.fetchQuery({
        queryKey: regionsKey(parent),
        queryFn: ({ signal }) => fetchRegions(parent, signal),
        staleTime: 10 * 60_000,
      });
      return items.map((region) => {
        regions.set(region.code, region);
        return { key: region.code, title: region.name, isLeaf: region.childCount === 0 };
      });
    },
    [queryClient, regions],
  );

  useEffect(() => {
    if (start) return;
    loadLevel(null).then(setTree, setError);
  }, [start, loadLevel]);

  const loadData = async (node: { key: Key; children?: TreeDataNode[] }) => {
    if (node.children) return;
    try {
      const children = await loadLevel(String(node.key));
      setTree((prev) => (prev ? withChildren(prev, node.key, children) : prev));
    } catch (e) {
      // Not rethrown: the tree would retry on its own. The banner says what went wrong.
      setError(e);
    }
  };

  const renderTitle = (node: TreeDataNode) => {
    const region = regions.get(String(node.key));
    const name = region?.name ?? String(node.title);
    return (
      <span className={region?.retired ? 'wj-region wj-retired' : 'wj-region'}>
        <span>{name}</span>
        <code className="wj-code">{String(node.key)}</code>
        {region && <Tag variant="outlined">{t(`regions.level.${region.level}`)}</Tag>}
        {region?.retired && <Tag>{t('regions.retired')}</Tag>}
      </span>
    );
  };

  return (
    <>
      {error ? <ProblemAlert error={error} /> : null}
      {tree === null && !error && <Spin />}
      {tree?.length === 0 && <Empty description={t('regions.empty')} />}
      {tree && tree.length > 0 && (
        <div className="wj-scroll-x">
          <Tree
            treeData={tree}
            loadData={loadData}
            defaultExpandedKeys={start ? [start.code] : []}
            titleRender={renderTitle}
            selectable={false}
            showLine
            className="wj-region-tree"
          />
        </div>
      )}
    </>
  );
}
