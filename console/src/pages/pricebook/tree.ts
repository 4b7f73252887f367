import type { CategoryTreeView, CategoryView } from '../../api/types';

/** The deepest level a subcategory may sit at (pricebook-service `CategoryStructure.MAX_DEPTH`; a root is 0). */
export const MAX_DEPTH = 8;

/** One visible row of the tree. */
export interface FlatNode {
  id: number;
  parentId: number | null;
  depth: number;
  /** Index among its siblings in display order. */
  index: number;
  /** Levels of descendants below it (0 for a leaf). */
  height: number;
  item: CategoryView;
  childIds: number[];
}

/** Every node of `trees` by id, with its children's ids and subtree height, in display order. */
export function indexTrees(trees: CategoryTreeView[]): Map<number, FlatNode> {
  const nodes = new Map<number, FlatNode>();
  const visit = (tree: CategoryTreeView, index: number): number => {
    const { children, ...item } = tree;
    const node: FlatNode = { id: item.stId, parentId: item.parentStId, depth: item.depth, index, height: 0, item, childIds: children.map((c) => c.stId) };
    nodes.set(node.id, node);
    children.forEach((child, i) => {
      node.height = Math.max(node.height, visit(child, i) + 1);
    });
    return node.height;
  };
  trees.forEach((tree, i) => visit(tree, i));
  return nodes;
}

/** The rows shown: roots in order, and below each expanded node its children, depth first. */
export function visibleRows(roots: number[], nodes: Map<number, FlatNode>, expanded: ReadonlySet<number>, hidden?: number): FlatNode[] {
  const rows: FlatNode[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    const node = nodes.get(id);
    if (!node) {
      continue;
    }
    rows.push(node);
    if (expanded.has(id) && id !== hidden) {
      for (let i = node.childIds.length - 1; i >= 0; i--) {
        stack.push(node.childIds[i]);
      }
    }
  }
  return rows;
}

/** Subcategories per depth 1..8 among `nodes`. */
export function countByDepth(nodes: Iterable<FlatNode>): number[] {
  const counts = Array.from({ length: MAX_DEPTH }, () => 0);
  for (const node of nodes) {
    if (node.depth >= 1 && node.depth <= MAX_DEPTH) {
      counts[node.depth - 1]++;
    }
  }
  return counts;
}

/** Every id that has children: what "Expand all" opens. */
export function expandable(nodes: Map<number, FlatNode>): Set<number> {
  const ids = new Set<number>();
  nodes.forEach((node) => node.childIds.length > 0 && ids.add(node.id));
  return ids;
}

/** Where a dragged row would land. */
export interface Projection {
  depth: number;
  parentId: number | null;
  /** Position among the new siblings (0-based). */
  position: number;
  /** Why the drop is refused, or null when allowed. */
  refusal: string | null;
}

function moveItem<T>(items: T[], from: number, to: number): T[] {
  const copy = items.slice();
  const [moved] = copy.splice(from, 1);
  copy.splice(to, 0, moved);
  return copy;
}

/**
 * Where the row `activeId`, dragged over `overId` and `offsetX` pixels sideways, lands: the sortable
 * tree of dnd-kit's examples (the depth follows the horizontal offset, bounded by the rows above and
 * below), plus Lazi's rules: roots stay roots, subcategories stay below a root, nothing deeper than
 * {@link MAX_DEPTH} (the moved subtree counted).
 */
export function project(rows: FlatNode[], activeId: number, overId: number, offsetX: number, indentation: number): Projection | null {
  const activeIndex = rows.findIndex((row) => row.id === activeId);
  const overIndex = rows.findIndex((row) => row.id === overId);
  if (activeIndex < 0 || overIndex < 0) {
    return null;
  }
  const active = rows[activeIndex];
  const moved = moveItem(rows, activeIndex, overIndex);
  const previous = moved[overIndex - 1];
  const next = moved[overIndex + 1];
  const wanted = active.depth + Math.round(offsetX / indentation);
  const maxDepth = previous ? previous.depth + 1 : 0;
  const minDepth = next ? next.depth : 0;
  let depth = Math.min(Math.max(wanted, minDepth), maxDepth);
  if (active.depth === 0) {
    depth = 0;
  } else if (depth === 0) {
    depth = Math.min(1, maxDepth);
  }
  const parentId = parentAt(moved, overIndex, depth, previous);
  const siblings = moved.filter((row, i) => i !== overIndex ? row.parentId === parentId && row.depth === depth : false);
  const before = moved.slice(0, overIndex).filter((row) => row.parentId === parentId && row.depth === depth).length;
  let refusal: string | null = null;
  if (active.depth === 0 && parentId !== null) {
    refusal = 'A root category stays a root';
  } else if (active.depth > 0 && (parentId === null || depth === 0)) {
    refusal = 'A subcategory needs a parent category';
  } else if (depth + active.height > MAX_DEPTH) {
    refusal = `Moving there would put a subcategory at depth ${depth + active.height}; at most ${MAX_DEPTH}`;
  }
  return { depth, parentId, position: Math.min(before, siblings.length), refusal };
}

function parentAt(moved: FlatNode[], overIndex: number, depth: number, previous: FlatNode | undefined): number | null {
  if (depth === 0 || !previous) {
    return null;
  }
  if (depth === previous.depth) {
    return previous.parentId;
  }
  if (depth > previous.depth) {
    return previous.id;
  }
  return moved.slice(0, overIndex).reverse().find((row) => row.depth === depth)?.parentId ?? null;
}

/** Whether the effective value differs from ServiceTitan's (the row shows both then). */
export function differsFromSt(item: CategoryView): boolean {
  return item.st !== null && item.st.name !== item.name;
}
