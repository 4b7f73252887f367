import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import {
  DndContext, DragOverlay, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors,
  type Announcements, type DragEndEvent, type DragMoveEvent, type DragOverEvent, type DragStartEvent,
  type KeyboardCoordinateGetter, type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { CategoryView } from '../../api/types';
import { Thumb } from '../../components/Thumb';
import { differsFromSt, project, visibleRows, type FlatNode, type Projection } from './tree';

export const ROW_HEIGHT = 40;
export const INDENT = 24;

/** Left and right move a dragged row a level out or in; up and down move it among the rows. */
const treeKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  if (event.code === 'ArrowLeft' || event.code === 'ArrowRight') {
    event.preventDefault();
    const x = args.currentCoordinates.x + (event.code === 'ArrowRight' ? INDENT : -INDENT);
    return { ...args.currentCoordinates, x };
  }
  return sortableKeyboardCoordinates(event, args);
};

export interface TreeActions {
  canWrite: boolean;
  onEdit(item: CategoryView): void;
  onCreate(parent: CategoryView): void;
  onDelete(item: CategoryView): void;
  /** Applies a drop the tree allowed; rejects with the server's refusal. */
  onMove(node: FlatNode, projection: Projection): void;
  /** Tells about a drop refused before anything was sent. */
  onRefused(message: string): void;
}

interface Props extends TreeActions {
  roots: number[];
  nodes: Map<number, FlatNode>;
  expanded: ReadonlySet<number>;
  onToggle(id: number): void;
  /** A row to scroll into view (e.g. a root picked above the tree). */
  focusId: number | null;
}

/**
 * The whole pricebook as one tree: roots and their subcategories (8 levels), expand and collapse,
 * virtualised (only the rows in view are in the DOM), drag and drop with mouse or keyboard (dnd-kit:
 * space to lift, arrows to move, left/right for the level, space to drop, escape to cancel).
 */
