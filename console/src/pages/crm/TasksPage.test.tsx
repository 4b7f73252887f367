import { MemoryRouter, Route, Routes } from 'react-router';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../api/types';
import { json, renderSignedIn } from '../../test/render';
import { TasksPage } from './TasksPage';

const task: Task = {
  id: 't-1', title: 'Call Ann back', description: 'About the pool heater quote', type: 'call', priority: 'high',
  dueAt: '2026-06-01T16:00:00Z', timeZone: 'America/Phoenix', assigneeId: 'admin@3222348440', relatedType: 'lead', relatedId: 'l-1',
  status: 'open', completedAt: null, completedBy: null, overdue: true,
  version: 1, createdBy: 'admin@3222348440', createdAt: '2026-05-30T10:00:00Z', updatedAt: '2026-05-30T10:00:00Z',
};

function page(items: Task[]) {
  return { items, page: 0, size: 50, totalItems: items.length, totalPages: 1 };
}

function setup() {
  let current = task;
  const calls = { lists: [] as string[], completes: [] as string[] };
  const view = renderSignedIn(
    <MemoryRouter initialEntries={['/crm/tasks']}>
      <Routes><Route path="/crm/tasks" element={<TasksPage />} /></Routes>
    </MemoryRouter>,
    (url, init) => {
      if (url.startsWith('/api/crm/tasks?')) {
        calls.lists.push(url);
        const query = new URL(url, 'http://x').searchParams;
        return json(page(query.get('status') === 'open' && current.status !== 'open' ? [] : [current]));
      }
      if (url === '/api/crm/tasks/t-1/complete' && init?.method === 'PUT') {
        calls.completes.push(url);
        current = { ...task, status: 'completed', overdue: false, completedAt: '2026-06-02T09:00:00Z', completedBy: 'admin@3222348440', version: 2 };
        return json(current);
      }
      return json({}, 404);
    },
  );
  return { ...view, calls };
}

describe('TasksPage', () => {
  it('lists the user\'s open tasks, soonest due first, with the overdue ones marked and what they are about', async () => {
    const { calls } = setup();
    const row = await screen.findByTestId('task');
    expect(calls.lists[0]).toBe('/api/crm/tasks?assigneeId=me&status=open&page=0&size=50');
    expect(screen.getByRole('heading', { name: 'My tasks' })).toBeInTheDocument();
    expect(within(row).getByTestId('overdue')).toHaveTextContent('overdue');
    expect(within(row).getByRole('link', { name: 'lead' })).toHaveAttribute('href', '/crm/leads/l-1');
    expect(row).toHaveTextContent('you');
  });

  it('completes a task', async () => {
    const { calls } = setup();
    const row = await screen.findByTestId('task');
    await userEvent.click(within(row).getByRole('button', { name: 'Complete Call Ann back' }));
    await waitFor(() => expect(calls.completes).toEqual(['/api/crm/tasks/t-1/complete']));
    // The list reads again: the open tasks no longer hold it.
    expect(await screen.findByTestId('task-empty')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Status'), '');
    const done = await screen.findByTestId('task');
    expect(done).toHaveTextContent('completed');
    expect(within(done).queryByRole('button', { name: /Complete/ })).not.toBeInTheDocument();
  });

  it('filters to overdue tasks and to everyone\'s', async () => {
    const { calls } = setup();
    await screen.findByTestId('task');
    await userEvent.click(screen.getByLabelText('Overdue only'));
    await waitFor(() => expect(calls.lists).toContain('/api/crm/tasks?assigneeId=me&status=open&overdue=true&page=0&size=50'));
    await userEvent.selectOptions(screen.getByLabelText('Assigned to'), '');
    await waitFor(() => expect(calls.lists).toContain('/api/crm/tasks?status=open&overdue=true&page=0&size=50'));
    expect(screen.getByRole('heading', { name: 'All tasks' })).toBeInTheDocument();
  });
});
