import { MemoryRouter, Route, Routes } from 'react-router';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../../api/types';
import { json, problem, renderSignedIn } from '../../test/render';
import { LeadPage } from './LeadPage';

const lead: Lead = {
  id: 'l-1', name: 'Ann Lee', company: null, email: 'ann@example.com', phone: '602-555-0100', street: '1 Palm Dr', city: 'Phoenix',
  state: 'AZ', zip: '85001', source: 'website', status: 'qualified', estimatedValue: 12000, ownerId: 'admin@3222348440', score: 70,
  stLeadId: null, convertedAccountId: null, convertedContactId: null, convertedOpportunityId: null, convertedAt: null, convertedBy: null,
  version: 3, createdBy: 'admin@3222348440', createdAt: '2026-06-01T10:00:00Z', updatedAt: '2026-06-01T10:00:00Z',
};

const converted: Lead = {
  ...lead, status: 'converted', convertedAccountId: 'a-1', convertedContactId: 'c-1', convertedOpportunityId: 'o-1',
  convertedAt: '2026-06-02T10:00:00Z', convertedBy: 'admin@3222348440', version: 4,
};

const empty = { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 };

type Answer = (init: RequestInit | undefined) => Response | Promise<Response>;

/** The lead page of `l-1`; GETs of the lead answer `reads` in turn (the last one again and again). */
function setup(reads: Lead[], answers: { convert?: Answer; put?: Answer } = {}) {
  const calls = { gets: 0, converts: [] as unknown[], puts: [] as RequestInit[] };
  const view = renderSignedIn(
    <MemoryRouter initialEntries={['/crm/leads/l-1']}>
      <Routes><Route path="/crm/leads/:id" element={<LeadPage />} /></Routes>
    </MemoryRouter>,
    (url, init) => {
      const method = init?.method ?? 'GET';
      if (url === '/api/crm/leads/l-1' && method === 'GET') {
        const read = reads[Math.min(calls.gets++, reads.length - 1)];
        return json(read, 200, { ETag: `"${read.version}"` });
      }
      if (url === '/api/crm/leads/l-1' && method === 'PUT') {
        calls.puts.push(init!);
        return answers.put!(init);
      }
      if (url === '/api/crm/leads/l-1/convert' && method === 'POST') {
        calls.converts.push(JSON.parse(String(init!.body)));
        return answers.convert!(init);
      }
      if (url.startsWith('/api/crm/tasks?') || url.startsWith('/api/crm/leads/l-1/timeline')) return json(empty);
      return json({}, 404);
    },
  );
  return { ...view, calls };
}

function ifMatch(init: RequestInit): string | null {
  return new Headers(init.headers).get('If-Match');
}

describe('LeadPage', () => {
  it('converts a lead and links to the account, contact and opportunity it became', async () => {
    const reads = [lead];
    const { calls } = setup(reads, {
      convert: () => {
        reads.push(converted);
        return json(converted, 200, { ETag: '"4"' });
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Convert' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('textbox', { name: 'Opportunity title' })).toHaveValue('Ann Lee');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Convert lead' }));

    const conversion = await screen.findByTestId('conversion');
    expect(within(conversion).getByRole('link', { name: 'Account' })).toHaveAttribute('href', '/crm/accounts/a-1');
    expect(within(conversion).getByRole('link', { name: 'Contact' })).toHaveAttribute('href', '/crm/contacts/c-1');
    expect(within(conversion).getByRole('link', { name: 'Opportunity' })).toHaveAttribute('href', '/crm/opportunities/o-1');
    expect(calls.converts).toEqual([{ pipeline: 'SALES', opportunityTitle: 'Ann Lee', amount: 12000 }]);
    expect(screen.getByTestId('lead-status')).toHaveTextContent('converted');
    expect(screen.queryByRole('button', { name: 'Convert' })).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says a lead someone converted first is already converted, and shows what it became', async () => {
    setup([lead, converted], { convert: () => problem(409, 'Lead l-1 is already converted') });
    await userEvent.click(await screen.findByRole('button', { name: 'Convert' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Convert lead' }));

    expect(await within(screen.getByRole('dialog')).findByRole('alert')).toHaveTextContent('This lead is already converted');
    const conversion = await screen.findByTestId('conversion');
    expect(within(conversion).getByRole('link', { name: 'Opportunity' })).toHaveAttribute('href', '/crm/opportunities/o-1');
  });

  it('saves with If-Match of the version read; a 412 says someone else changed it and reloads their version', async () => {
    const theirs: Lead = { ...lead, name: 'Ann Lee-Smith', version: 4 };
    let puts = 0;
    const { calls } = setup([lead, theirs], {
      put: (init) => (puts++ === 0
        ? problem(412, 'Lead l-1 changed since it was read: If-Match does not name its current version "4"')
        : json({ ...theirs, ...JSON.parse(String(init!.body)), version: 5 }, 200, { ETag: '"5"' })),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog');
    const phone = within(dialog).getByRole('textbox', { name: 'Phone' });
    await userEvent.clear(phone);
    await userEvent.type(phone, '602-555-0199');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const stale = await within(dialog).findByTestId('stale');
    expect(stale).toHaveTextContent('Someone else changed this record; reload to see their changes');
    expect(ifMatch(calls.puts[0])).toBe('"3"');
    expect(JSON.parse(String(calls.puts[0].body))).toMatchObject({ name: 'Ann Lee', phone: '602-555-0199', score: 70, estimatedValue: 12000, status: 'qualified' });

    await userEvent.click(within(stale).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('Ann Lee-Smith'));
    expect(within(dialog).queryByTestId('stale')).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(ifMatch(calls.puts[1])).toBe('"4"');
    expect(await screen.findByRole('heading', { name: 'Ann Lee-Smith' })).toBeInTheDocument();
  });

  it('shows a refused field next to the field', async () => {
    setup([lead], { put: () => problem(400, 'must be an email address', { field: 'email' }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    const email = within(dialog).getByRole('textbox', { name: 'Email' });
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('must be an email address');
  });
});
