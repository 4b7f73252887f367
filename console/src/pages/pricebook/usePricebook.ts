import { useMemo } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { useAuth } from '../../auth/AuthProvider';
import { keys, pricebook } from '../../api/pricebook';
import type { CategoryTreeView } from '../../api/types';
import { limiter } from '../../components/limit';
import { indexTrees, type FlatNode } from './tree';

// At most 4 at once and 20 a second: the page's other calls and other tabs share the tenant's budget.
const treeRequests = limiter(4, 50);

export interface PricebookData {
  roots: number[];
  nodes: Map<number, FlatNode>;
  loading: boolean;
  error: unknown;
  /** How many root trees have arrived. */
  loaded: number;
}

/** The roots and every root's subtree (paced, see `treeRequests`), indexed for the tree view. */
export function usePricebook(): PricebookData {
  const api = useApi();
  const { tenant } = useAuth();
  const roots = useQuery({ queryKey: keys.roots(tenant), queryFn: ({ signal }) => pricebook.roots(api, signal) });
  const trees = useQueries({
    queries: (roots.data ?? []).map((root) => ({
      queryKey: keys.tree(tenant, root.stId),
      queryFn: ({ signal }: { signal: AbortSignal }) => treeRequests(() => pricebook.tree(api, root.stId, signal)),
    })),
  });
  const treeData = trees.map((tree) => tree.data);
  const treeError = trees.find((tree) => tree.error)?.error;
  const stamp = trees.map((tree) => tree.dataUpdatedAt).join(',');
  return useMemo(() => {
    const loadedTrees = treeData.filter((tree): tree is CategoryTreeView => tree !== undefined);
    const nodes = indexTrees(loadedTrees);
    // Roots in the roots listing's order; one whose tree has not arrived yet shows without children.
    for (const root of roots.data ?? []) {
      if (!nodes.has(root.stId)) {
        nodes.set(root.stId, { id: root.stId, parentId: null, depth: 0, index: root.position, height: 0, item: root, childIds: [] });
      }
    }
    return {
      roots: (roots.data ?? []).map((root) => root.stId),
      nodes,
      loading: roots.isPending || loadedTrees.length < (roots.data?.length ?? 0),
      error: roots.error ?? treeError,
      loaded: loadedTrees.length,
    };
    // treeData changes identity each render; the stamp says when any tree changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roots.data, roots.isPending, roots.error, treeError, stamp]);
}
