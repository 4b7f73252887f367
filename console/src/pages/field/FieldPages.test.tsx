import { MemoryRouter, Route, Routes } from 'react-router';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderSignedIn } from '../../test/render';
import { CustomerPage } from './CustomerPage';
import { CustomersPage } from './CustomersPage';
import { JobsPage } from './JobsPage';
import { nextDays, TechnicianPage } from './TechnicianPage';

const page = <T,>(items: T[]) => ({ items, page: 0, size: 50, totalItems: items.length, totalPages: 1 });
const technicians = page([{ id: 1, name: 'Marco Ruiz', team: 'Pool Crew', businessUnitId: 5, active: true }, { id: 2, name: 'Dana Whitaker', team: 'Pool Crew', businessUnitId: 5, active: true }]);
const customer = {
  id: 40, source: 'servicetitan', name: 'Ann Lee', type: 'Residential', active: true,
  address: { street: '1 Palm Dr', city: 'Phoenix', state: 'AZ', zip: '85001' },
  contacts: [{ id: 1, type: 'Phone', value: '602-555-0100' }, { id: 2, type: 'Email', value: 'ann@example.com' }],
};

function at(route: string, path: string, element: React.ReactElement) {
  return <MemoryRouter initialEntries={[route]}><Routes><Route path={path} element={element} /></Routes></MemoryRouter>;
}

describe('field pages', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('searches customers', async () => {
    const { fetchMock } = renderSignedIn(at('/field/customers', '/field/customers', <CustomersPage />), () => json(page([customer])));
    expect(await screen.findByRole('link', { name: 'Ann Lee' })).toHaveAttribute('href', '/field/customers/40');
    expect(screen.getByTestId('customer')).toHaveTextContent('602-555-0100');
    await userEvent.type(screen.getByRole('searchbox'), 'lee');
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/v2/customers?q=lee&page=0&size=50', expect.anything()));
  });

  it('shows a customer with contacts, locations and jobs with their technicians', async () => {
    renderSignedIn(at('/field/customers/40', '/field/customers/:id', <CustomerPage />), (url) => {
      if (url === '/api/v2/customers/40') {
        return json({
          customer,
          locations: [{ id: 41, source: 'servicetitan', customerId: 40, name: 'Home', address: customer.address, active: true }],
          jobs: [{ id: 1, source: 'servicetitan', jobNumber: 'J-100', locationId: 41, jobStatus: 'Scheduled', businessUnitId: 5, summary: 'Pump', total: 250 }],
        });
      }
      if (url.startsWith('/api/v2/jobs?customerId=40')) return json(page([{ id: 1, jobNumber: 'J-100', customerId: 40, jobStatus: 'Scheduled', technicianIds: [1, 2] }]));
      if (url === '/api/v2/technicians?size=500') return json(technicians);
      return json({}, 404);
    });
    expect(await screen.findByRole('heading', { name: 'Ann Lee' })).toBeInTheDocument();
    expect(screen.getByTestId('customer-contacts')).toHaveTextContent('ann@example.com');
    expect(screen.getByTestId('customer-locations')).toHaveTextContent('1 Palm Dr, Phoenix, AZ 85001');
    const row = screen.getByTestId('customer-job');
    expect(within(row).getByRole('link', { name: 'J-100' })).toHaveAttribute('href', '/field/jobs/1');
    await waitFor(() => expect(row).toHaveTextContent('Marco Ruiz, Dana Whitaker'));
    expect(row).toHaveTextContent('Home');
  });

  it('filters jobs by status and technician', async () => {
    const { fetchMock } = renderSignedIn(at('/field/jobs', '/field/jobs', <JobsPage />), (url) => url.startsWith('/api/v2/technicians') ? json(technicians) : json(page([])));
    await screen.findByText('0 jobs');
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Hold');
    await waitFor(() => expect(screen.getByRole('option', { name: 'Dana Whitaker' })).toBeInTheDocument());
    await userEvent.selectOptions(screen.getByLabelText('Technician'), '2');
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/v2/jobs?status=Hold&technicianId=2&page=0&size=50', expect.anything()));
  });

  it('shows a technician\'s next 7 days', async () => {
    const days = nextDays(new Date());
    const { fetchMock } = renderSignedIn(at('/field/technicians/2', '/field/technicians/:id', <TechnicianPage />), (url) => {
      if (url === '/api/v2/technicians/2') return json(technicians.items[1]);
      if (url.startsWith('/api/v2/technicians/2/availability')) {
        const start = Date.parse(days[1].from);
        const hour = 3_600_000;
        return json({
          technicianId: 2, from: days[0].from, to: days[6].to, freeMinutes: 420,
          free: [{ start: new Date(start + 8 * hour).toISOString(), end: new Date(start + 10 * hour).toISOString() }, { start: new Date(start + 12 * hour).toISOString(), end: new Date(start + 17 * hour).toISOString() }],
          busy: [{ start: new Date(start + 10 * hour).toISOString(), end: new Date(start + 12 * hour).toISOString(), jobId: 1, appointmentId: 10, appointmentNumber: 'J-100-1' }],
          timeOff: [],
        });
      }
      return json([]);
    });
    expect(await screen.findByTestId('free-minutes')).toHaveTextContent('7 h free in all');
    const rows = screen.getAllByTestId('availability-day');
    expect(rows).toHaveLength(7);
    expect(rows[1]).toHaveTextContent('7 h');
    expect(within(rows[1]).getByRole('link', { name: 'J-100-1' })).toHaveAttribute('href', '/field/jobs/1');
    expect(rows[0]).toHaveTextContent('none');
    const availability = fetchMock.mock.calls.map(([url]) => String(url)).find((url) => url.includes('/availability'))!;
    const query = new URL(availability, 'http://x').searchParams;
    expect(Date.parse(query.get('to')!) - Date.parse(query.get('from')!)).toBeGreaterThanOrEqual(7 * 24 * 3_600_000 - 3_600_000);
  });
});
