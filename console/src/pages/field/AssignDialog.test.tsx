import { MemoryRouter, Route, Routes } from 'react-router';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobDetail, Technician } from '../../api/types';
import { json, problem, renderSignedIn } from '../../test/render';
import { JobPage } from './JobPage';

const technicians: Technician[] = [
  { id: 1, name: 'Marco Ruiz', team: 'Pool Crew', businessUnitId: 5, active: true },
  { id: 2, name: 'Dana Whitaker', team: 'Pool Crew', businessUnitId: 5, active: true },
  { id: 3, name: 'Old Timer', team: null, businessUnitId: 5, active: false },
];

function job(technicianIds: number[]): JobDetail {
  return {
    job: { id: 1, source: 'servicetitan', jobNumber: 'J-100', customerId: 40, locationId: 41, jobStatus: 'Scheduled', businessUnitId: 5, summary: 'Pool pump noisy', total: 250, technicianIds },
    appointments: [{ id: 10, jobId: 1, appointmentNumber: 'J-100-1', start: '2026-06-10T15:00:00Z', end: '2026-06-10T17:00:00Z', status: 'Scheduled', active: true, technicianIds }],
    assignments: technicianIds.map((id) => ({ id: 100 + id, technicianId: id, technicianName: technicians[id - 1].name, appointmentId: 10, status: 'Scheduled', assignedOn: '2026-06-01T10:00:00Z', active: true })),
    history: [{ id: 1, date: '2026-06-01T09:00:00Z', eventType: 'Job Booked' }],
  };
}

const command = { commandId: 'c-1', action: 'ASSIGN_TECHNICIANS', stId: 1, status: 'PENDING', issuedAt: '2026-06-01T10:00:00Z' };

interface Setup {
  roles?: string[];
  route?: string;
  /** The answer to the POST. */
  assign?: (body: unknown) => Response | Promise<Response>;
}

function setup({ roles, route = '/field/jobs/1', assign = () => json({}) }: Setup = {}) {
  let current = job([1]);
  const calls = { job: 0, posts: [] as unknown[], deletes: [] as string[] };
  const view = renderSignedIn(
    <MemoryRouter initialEntries={[route]}>
      <Routes><Route path="/field/jobs/:id" element={<JobPage />} /></Routes>
    </MemoryRouter>,
    (url, init) => {
      if (url === '/api/v2/jobs/1' && (!init?.method || init.method === 'GET')) {
        calls.job++;
        return json(current);
      }
      if (url.startsWith('/api/v2/jobs/1/technicians?') && init?.method === 'DELETE') {
        calls.deletes.push(url);
        current = job([]);
        return json({ outcome: 'applied', record: current });
      }
      if (url === '/api/v2/jobs/1/technicians' && init?.method === 'POST') {
        const body = JSON.parse(String(init.body));
        calls.posts.push(body);
        return assign(body);
      }
      if (url === '/api/v2/technicians?active=true&size=500') return json({ items: technicians, page: 0, size: 500, totalItems: 3, totalPages: 1 });
      if (url === '/api/v2/technicians?size=500') return json({ items: technicians, page: 0, size: 500, totalItems: 3, totalPages: 1 });
      if (url.startsWith('/api/v2/technicians/2/availability')) {
        return json({ technicianId: 2, from: '', to: '', free: [{ start: '2026-06-10T14:00:00Z', end: '2026-06-10T18:00:00Z' }], busy: [], timeOff: [], freeMinutes: 240 });
      }
      if (url.startsWith('/api/v2/technicians/1/availability')) {
        return json({ technicianId: 1, from: '', to: '', free: [], busy: [{ start: '2026-06-10T15:00:00Z', end: '2026-06-10T17:00:00Z', jobId: 1, appointmentId: 10 }], timeOff: [], freeMinutes: 0 });
      }
      if (url === '/api/v2/commands/c-1') return json(command);
      if (url === '/api/v2/business-units') return json([{ id: 5, name: 'Pool - Service', active: true }]);
      return json({}, 404);
    },
    { roles },
  );
  return { ...view, calls, setJob: (next: JobDetail) => { current = next; } };
}

