import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Account, Lead, Project, ServiceCase } from '../../api/types';
import { json, renderSignedIn } from '../../test/render';
import { AccountPage } from './AccountPage';
import { CasesPage } from './CasesPage';
import { CrmLayout } from './CrmLayout';
import { LeadsPage } from './LeadsPage';
import { ProjectPage } from './ProjectPage';

function page<T>(items: T[]) {
  return { items, page: 0, size: 50, totalItems: items.length, totalPages: 1 };
}

function at(route: string, path: string, element: ReactElement) {
  return (
    <MemoryRouter initialEntries={[route]}>
      <Routes>
        <Route path={path} element={element} />
        <Route path="*" element={<p data-testid="elsewhere">elsewhere</p>} />
      </Routes>
    </MemoryRouter>
  );
}

const audit = { version: 1, createdBy: 'admin@3222348440', createdAt: '2026-06-01T10:00:00Z', updatedAt: '2026-06-01T10:00:00Z' };
const lead: Lead = {
  id: 'l-1', name: 'Ann Lee', company: 'Lee Pools', email: null, phone: null, street: null, city: null, state: null, zip: null, source: 'referral',
  status: 'new', estimatedValue: 5000, ownerId: null, score: null, stLeadId: null, convertedAccountId: null, convertedContactId: null,
  convertedOpportunityId: null, convertedAt: null, convertedBy: null, ...audit,
};
const account: Account = {
  id: 'a-1', name: 'Lee household', type: 'residential', industry: null, region: 'East Valley', ownerId: null, parentId: null, stCustomerId: 4001,
  email: 'ann@example.com', phone: null, street: '1 Palm Dr', city: 'Phoenix', state: 'AZ', zip: '85001', source: 'servicetitan', ...audit,
  contacts: [{ id: 'c-1', accountId: 'a-1', name: 'Ann Lee', email: 'ann@example.com', phone: null, role: 'owner', primary: true, stCustomerId: 4001 }],
};
const serviceCase: ServiceCase = {
  id: 'k-1', caseNumber: 12, type: 'warranty', subject: 'Pump leaks', description: null, accountId: 'a-1', contactId: 'c-1', priority: 'urgent',
  status: 'open', slaDueAt: '2026-06-01T14:00:00Z', breached: true, resolvedAt: null, ownerId: null, ...audit,
};
const empty = page([]);