export function CategoryTree(props: Props) {
  const { roots, nodes, expanded, onToggle, focusId, onMove, onRefused } = props;
  const [activeId, setActiveId] = useState<number | null>(null);
  const [overId, setOverId] = useState<number | null>(null);
  const [offsetX, setOffsetX] = useState(0);
  const rows = useMemo(() => visibleRows(roots, nodes, expanded, activeId ?? undefined), [roots, nodes, expanded, activeId]);
  const ids = useMemo(() => rows.map((row) => row.id), [rows]);
  const projection = activeId !== null && overId !== null ? project(rows, activeId, overId, offsetX, INDENT) : null;
  const scroller = useRef<HTMLDivElement>(null);
  const activeIndex = activeId === null ? -1 : rows.findIndex((row) => row.id === activeId);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    // The lifted row stays mounted while the list scrolls under it.
    if (activeIndex >= 0 && !indexes.includes(activeIndex)) {
      indexes.push(activeIndex);
      indexes.sort((a, b) => a - b);
    }
    return indexes;
  }, [activeIndex]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    rangeExtractor,
    getItemKey: (index) => rows[index].id,
  });
  useEffect(() => {
    if (focusId === null) {
      return;
    }
    const index = rows.findIndex((row) => row.id === focusId);
    if (index >= 0) {
      virtualizer.scrollToIndex(index, { align: 'start' });
    }
  }, [focusId, rows, virtualizer]);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: treeKeyboardCoordinates }),
  );
  const reset = () => {
    setActiveId(null);
    setOverId(null);
    setOffsetX(0);
  };
  const onDragStart = ({ active }: DragStartEvent) => {
    setActiveId(Number(active.id));
    setOverId(Number(active.id));
  };
  const onDragMove = ({ delta }: DragMoveEvent) => setOffsetX(delta.x);
  const onDragOver = ({ over }: DragOverEvent) => setOverId(over ? Number(over.id) : null);
  const onDragEnd = ({ active, over, delta }: DragEndEvent) => {
    const dropped = over ? project(rows, Number(active.id), Number(over.id), delta.x, INDENT) : null;
    const node = nodes.get(Number(active.id));
    reset();
    if (!dropped || !node) {
      return;
    }
    if (dropped.refusal) {
      onRefused(dropped.refusal);
      return;
    }
    if (dropped.parentId === node.parentId && dropped.position === node.index) {
      return;
    }
    onMove(node, dropped);
  };
  const name = (id: UniqueIdentifier) => nodes.get(Number(id))?.item.name ?? String(id);
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}. Arrows move it, left and right change its level, space drops it, escape cancels.`,
    onDragOver: ({ active, over }) => over ? `${name(active.id)} is over ${name(over.id)}.` : `${name(active.id)} is no longer over a row.`,
    onDragMove: () => undefined,
    onDragEnd: ({ active, over }) => over ? `${name(active.id)} dropped near ${name(over.id)}.` : `${name(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${name(active.id)} cancelled; nothing changed.`,
  };
  const active = activeId === null ? null : nodes.get(activeId) ?? null;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={reset}
      accessibility={{ announcements, screenReaderInstructions: { draggable: 'To move a category, press space on its handle, then the arrows; left and right change its level; space drops, escape cancels.' } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <div ref={scroller} className="tree-scroller" data-testid="tree">
          <div role="tree" aria-label="Pricebook categories" className="tree" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((virtual) => {
              const row = rows[virtual.index];
              const isActive = row.id === activeId;
              return (
                <TreeRow
                  key={row.id}
                  row={row}
                  top={virtual.start}
                  depth={isActive && projection ? projection.depth : row.depth}
                  refused={isActive && projection?.refusal ? projection.refusal : null}
                  expanded={expanded.has(row.id)}
                  onToggle={onToggle}
                  actions={props}
                  setSize={row.parentId === null ? roots.length : nodes.get(row.parentId)?.childIds.length ?? 1}
                />
              );
            })}
          </div>
        </div>
      </SortableContext>
      <DragOverlay dropAnimation={null}>
        {active ? <div className="drag-overlay">{active.item.name}{projection?.refusal ? ` — ${projection.refusal}` : ''}</div> : null}
      </DragOverlay>
    </DndContext>
  );
}

interface RowProps {
  row: FlatNode;
  top: number;
  depth: number;
  refused: string | null;
  expanded: boolean;
  onToggle(id: number): void;
  actions: TreeActions;
  setSize: number;
}

const TreeRow = memo(function TreeRow({ row, top, depth, refused, expanded, onToggle, actions, setSize }: RowProps) {
  const { item } = row;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: row.id, disabled: !actions.canWrite });
  const style: CSSProperties = {
    transform: `translate3d(0, ${top + (transform?.y ?? 0)}px, 0)`,
    transition,
    paddingLeft: depth * INDENT + 4,
  };
  const hasChildren = row.childIds.length > 0;
  const classes = ['tree-row', isDragging ? 'dragging' : '', refused ? 'refused' : '', item.pending ? 'is-pending' : '', !item.active ? 'inactive' : ''];
  return (
    <div
      ref={setNodeRef}
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={hasChildren ? expanded : undefined}
      aria-setsize={setSize}
      aria-posinset={row.index + 1}
      aria-label={item.name}
      className={classes.join(' ')}
      style={style}
      data-testid="tree-row"
      data-id={row.id}
      data-depth={row.depth}
      data-path={item.path}
    >
      {actions.canWrite && (
        <button type="button" ref={setActivatorNodeRef} className="handle" aria-label={`Move ${item.name}`} {...attributes} {...listeners}>
          ⠿
        </button>
      )}
      {hasChildren ? (
        <button type="button" className="toggle" aria-label={`${expanded ? 'Collapse' : 'Expand'} ${item.name}`} onClick={() => onToggle(row.id)}>
          {expanded ? '▾' : '▸'}
        </button>
      ) : <span className="toggle" aria-hidden="true" />}
      <Thumb url={item.imageUrl} alt="" size={26} />
      <span className="name" data-testid="row-name">{item.name}</span>
      {differsFromSt(item) && <span className="st-value" title="ServiceTitan's value">ServiceTitan: {item.st?.name}</span>}
      {item.localStatus === 'CREATED' && <span className="badge badge-new">new</span>}
      {item.localStatus === 'DELETED' && <span className="badge badge-deleted">deleted</span>}
      {item.pending && <span className="badge badge-pending" title={`Pending: ${item.pendingFields.join(', ')}`}>pending</span>}
      {item.conflictId && <span className="badge badge-conflict">conflict</span>}
      {item.pushError && <span className="push-error" role="note">Push failed{item.pushError.status ? ` (${item.pushError.status})` : ''}: {item.pushError.message}</span>}
      {refused && <span className="push-error">{refused}</span>}
      <span className="meta" data-testid="row-meta">depth {row.depth} · {item.path}</span>
      {actions.canWrite && (
        <span className="row-actions">
          <button type="button" onClick={() => actions.onEdit(item)} aria-label={`Edit ${item.name}`}>Edit</button>
          {row.depth < 8 && item.localStatus !== 'DELETED' && <button type="button" onClick={() => actions.onCreate(item)} aria-label={`Add a subcategory to ${item.name}`}>+</button>}
          {row.depth > 0 && item.localStatus !== 'DELETED' && <button type="button" onClick={() => actions.onDelete(item)} aria-label={`Delete ${item.name}`}>Delete</button>}
        </span>
      )}
    </div>
  );
});
