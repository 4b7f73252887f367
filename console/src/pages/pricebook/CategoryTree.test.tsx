import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CategoryTreeView } from '../../api/types';
import { renderSignedIn } from '../../test/render';
import { CategoryTree, targetIndex } from './CategoryTree';
import { indexTrees } from './tree';

function node(stId: number, depth: number, parent: number | null, name: string, children: CategoryTreeView[] = [], extra: Partial<CategoryTreeView> = {}): CategoryTreeView {
  return {
    stId, parentStId: parent, rootStId: 1, depth, path: String(stId), name, description: null, imagePath: null, imageUrl: null,
    position: 0, active: true, businessUnitIds: [], categoryType: 'Services', modifiedOn: null, lastSyncedAt: '2026-01-01T00:00:00Z',
    childCount: children.length, st: null, pending: false, pendingFields: [], localStatus: 'NONE', isVisibleCrm: true,
    pushError: null, conflictId: null, children, ...extra,
  };
}

const trees = [
  node(1, 0, null, 'Pools', [
    node(11, 1, 1, 'Pumps (Lazi)', [], { pending: true, pendingFields: ['name'], st: { name: 'Pumps', imagePath: null, position: 0, parentStId: 1, modifiedOn: null } }),
    node(12, 1, 1, 'Filters', [], { pushError: { status: 404, message: 'Category not found', at: '2026-01-01T00:00:00Z', pushId: null } }),
  ]),
];

describe('CategoryTree', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows effective and ServiceTitan values, pending and push errors, and expands on demand', async () => {
    const onToggle = vi.fn();
    const actions = { canWrite: true, onEdit: vi.fn(), onCreate: vi.fn(), onDelete: vi.fn(), onMove: vi.fn(), onRefused: vi.fn() };
    const nodes = indexTrees(trees);
    const view = renderSignedIn(<CategoryTree roots={[1]} nodes={nodes} expanded={new Set()} onToggle={onToggle} focusId={null} {...actions} />, () => new Response('{}'));
    expect(screen.getAllByRole('treeitem')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Expand Pools' }));
    expect(onToggle).toHaveBeenCalledWith(1);

    view.rerender(<CategoryTree roots={[1]} nodes={nodes} expanded={new Set([1])} onToggle={onToggle} focusId={null} {...actions} />);
    const items = screen.getAllByRole('treeitem');
    expect(items.map((item) => item.getAttribute('aria-level'))).toEqual(['1', '2', '2']);
    expect(screen.getByText('ServiceTitan: Pumps')).toBeInTheDocument();
    expect(screen.getByText('pending')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Push failed (404): Category not found');
    await userEvent.click(screen.getByRole('button', { name: 'Edit Filters' }));
    expect(actions.onEdit).toHaveBeenCalledWith(expect.objectContaining({ stId: 12 }));
  });

  it('lands a dragged row by the distance dragged, within the list', () => {
    expect(targetIndex(3, -40, 10)).toBe(2);
    expect(targetIndex(3, -55, 10)).toBe(2);
    expect(targetIndex(3, 200, 5)).toBe(4);
    expect(targetIndex(0, -80, 5)).toBe(0);
  });
});
