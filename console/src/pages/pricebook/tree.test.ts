import { describe, expect, it } from 'vitest';
import type { CategoryTreeView } from '../../api/types';
import { countByDepth, expandable, indexTrees, MAX_DEPTH, project, visibleRows } from './tree';

let next = 1;
function node(depth: number, parent: number | null, children: CategoryTreeView[] = [], id = next++): CategoryTreeView {
  return {
    stId: id, parentStId: parent, rootStId: 0, depth, path: String(id), name: `n${id}`, description: null, imagePath: null,
    imageUrl: null, position: 0, active: true, businessUnitIds: [], categoryType: 'Services', modifiedOn: null,
    lastSyncedAt: '2026-01-01T00:00:00Z', childCount: children.length, st: null, pending: false, pendingFields: [],
    localStatus: 'NONE', isVisibleCrm: true, pushError: null, conflictId: null, children,
  };
}

/** root 100 > 101 > 102, root 100 > 103; root 200 > 201 */
function sample() {
  const t1 = node(0, null, [node(1, 100, [node(2, 101, [], 102)], 101), node(1, 100, [], 103)], 100);
  const t2 = node(0, null, [node(1, 200, [], 201)], 200);
  return indexTrees([t1, t2]);
}

describe('tree', () => {
  it('indexes children, sibling index and subtree height', () => {
    const nodes = sample();
    expect(nodes.get(100)?.childIds).toEqual([101, 103]);
    expect(nodes.get(100)?.height).toBe(2);
    expect(nodes.get(103)?.index).toBe(1);
  });

  it('shows children of expanded nodes only, depth first', () => {
    const nodes = sample();
    expect(visibleRows([100, 200], nodes, new Set()).map((r) => r.id)).toEqual([100, 200]);
    expect(visibleRows([100, 200], nodes, expandable(nodes)).map((r) => r.id)).toEqual([100, 101, 102, 103, 200, 201]);
    expect(visibleRows([100, 200], nodes, expandable(nodes), 101).map((r) => r.id)).toEqual([100, 101, 103, 200, 201]);
  });

  it('counts subcategories per depth', () => {
    expect(countByDepth(sample().values())).toEqual([3, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('projects a drop among siblings as a reorder', () => {
    const nodes = sample();
    const rows = visibleRows([100, 200], nodes, expandable(nodes), 103);
    // 103 dragged up over 101: same level, first among 100's children.
    expect(project(rows, 103, 101, 0, 24)).toEqual({ depth: 1, parentId: 100, position: 0, refusal: null });
  });

  it('projects a drop to the right as a move under the row above', () => {
    const nodes = sample();
    const rows = visibleRows([100, 200], nodes, expandable(nodes), 201);
    // 201 dragged up over 200, one level right: last under 103.
    expect(project(rows, 201, 200, 48, 24)).toMatchObject({ depth: 2, parentId: 103, position: 0, refusal: null });
    // over 103 instead: it takes 103's place, after 102, whose level it may take.
    expect(project(rows, 201, 103, 24, 24)).toMatchObject({ depth: 2, parentId: 101, position: 1, refusal: null });
  });

  it('refuses a move that would go deeper than 8 levels', () => {
    // 901 at depth 1 with a chain down to depth 8 below it: 7 levels.
    let chain = node(MAX_DEPTH, null);
    for (let depth = MAX_DEPTH - 1; depth >= 2; depth--) chain = node(depth, null, [chain]);
    const nodes = indexTrees([node(0, null, [node(1, 900, [chain], 901)], 900), node(0, null, [node(1, 950, [], 951)], 950)]);
    const rows = visibleRows([900, 950], nodes, expandable(nodes), 901);
    const projection = project(rows, 901, 951, 24, 24);
    expect(projection?.refusal).toMatch(/at most 8/);
  });

  it('keeps roots at the top level', () => {
    const nodes = sample();
    const rows = visibleRows([100, 200], nodes, new Set());
    expect(project(rows, 200, 100, 48, 24)).toMatchObject({ depth: 0, parentId: null, position: 0, refusal: null });
  });
});
