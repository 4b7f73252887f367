import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderSignedIn } from '../../test/render';
import { ConflictsPanel } from './ConflictsPanel';

const conflict = {
  id: 'c-1', stId: 40100154, type: 'both_modified', status: 'open',
  local: { name: 'Pumps (Lazi)', position: 1, localStatus: 'NONE', pendingFields: ['name'] },
  st: { name: 'Pumps (ServiceTitan)', position: 1, active: true },
  detectedAt: '2026-01-01T00:00:00Z', resolvedAt: null, strategy: null,
};

describe('ConflictsPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows both sides and resolves with the chosen strategy', async () => {
    const { fetchMock } = renderSignedIn(<ConflictsPanel />, (url, init) => {
      if (url.startsWith('/api/sync/pricebook/resolve-conflict/')) {
        return json({ conflict: { ...conflict, status: 'resolved', strategy: 'keep_local' }, item: { name: 'Pumps (Lazi)' } });
      }
      return json(init?.method === 'POST' ? {} : { count: 1, items: [conflict] });
    });
    expect(await screen.findByText(/Changed here and in ServiceTitan/)).toBeInTheDocument();
    expect(screen.getByText(/Local: Pumps \(Lazi\), position 1 · ServiceTitan: Pumps \(ServiceTitan\), position 1/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Keep local' }));

    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/sync/pricebook/resolve-conflict/c-1', expect.anything()));
    const call = fetchMock.mock.calls.find(([url]) => String(url).includes('resolve-conflict'))!;
    expect(JSON.parse(String(call[1]?.body))).toEqual({ strategy: 'keep_local' });
    expect((call[1]?.headers as Headers).get('X-Tenant-ID')).toBe('3222348440');
  });

  it('shows the problem when the conflicts cannot be read', async () => {
    renderSignedIn(<ConflictsPanel />, () => json({ type: 'https://lazi.io/problems/forbidden', title: 'Forbidden', status: 403, detail: 'The token does not grant tenant 3222348440' }, 403));
    expect(await screen.findByRole('alert')).toHaveTextContent('The token does not grant tenant 3222348440');
  });
});
