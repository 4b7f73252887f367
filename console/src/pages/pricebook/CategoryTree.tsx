import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import {
  DndContext, KeyboardSensor, PointerSensor, useDraggable, useSensor, useSensors,
  type Announcements, type DragEndEvent, type DragMoveEvent, type DragStartEvent,
  type KeyboardCoordinateGetter, type UniqueIdentifier,
} from '@dnd-kit/core';
import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import type { CategoryView } from '../../api/types';
import { Thumb } from '../../components/Thumb';
import { differsFromSt, project, visibleRows, type FlatNode, type Projection } from './tree';

export const ROW_HEIGHT = 40;
export const INDENT = 24;

/** The keyboard's steps: up and down one row, left and right one level. */
const KEY_STEPS: Record<string, { x: number; y: number }> = {
  ArrowUp: { x: 0, y: -ROW_HEIGHT }, ArrowDown: { x: 0, y: ROW_HEIGHT }, ArrowLeft: { x: -INDENT, y: 0 }, ArrowRight: { x: INDENT, y: 0 },
};

/**
 * The row a drag is over, from how far it moved: rows are all {@link ROW_HEIGHT} high, so no
 * measuring is needed (dnd-kit's measured collisions land a row off in a scrolled virtual list).
 */
export function targetIndex(activeIndex: number, deltaY: number, count: number): number {
  return Math.min(count - 1, Math.max(0, activeIndex + Math.round(deltaY / ROW_HEIGHT)));
}

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
  const [delta, setDelta] = useState({ x: 0, y: 0 });
  // Keyboard drags are counted here, in steps, not by dnd-kit's coordinates: its keyboard sensor turns a
  // step near the viewport's middle into a page scroll.
  const keyboard = useRef<{ x: number; y: number } | null>(null);
  const keyboardCoordinates = useMemo<KeyboardCoordinateGetter>(() => (event) => {
    const step = KEY_STEPS[event.code];
    if (step && keyboard.current) {
      event.preventDefault();
      keyboard.current = { x: keyboard.current.x + step.x, y: keyboard.current.y + step.y };
      setDelta(keyboard.current);
    }
    // Nothing for dnd-kit to move: the rows show where the lifted one would land.
    return undefined;
  }, []);
  const rows = useMemo(() => visibleRows(roots, nodes, expanded, activeId ?? undefined), [roots, nodes, expanded, activeId]);
  const scroller = useRef<HTMLDivElement>(null);
  const activeIndex = activeId === null ? -1 : rows.findIndex((row) => row.id === activeId);
  const overIndex = activeIndex < 0 ? -1 : targetIndex(activeIndex, delta.y, rows.length);
  const projection = activeIndex < 0 ? null : project(rows, rows[activeIndex].id, rows[overIndex].id, delta.x, INDENT);
  const active = activeIndex < 0 ? null : rows[activeIndex];
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    // The lifted row stays mounted while the list scrolls under it.
    if (activeIndex >= 0 && !indexes.includes(activeIndex)) {
      indexes.push(activeIndex);
      indexes.sort((a, b) => a - b);
    }
    return indexes;
  }, [activeIndex]);
  // The page scrolls, not a box inside it: dnd-kit measures rows in a scrolled inner box a row off.
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const measure = () => setMargin(scroller.current ? scroller.current.getBoundingClientRect().top + window.scrollY : 0);
    measure();
    // What is above the tree (counts, roots) arrives later and pushes it down.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(document.body);
    return () => observer?.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    scrollMargin: margin,
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
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );
  const reset = () => {
    setActiveId(null);
    setDelta({ x: 0, y: 0 });
    keyboard.current = null;
  };
  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    keyboard.current = activatorEvent instanceof KeyboardEvent ? { x: 0, y: 0 } : null;
    setActiveId(Number(active.id));
  };
  const onDragMove = (event: DragMoveEvent) => {
    if (!keyboard.current) {
      setDelta({ x: event.delta.x, y: event.delta.y });
    }
  };
  const onDragEnd = ({ active, delta: pointer }: DragEndEvent) => {
    const moved = keyboard.current ?? pointer;
    const from = rows.findIndex((row) => row.id === Number(active.id));
    const to = from < 0 ? -1 : targetIndex(from, moved.y, rows.length);
    const dropped = to < 0 ? null : project(rows, Number(active.id), rows[to].id, moved.x, INDENT);
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
    onDragOver: () => undefined,
    // Where it would land is read out by the live region below, for mouse and keyboard alike.
    onDragMove: () => undefined,
    onDragEnd: ({ active }) => `${name(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${name(active.id)} cancelled; nothing changed.`,
  };

  return (
    <DndContext
      sensors={sensors}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      autoScroll={false}
      onDragCancel={reset}
      accessibility={{ announcements, screenReaderInstructions: { draggable: 'To move a category, press space on its handle, then the arrows; left and right change its level; space drops, escape cancels.' } }}
    >
        <div className="visually-hidden" aria-live="assertive" data-testid="drop-hint">
          {active && projection ? `${active.item.name} would go ${projection.parentId === null ? 'to the top level' : `under ${nodes.get(projection.parentId)?.item.name ?? projection.parentId}`}, position ${projection.position + 1}${projection.refusal ? `; refused: ${projection.refusal}` : ''}` : ''}
        </div>
        <div ref={scroller} className="tree-scroller" data-testid="tree" data-over={overIndex < 0 ? undefined : rows[overIndex].id}
          data-drop-depth={projection?.depth} data-drop-parent={projection ? projection.parentId ?? 'none' : undefined}>
          <div role="tree" aria-label="Pricebook categories" className="tree" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((virtual) => {
              const row = rows[virtual.index];
              const isActive = row.id === activeId;
              // Rows between the lifted row and where it would land make room for it, as in a sortable list.
              const shift = activeIndex < 0 ? 0 : isActive ? (overIndex - activeIndex) * ROW_HEIGHT
                : activeIndex < virtual.index && virtual.index <= overIndex ? -ROW_HEIGHT
                  : overIndex <= virtual.index && virtual.index < activeIndex ? ROW_HEIGHT : 0;
              return (
                <TreeRow
                  key={row.id}
                  row={row}
                  top={virtual.start - margin}
                  shift={shift}
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
    </DndContext>
  );
}

interface RowProps {
  row: FlatNode;
  top: number;
  /** Pixels the row is moved while a drag is on. */
  shift: number;
  depth: number;
  refused: string | null;
  expanded: boolean;
  onToggle(id: number): void;
  actions: TreeActions;
  setSize: number;
}

const TreeRow = memo(function TreeRow({ row, top, shift, depth, refused, expanded, onToggle, actions, setSize }: RowProps) {
  const { item } = row;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: row.id, disabled: !actions.canWrite });
  const style: CSSProperties = {
    top,
    transform: shift ? `translate3d(0, ${shift}px, 0)` : undefined,
    transition: isDragging ? undefined : 'transform 120ms ease',
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
