import { useState } from 'react';
import type { Task } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { FilterSelect } from '../../components/FilterSelect';
import { PagedTable } from '../../components/PagedTable';
import { useRouteFilters } from '../../components/useRouteFilters';
import { pageOf, useRecordList } from './hooks';
import { TaskDialog } from './TaskDialog';
import { taskRowClass, useTaskColumns } from './TaskTable';

const STATUSES = [{ value: 'open', label: 'open' }, { value: 'completed', label: 'completed' }];

/**
 * Tasks, soonest due first: the user's own (`assigneeId=me`) unless everyone's are asked for, open ones unless
 * another status is picked, optionally only the overdue ones. Open tasks are completed here.
 */
export function TasksPage() {
  const { canWriteCrm } = useAuth();
  const [params, update] = useRouteFilters();
  const [creating, setCreating] = useState(false);
  const page = pageOf(params);
  const everyone = params.get('who') === 'all';
  const status = params.get('status') ?? 'open';
  const overdue = params.get('overdue') === 'true';
  const filter = { assigneeId: everyone ? '' : 'me', status: status === 'all' ? '' : status, overdue: overdue || undefined, page, size: 50 };
  const tasks = useRecordList<Task>('tasks', filter);
  const columns = useTaskColumns();
  return (
    <section className="page crm-tasks">
      <div className="page-head">
        <h1>{everyone ? 'All tasks' : 'My tasks'}</h1>
        {canWriteCrm && <button type="button" className="primary" onClick={() => setCreating(true)}>New task</button>}
      </div>
      <div className="filters">
        <FilterSelect label="Assigned to" value={everyone ? '' : 'me'} options={[{ value: 'me', label: 'me' }]} all="anyone" onChange={(who) => update({ who: who ? '' : 'all' })} />
        <FilterSelect label="Status" value={status === 'all' ? '' : status} options={STATUSES} onChange={(next) => update({ status: next || 'all' })} />
        <label className="checkbox">
          <input type="checkbox" checked={overdue} onChange={(e) => update({ overdue: e.target.checked ? 'true' : '' })} /> Overdue only
        </label>
      </div>
      <PagedTable result={tasks} noun="tasks" testId="task" rowKey={(t) => t.id} rowClass={taskRowClass} page={page} onPage={(next) => update({ page: String(next) })} columns={columns} />
      {creating && <TaskDialog onClose={() => setCreating(false)} />}
    </section>
  );
}
