import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderSignedIn } from '../../test/render';
import { ProvidersPage, switchText } from './ProvidersPage';

const settings = { providers: { customers: 'servicetitan', jobs: 'servicetitan', technicians: 'servicetitan', estimates: 'servicetitan' }, changed: [], history: [] };

describe('ProvidersPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('switches a domain to Lazi after a confirmation that says ServiceTitan records are copied', async () => {
    const { fetchMock } = renderSignedIn(<ProvidersPage />, (_url, init) => {
      if (init?.method === 'PUT') {
        const change = { domain: 'jobs', from: 'servicetitan', to: 'lazi', changedBy: 'admin@3222348440', changedAt: '2026-06-01T10:00:00Z', copied: 120 };
        return json({ providers: { ...settings.providers, jobs: 'lazi' }, changed: [change], history: [change] });
      }
      return json(settings);
    });
    const jobs = await screen.findByRole('row', { name: /jobs/ });
    expect(within(jobs).getByTestId('provider-current')).toHaveTextContent('ServiceTitan');
    expect(within(jobs).getByRole('button', { name: 'Switch jobs' })).toBeDisabled();
    await userEvent.selectOptions(within(jobs).getByLabelText('Provider of jobs'), 'lazi');
    await userEvent.click(within(jobs).getByRole('button', { name: 'Switch jobs' }));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('switch-explanation')).toHaveTextContent(/copied into Lazi-owned records under the same ids/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Switch' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(put[0]).toBe('/api/v2/providers');
    expect(JSON.parse(String(put[1]?.body))).toEqual({ jobs: 'lazi' });
    expect(within(screen.getByRole('row', { name: /^jobs/ })).getByTestId('provider-current')).toHaveTextContent('Lazi');
    expect(screen.getByTestId('provider-history')).toHaveTextContent('120');
  });

  it('is for owners and administrators only', async () => {
    const { fetchMock } = renderSignedIn(<ProvidersPage />, () => json(settings), { roles: ['MANAGER'] });
    expect(screen.getByRole('alert')).toHaveTextContent('Only owners and administrators');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('explains each kind of switch', () => {
    expect(switchText({ domain: 'customers', from: 'lazi', to: 'servicetitan' })).toMatch(/Writes go to ServiceTitan again/);
    expect(switchText({ domain: 'customers', from: 'servicetitan', to: 'hybrid' })).toMatch(/Lazi-owned record wins/);
  });
});
