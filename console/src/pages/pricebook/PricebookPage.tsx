import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '../../api/ApiProvider';
import { useAuth } from '../../auth/AuthProvider';
import { keys, pricebook } from '../../api/pricebook';
import { errorMessage } from '../../api/problem';
import type { CategoryView } from '../../api/types';
import { Thumb } from '../../components/Thumb';
import { CategoryTree } from './CategoryTree';
import { ConflictsPanel } from './ConflictsPanel';
import { CreateDialog } from './CreateDialog';
import { EditDialog } from './EditDialog';
import { PullControl, PushControl } from './SyncControls';
import { countByDepth, expandable, type FlatNode, type Projection } from './tree';
import { usePricebook } from './usePricebook';

function StatsBar() {
  const api = useApi();
  const { tenant } = useAuth();
  const stats = useQuery({ queryKey: keys.stats(tenant), queryFn: ({ signal }) => pricebook.stats(api, signal) });
  if (!stats.data) {
    return <p className="muted">{stats.error ? errorMessage(stats.error) : 'Loading counts…'}</p>;
  }
  const byDepth = Object.entries(stats.data.subcategoriesByDepth).sort(([a], [b]) => Number(a) - Number(b));
  return (
    <dl className="stats" data-testid="stats">
      <div><dt>Roots</dt><dd data-testid="stat-roots">{stats.data.roots}</dd></div>
      <div><dt>Subcategories</dt><dd data-testid="stat-subcategories">{stats.data.subcategories}</dd></div>
      {byDepth.map(([depth, count]) => (
        <div key={depth}><dt>Depth {depth}</dt><dd data-testid={`stat-depth-${depth}`}>{count}</dd></div>
      ))}
      <div><dt>With image</dt><dd>{stats.data.withImage}</dd></div>
    </dl>
  );
}


/**
 * The pricebook: counts, Pull and Push, the roots with their images, the whole tree (virtualised,
 * drag and drop), the edit and create dialogs and the conflicts panel.
 */
export function PricebookPage() {
  const api = useApi();
  const auth = useAuth();
  const queries = useQueryClient();
  const data = usePricebook();
  const [expanded, setExpanded] = useState<Set<number>>(() => new Set());
  const [focusId, setFocusId] = useState<number | null>(null);
  // The open dialog is part of the route (?edit=ID, ?create=PARENT_ID): a sign-in round trip comes back to it.
  const [params, setParams] = useSearchParams();
  const editing = data.nodes.get(Number(params.get('edit')))?.item ?? null;
  const creatingUnder = data.nodes.get(Number(params.get('create')))?.item ?? null;
  const openDialog = (kind: 'edit' | 'create', item: CategoryView) => setParams({ [kind]: String(item.stId) });
  const closeDialog = () => setParams({});
  const renderStart = useRef<number | null>(null);
  const [renderMs, setRenderMs] = useState<number | null>(null);

  const refresh = useCallback(() => queries.invalidateQueries({ queryKey: [auth.tenant, 'pricebook'] }), [queries, auth.tenant]);
  const toggle = useCallback((id: number) => setExpanded((current) => {
    const next = new Set(current);
    if (!next.delete(id)) next.add(id);
    return next;
  }), []);
  const expandAll = () => {
    renderStart.current = performance.now();
    setExpanded(expandable(data.nodes));
  };
  useEffect(() => {
    if (renderStart.current === null) return;
    // After React committed the expanded tree, the next frame is when it is painted.
    const started = renderStart.current;
    renderStart.current = null;
    requestAnimationFrame(() => setRenderMs(performance.now() - started));
  }, [expanded]);

  const move = useMutation({
    mutationFn: ({ node, projection }: { node: FlatNode; projection: Projection }) => pricebook.reorder(api, node.item, {
      position: projection.position,
      ...(projection.parentId !== node.parentId && projection.parentId !== null ? { parentStId: projection.parentId } : {}),
    }),
    onSuccess: (moved, { node, projection }) => {
      toast.success(projection.parentId !== node.parentId
        ? `Moved “${moved.name}” to depth ${moved.depth}`
        : `Moved “${moved.name}” to position ${moved.position + 1}`);
      if (projection.parentId !== null) {
        setExpanded((current) => new Set(current).add(projection.parentId!));
      }
    },
    onError: (failure) => toast.error(`Not moved: ${errorMessage(failure)}`),
    onSettled: () => refresh(),
  });
  const remove = useMutation({
    mutationFn: (item: CategoryView) => pricebook.remove(api, item.stId),
    onSuccess: (deletion, item) => toast.success(deletion.removed ? `Removed “${item.name}”` : `“${item.name}” will be deleted in ServiceTitan on the next push`),
    onError: (failure) => toast.error(`Not deleted: ${errorMessage(failure)}`),
    onSettled: () => refresh(),
  });

  const loadedCounts = useMemo(() => countByDepth(data.nodes.values()), [data.nodes]);
  const rootItems = data.roots.map((id) => data.nodes.get(id)!.item);

  return (
    <section className="page pricebook">
      <div className="page-head">
        <h1>Pricebook</h1>
        {auth.canWrite && <div className="controls"><PullControl /><PushControl /></div>}
      </div>
      <StatsBar />
      {data.error ? <p className="problem" role="alert">{errorMessage(data.error)}</p> : null}
      <h2 className="visually-hidden">Root categories</h2>
      <ul className="roots" data-testid="roots">
        {rootItems.map((root) => (
          <li key={root.stId}>
            <button type="button" className="root-card" onClick={() => { setExpanded((c) => new Set(c).add(root.stId)); setFocusId(root.stId); }} data-testid="root">
              <Thumb url={root.imageUrl} alt={`Image of ${root.name}`} size={48} />
              <span className="root-name">{root.name}</span>
              {root.pending && <span className="badge badge-pending">pending</span>}
            </button>
          </li>
        ))}
      </ul>
      <div className="tree-head">
        <h2>Categories</h2>
        <span className="muted" data-testid="tree-status">
          {data.loading ? `Loading ${data.loaded} of ${data.roots.length} roots…` : `${data.nodes.size - data.roots.length} subcategories loaded (${loadedCounts.join('/')})`}
        </span>
        <button type="button" onClick={expandAll} disabled={data.loading}>Expand all</button>
        <button type="button" onClick={() => setExpanded(new Set())}>Collapse all</button>
        {renderMs !== null && <span className="muted" data-testid="render-ms">rendered in {Math.round(renderMs)} ms</span>}
      </div>
      <div className="pricebook-body">
        <CategoryTree
          roots={data.roots}
          nodes={data.nodes}
          expanded={expanded}
          onToggle={toggle}
          focusId={focusId}
          canWrite={auth.canWrite}
          onEdit={(item) => openDialog('edit', item)}
          onCreate={(parent) => openDialog('create', parent)}
          onDelete={(item) => {
            if (window.confirm(`Delete “${item.name}”?`)) remove.mutate(item);
          }}
          onMove={(node, projection) => move.mutate({ node, projection })}
          onRefused={(message) => toast.error(`Not moved: ${message}`)}
        />
        <ConflictsPanel />
      </div>
      {editing && <EditDialog key={editing.stId} item={editing} onClose={closeDialog} onSaved={() => void refresh()} />}
      {creatingUnder && <CreateDialog key={creatingUnder.stId} parent={creatingUnder} onClose={closeDialog} onSaved={() => { setExpanded((c) => new Set(c).add(creatingUnder.stId)); void refresh(); }} />}
    </section>
  );
}