async function openDialog() {
  await userEvent.click(await screen.findByRole('button', { name: 'Assign technicians' }));
  const dialog = await screen.findByRole('dialog');
  await within(dialog).findByRole('checkbox', { name: /Dana Whitaker/ });
  return dialog;
}

async function pickDanaAndSubmit(dialog: HTMLElement) {
  await userEvent.click(within(dialog).getByRole('checkbox', { name: /Dana Whitaker/ }));
  await userEvent.click(within(dialog).getByRole('button', { name: 'Assign (1)' }));
}

describe('assigning technicians to a job', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers active technicians only, with their free time on the appointment day, the assigned ones checked', async () => {
    setup();
    const dialog = await openDialog();
    expect(within(dialog).queryByText(/Old Timer/)).toBeNull();
    const marco = within(dialog).getByRole('checkbox', { name: /Marco Ruiz/ });
    expect(marco).toBeChecked();
    expect(marco).toBeDisabled();
    const dana = within(dialog).getByText('Dana Whitaker').closest('li')!;
    await waitFor(() => expect(within(dana).getByTestId('free-time')).toHaveTextContent(/free then · 4 h free that day/));
    const marcoRow = within(dialog).getByText('Marco Ruiz').closest('li')!;
    await waitFor(() => expect(within(marcoRow).getByTestId('free-time')).toHaveTextContent(/busy then · 0 min free/));
  });

  it('applies at once for a Lazi-owned job (200) and shows the technicians', async () => {
    const { calls, setJob } = setup({
      assign: () => {
        setJob(job([1, 2]));
        return json({ outcome: 'applied', record: job([1, 2]) });
      },
    });
    const dialog = await openDialog();
    await pickDanaAndSubmit(dialog);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.posts).toEqual([{ technicianIds: [2] }]);
    expect(screen.getByTestId('job-technicians')).toHaveTextContent('Marco Ruiz, Dana Whitaker');
  });

  it('sends the chosen appointment when one is picked', async () => {
    const { calls } = setup({ assign: () => json({ outcome: 'applied', record: job([1, 2]) }) });
    const dialog = await openDialog();
    await userEvent.selectOptions(within(dialog).getByLabelText('Appointment'), '10');
    await pickDanaAndSubmit(dialog);
    await waitFor(() => expect(calls.posts).toEqual([{ technicianIds: [2], appointmentId: 10 }]));
  });

  it('says a ServiceTitan job was sent (202) and resolves it when its command completes', async () => {
    const { calls, live } = setup({ assign: () => json({ outcome: 'sent', command }, 202) });
    const dialog = await openDialog();
    await pickDanaAndSubmit(dialog);
    const status = await within(dialog).findByTestId('assign-command');
    expect(status).toHaveTextContent('Sent to ServiceTitan…');
    expect(status).toHaveTextContent('c-1');
    expect(status).toHaveAttribute('data-state', 'pending');

    live.emit({ event: 'field:command-completed', data: { commandId: 'other', outcome: 'FAILED', error: 'not ours' } });
    expect(within(dialog).getByTestId('assign-command')).toHaveAttribute('data-state', 'pending');

    const loads = calls.job;
    live.emit({ event: 'field:command-completed', data: { commandId: 'c-1', action: 'ASSIGN_TECHNICIANS', outcome: 'SUCCEEDED', stStatus: 200 } });
    await waitFor(() => expect(within(dialog).getByTestId('assign-command')).toHaveAttribute('data-state', 'succeeded'));
    expect(within(dialog).getByTestId('assign-command')).toHaveTextContent('ServiceTitan assigned the technicians.');
    await waitFor(() => expect(calls.job).toBeGreaterThan(loads));
  });

  it('shows why ServiceTitan refused a sent assignment', async () => {
    const { live } = setup({ assign: () => json({ outcome: 'sent', command }, 202) });
    const dialog = await openDialog();
    await pickDanaAndSubmit(dialog);
    await within(dialog).findByText(/Sent to ServiceTitan…/);
    live.emit({ event: 'field:command-completed', data: { commandId: 'c-1', outcome: 'FAILED', stStatus: 400, error: 'Technician 2 is not in the business unit' } });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('ServiceTitan refused it (HTTP 400): Technician 2 is not in the business unit.');
    // The form is usable again, to try otherwise.
    expect(within(dialog).getByRole('button', { name: 'Assign (1)' })).toBeEnabled();

    live.emit({ event: 'field:command-completed', data: { commandId: 'c-1', outcome: 'NOT_FOUND', stStatus: 404 } });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('ServiceTitan does not know this job or appointment any more (HTTP 404).');
  });

  it('matches a completion that arrives before the 202 answer', async () => {
    let answer: (response: Response) => void = () => undefined;
    const { live } = setup({ assign: () => new Promise<Response>((resolve) => { answer = resolve; }) });
    const dialog = await openDialog();
    await pickDanaAndSubmit(dialog);
    live.emit({ event: 'field:command-completed', data: { commandId: 'c-1', outcome: 'SUCCEEDED' } });
    answer(json({ outcome: 'sent', command }, 202));
    await waitFor(() => expect(within(dialog).getByTestId('assign-command')).toHaveAttribute('data-state', 'succeeded'));
  });

  it('reloads the job when jobs:assigned names it, not another job', async () => {
    const { calls, live } = setup();
    await screen.findByText('Job J-100');
    await waitFor(() => expect(calls.job).toBe(1));
    live.emit({ event: 'jobs:assigned', data: { jobId: 2, technicianIds: [1] } });
    live.emit({ event: 'jobs:assigned', data: { jobId: 1, technicianIds: [1, 2] } });
    await waitFor(() => expect(calls.job).toBe(2));
  });

  it('shows the problem detail of a refusal: 403 as a missing permission, 400 with its field', async () => {
    let refusal = problem(403, 'The token does not allow this request');
    setup({ assign: () => refusal });
    const dialog = await openDialog();
    await pickDanaAndSubmit(dialog);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('You cannot assign technicians: The token does not allow this request');

    refusal = problem(400, 'technician 2 is unknown or inactive', { field: 'technicianIds' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Assign (1)' }));
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('technicianIds: technician 2 is unknown or inactive'));

    refusal = problem(409, 'Job 1 has no active appointment to assign technicians to');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Assign (1)' }));
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('The job cannot take this change now: Job 1 has no active appointment'));
  });

  it('unassigns a technician from an appointment after a confirmation', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { calls } = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Unassign Marco Ruiz' }));
    expect(confirm).toHaveBeenCalledWith('Unassign Marco Ruiz from appointment J-100-1?');
    await waitFor(() => expect(screen.getByTestId('job-technicians')).toHaveTextContent('No technician assigned.'));
    expect(calls.deletes).toEqual(['/api/v2/jobs/1/technicians?technicianIds=1&appointmentId=10']);
    confirm.mockRestore();
  });

  it('offers assigning only to roles with jobs:assign', async () => {
    const technician = setup({ roles: ['TECHNICIAN'] });
    await screen.findByText('Job J-100');
    expect(screen.queryByRole('button', { name: 'Assign technicians' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Unassign/ })).toBeNull();
    technician.unmount();
    vi.unstubAllGlobals();

    // Even through the route, the dialog refuses and sends nothing.
    const viaRoute = setup({ roles: ['VIEWER'], route: '/field/jobs/1?assign=1' });
    expect(await screen.findByRole('alert')).toHaveTextContent('You cannot assign technicians');
    expect(viaRoute.calls.posts).toEqual([]);
    viaRoute.unmount();
    vi.unstubAllGlobals();

    setup({ roles: ['DISPATCHER'] });
    expect(await screen.findByRole('button', { name: 'Assign technicians' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Unassign Marco Ruiz' })).toBeInTheDocument();
  });
});