describe('CRM pages', () => {
  it('lists leads with filters and opens a new lead once created', async () => {
    const posts: unknown[] = [];
    const { fetchMock } = renderSignedIn(at('/crm/leads', '/crm/leads', <LeadsPage />), (url, init) => {
      if (url === '/api/crm/leads' && init?.method === 'POST') {
        posts.push(JSON.parse(String(init.body)));
        return json({ ...lead, id: 'l-2', name: 'Bo Diaz' }, 201, { ETag: '"1"' });
      }
      return url.startsWith('/api/crm/leads?') ? json(page([lead])) : json({}, 404);
    });
    const row = await screen.findByTestId('lead');
    expect(within(row).getByRole('link', { name: 'Ann Lee' })).toHaveAttribute('href', '/crm/leads/l-1');
    expect(fetchMock).toHaveBeenCalledWith('/api/crm/leads?page=0&size=50', expect.anything());
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'qualified');
    await userEvent.selectOptions(screen.getByLabelText('Source'), 'referral');
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/crm/leads?status=qualified&source=referral&page=0&size=50', expect.anything()));

    await userEvent.click(screen.getByRole('button', { name: 'New lead' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('Required');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Bo Diaz');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Estimated value ($)' }), '2500');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await screen.findByTestId('elsewhere')).toBeInTheDocument();
    expect(posts).toEqual([expect.objectContaining({ name: 'Bo Diaz', estimatedValue: 2500, source: 'other', status: 'new', company: null })]);
  });

  it('searches the CRM from its header and links to what it finds', async () => {
    const { fetchMock } = renderSignedIn(at('/crm/leads', '/crm/*', <CrmLayout />), (url) => {
      if (url === '/api/crm/search?q=ann&size=20') {
        return json({ items: [
          { type: 'account', id: 'a-1', title: 'Lee household', subtitle: 'Phoenix', rank: 0.9 },
          { type: 'lead', id: 'l-1', title: 'Ann Lee', subtitle: 'Lee Pools', rank: 0.5 },
        ] });
      }
      return json({}, 404);
    });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search the CRM' }), 'ann');
    const results = await screen.findByTestId('search-results');
    expect(await within(results).findByRole('link', { name: 'account Lee household' })).toHaveAttribute('href', '/crm/accounts/a-1');
    expect(within(results).getByRole('link', { name: 'lead Ann Lee' })).toHaveAttribute('href', '/crm/leads/l-1');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('shows an account with its contacts, opportunities and cases', async () => {
    renderSignedIn(at('/crm/accounts/a-1', '/crm/accounts/:id', <AccountPage />), (url) => {
      if (url === '/api/crm/accounts/a-1') return json(account, 200, { ETag: '"1"' });
      if (url.startsWith('/api/crm/opportunities?accountId=a-1')) {
        return json(page([
          { id: 'o-1', title: 'Pool heater', pipelineName: 'Sales', stageName: 'New Lead', status: 'OPEN', accountId: 'a-1', amount: 4200, monetaryValue: 4200 },
          { id: 'o-9', title: 'Someone else', pipelineName: 'Sales', stageName: 'New Lead', status: 'OPEN', accountId: 'a-9', amount: 1, monetaryValue: 1 },
        ]));
      }
      if (url.startsWith('/api/crm/cases?accountId=a-1')) return json(page([serviceCase]));
      if (url.startsWith('/api/crm/projects?') || url.startsWith('/api/crm/tasks?') || url.includes('/timeline')) return json(empty);
      return json({}, 404);
    });
    expect(await screen.findByRole('heading', { name: 'Lee household' })).toBeInTheDocument();
    expect(within(screen.getByTestId('account-contact')).getByRole('link', { name: 'Ann Lee' })).toHaveAttribute('href', '/crm/contacts/c-1');
    const opportunities = await screen.findAllByTestId('account-opportunity');
    expect(opportunities).toHaveLength(1);
    expect(within(opportunities[0]).getByRole('link', { name: 'Pool heater' })).toHaveAttribute('href', '/crm/opportunities/o-1');
    const caseRow = await screen.findByTestId('account-case');
    expect(within(caseRow).getByTestId('sla')).toHaveTextContent('SLA breached');
  });

  it('lists cases with their SLA and filters the breached ones', async () => {
    const { fetchMock } = renderSignedIn(at('/crm/cases', '/crm/cases', <CasesPage />), (url) => (url.startsWith('/api/crm/cases?') ? json(page([serviceCase])) : json({}, 404)));
    const row = await screen.findByTestId('case');
    expect(row).toHaveTextContent('12');
    expect(within(row).getByTestId('sla')).toHaveTextContent('SLA breached');
    await userEvent.click(screen.getByLabelText('SLA breached only'));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/crm/cases?breached=true&page=0&size=50', expect.anything()));
  });

  it('changes a milestone\'s status on a project', async () => {
    const project: Project = {
      id: 'p-1', name: 'Lee pool heater install', opportunityId: 'o-1', accountId: 'a-1', stCustomerId: 4001, businessUnitId: 5, status: 'active',
      startDate: '2026-06-01', health: 'at_risk', ...audit,
      milestones: [
        { id: 'm-1', key: 'permit', name: 'Permit', position: 1, status: 'pending', dueDate: '2026-06-08', completedAt: null },
        { id: 'm-2', key: 'materials', name: 'Materials', position: 2, status: 'pending', dueDate: '2026-06-15', completedAt: null },
      ],
    };
    const puts: { url: string; body: unknown }[] = [];
    renderSignedIn(at('/crm/projects/p-1', '/crm/projects/:id', <ProjectPage />), (url, init) => {
      if (url === '/api/crm/projects/p-1') return json(project, 200, { ETag: '"1"' });
      if (url.startsWith('/api/crm/projects/p-1/milestones/') && init?.method === 'PUT') {
        puts.push({ url, body: JSON.parse(String(init.body)) });
        return json({ ...project.milestones[0], status: 'done' });
      }
      if (url.startsWith('/api/crm/tasks?') || url.includes('/timeline')) return json(empty);
      return json({}, 404);
    });
    expect(await screen.findByTestId('health')).toHaveTextContent('at risk');
    expect(screen.getAllByTestId('milestone')).toHaveLength(2);
    await userEvent.selectOptions(screen.getByLabelText('Status of Permit'), 'done');
    await waitFor(() => expect(puts).toEqual([{ url: '/api/crm/projects/p-1/milestones/m-1', body: { status: 'done', dueDate: '2026-06-08' } }]));
  });
});
