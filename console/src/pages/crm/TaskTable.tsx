import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '../../api/ApiProvider';
import { crm, routeOf, words } from '../../api/crm';
import { when } from '../../api/field';
import { errorMessage } from '../../api/problem';
import type { Task } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { DataTable, type Column } from '../../components/DataTable';
import { useWho } from './hooks';

/** `PUT /api/crm/tasks/{id}/complete`, then every CRM list and timeline refreshes. */
export function useCompleteTask() {
  const api = useApi();
  const { tenant } = useAuth();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (task: Task) => crm.completeTask(api, task.id),
    onSuccess: (_done, task) => toast.success(`Task “${task.title}” completed`),
    onError: (failure) => toast.error(`The task was not completed: ${errorMessage(failure)}`),
    onSettled: () => queries.invalidateQueries({ queryKey: [tenant, 'crm'] }),
  });
}

export function PriorityBadge({ priority }: { priority: string }) {
  const tone = priority === 'urgent' ? ' badge-deleted' : priority === 'high' ? ' badge-pending' : '';
  return <span className={`badge${tone}`}>{priority}</span>;
}

/** A task table's columns: due time (overdue marked), what it is about (unless `related` is false), a Complete button. */
export function useTaskColumns(related = true): Column<Task>[] {
  const { canWriteCrm } = useAuth();
  const who = useWho();
  const complete = useCompleteTask();
  const columns: Column<Task>[] = [
    { header: 'Task', cell: (t) => <>{t.title}{t.description && <div className="muted summary-cell">{t.description}</div>}</> },
    { header: 'Type', cell: (t) => words(t.type) },
    { header: 'Priority', cell: (t) => <PriorityBadge priority={t.priority} /> },
    { header: 'Due', cell: (t) => <>{when(t.dueAt)}{t.overdue && <span className="badge badge-deleted" data-testid="overdue">overdue</span>}</> },
    ...(related ? [{ header: 'About', cell: (t: Task) => {
      const to = routeOf(t.relatedType, t.relatedId);
      return to ? <Link to={to}>{t.relatedType}</Link> : '';
    } }] : []),
    { header: 'Assignee', cell: (t) => who(t.assigneeId) },
    { header: 'Status', cell: (t) => t.status === 'completed'
      ? <span className="muted">completed {when(t.completedAt)}</span>
      : canWriteCrm
        ? <button type="button" disabled={complete.isPending && complete.variables?.id === t.id} onClick={() => complete.mutate(t)} aria-label={`Complete ${t.title}`}>Complete</button>
        : 'open' },
  ];
  return columns;
}

export function taskRowClass(task: Task): string | undefined {
  return task.status === 'completed' ? 'inactive' : undefined;
}

/** Tasks with their due time (overdue ones marked), what they are about, and a Complete button for open ones. */
export function TaskTable({ tasks, related = true, empty }: { tasks: Task[]; related?: boolean; empty?: string }) {
  const columns = useTaskColumns(related);
  return <DataTable columns={columns} rows={tasks} rowKey={(t) => t.id} testId="task" rowClass={taskRowClass} empty={empty ?? 'No tasks.'} />;
}
