import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '../../api/ApiProvider';
import { crm, crmKeys } from '../../api/crm';
import type { Milestone, Project } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { DataTable } from '../../components/DataTable';
import { SaveProblem } from '../../components/SaveProblem';
import { day } from './hooks';
import { MILESTONE_STATUSES } from './options';

interface Change {
  milestone: Milestone;
  status: string;
  dueDate: string | null;
}

/** A project's milestones in order; writers change their status and due date (`PUT …/milestones/{id}`). */
export function Milestones({ project }: { project: Project }) {
  const api = useApi();
  const { tenant, canWriteCrm } = useAuth();
  const queries = useQueryClient();
  const change = useMutation({
    mutationFn: ({ milestone, status, dueDate }: Change) => crm.updateMilestone(api, project.id, milestone.id, { status, dueDate }),
    onSuccess: (_answer, { milestone, status }) => toast.success(`${milestone.name}: ${status.replace(/_/g, ' ')}`),
    onSettled: () => queries.invalidateQueries({ queryKey: crmKeys.record(tenant, 'projects', project.id) }),
  });
  const milestones = [...(project.milestones ?? [])].sort((a, b) => a.position - b.position);
  const overdue = (m: Milestone) => m.dueDate !== null && (m.status === 'pending' || m.status === 'in_progress') && new Date(`${m.dueDate}T23:59:59`) < new Date();
  return (
    <>
      {change.error && <SaveProblem error={change.error} onReload={() => queries.refetchQueries({ queryKey: crmKeys.record(tenant, 'projects', project.id) })} />}
      <DataTable
        testId="milestone"
        rows={milestones}
        rowKey={(m) => m.id}
        empty="No milestones."
        columns={[
          { header: 'Milestone', cell: (m) => <>{m.name}{overdue(m) && <span className="badge badge-deleted">overdue</span>}</> },
          {
            header: 'Status',
            cell: (m) => canWriteCrm ? (
              <select aria-label={`Status of ${m.name}`} value={m.status} disabled={change.isPending}
                onChange={(e) => change.mutate({ milestone: m, status: e.target.value, dueDate: m.dueDate })}>
                {MILESTONE_STATUSES.map((o) => typeof o === 'string' ? null : <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            ) : m.status.replace(/_/g, ' '),
          },
          {
            header: 'Due',
            cell: (m) => canWriteCrm ? (
              <input type="date" aria-label={`Due date of ${m.name}`} value={m.dueDate ?? ''} disabled={change.isPending}
                onChange={(e) => change.mutate({ milestone: m, status: m.status, dueDate: e.target.value || null })} />
            ) : day(m.dueDate),
          },
          { header: 'Completed', cell: (m) => (m.completedAt ? new Date(m.completedAt).toLocaleDateString() : '') },
        ]}
      />
    </>
  );
}
