import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '../../api/ApiProvider';
import { money } from '../../api/crm';
import { field, fieldKeys, timeRange, when } from '../../api/field';
import { errorMessage } from '../../api/problem';
import type { FieldAssignment } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useLiveMessages } from '../../live/LiveProvider';
import { AssignDialog } from './AssignDialog';
import { assignProblem, technicianList, useBusinessUnits, useTechnicianNames } from './hooks';

const JOB_EVENTS = new Set(['jobs:assigned', 'jobs:updated', 'jobs:status-changed']);

/**
 * One job: its facts, the technicians on it, its appointments, assignments and history. Those with
 * `jobs:assign` assign technicians (the dialog, `?assign=1`) and unassign them. A live change of this job
 * (`jobs:assigned` and the other job messages) reloads it at once.
 */
export function JobPage() {
  const api = useApi();
  const { tenant, canAssignJobs } = useAuth();
  const queries = useQueryClient();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const names = useTechnicianNames();
  const units = useBusinessUnits();
  const detail = useQuery({ queryKey: fieldKeys.job(tenant, id), queryFn: ({ signal }) => field.job(api, id, signal), enabled: Number.isFinite(id) });

  useLiveMessages((message) => {
    if (JOB_EVENTS.has(message.event) && Number(message.data.jobId) === id) {
      void queries.invalidateQueries({ queryKey: fieldKeys.job(tenant, id) });
    }
  });

  const unassign = useMutation({
    mutationFn: (assignment: FieldAssignment) => field.unassign(api, id, [assignment.technicianId], assignment.appointmentId),
    onSuccess: (written, assignment) => {
      const who = names.get(assignment.technicianId) ?? assignment.technicianName ?? `#${assignment.technicianId}`;
      if (written.outcome === 'sent') {
        toast.info(`Sent to ServiceTitan: unassign ${who} (command ${written.command.commandId})`);
        return;
      }
      queries.setQueryData(fieldKeys.job(tenant, id), written.record);
      void queries.invalidateQueries({ queryKey: fieldKeys.jobLists(tenant) });
      void queries.invalidateQueries({ queryKey: fieldKeys.technicians(tenant) });
      toast.success(`${who} unassigned`);
    },
    onError: (failure) => toast.error(assignProblem(failure, 'unassign')),
  });

  if (!Number.isFinite(id)) {
    return <section className="page"><h1>No such job</h1></section>;
  }
  const data = detail.data;
  const job = data?.job;
  const assigning = params.get('assign') === '1' && data !== undefined;
  const appointmentNumber = new Map((data?.appointments ?? []).map((a) => [a.id, a.appointmentNumber ?? String(a.id)]));

  return (
    <section className="page field-job">
      <p><Link to="/field/jobs">← Jobs</Link></p>
      <div className="page-head">
        <h1>Job {job?.jobNumber ?? id}</h1>
        {job && <span className="badge status" data-testid="job-status">{job.jobStatus}</span>}
        {job && canAssignJobs && (
          <button type="button" className="primary" onClick={() => setParams({ assign: '1' })}>Assign technicians</button>
        )}
      </div>
      {detail.error && <p className="problem" role="alert">{errorMessage(detail.error)}</p>}
      {!data && !detail.error && <p className="muted" role="status">Loading…</p>}
      {job && data && (
        <>
          {job.summary && <p className="summary">{job.summary}</p>}
          <dl className="facts">
            <div><dt>Customer</dt><dd><Link to={`/field/customers/${job.customerId}`}>{job.customerId}</Link></dd></div>
            <div><dt>Location</dt><dd>{job.locationId ?? '–'}</dd></div>
            <div><dt>Business unit</dt><dd>{job.businessUnitId === null ? '–' : units.get(job.businessUnitId) ?? job.businessUnitId}</dd></div>
            <div><dt>Total</dt><dd>{money(job.total)}</dd></div>
            <div><dt>Source</dt><dd>{job.source === 'lazi' ? 'Lazi' : 'ServiceTitan'}</dd></div>
            <div><dt>Created</dt><dd>{when(job.createdOn)}</dd></div>
          </dl>

          <h2>Technicians</h2>
          <p data-testid="job-technicians">{job.technicianIds.length ? technicianList(job.technicianIds, names) : <span className="muted">No technician assigned.</span>}</p>

          <h2>Appointments</h2>
          {data.appointments.length === 0 ? <p className="muted">No appointments.</p> : (
            <table data-testid="appointments">
              <thead><tr><th>Appointment</th><th>Day</th><th>Time</th><th>Status</th><th>Technicians</th></tr></thead>
              <tbody>
                {data.appointments.map((a) => (
                  <tr key={a.id} className={a.active ? undefined : 'inactive'}>
                    <td>{a.appointmentNumber ?? a.id}</td>
                    <td>{new Date(a.start).toLocaleDateString()}</td>
                    <td>{timeRange(a.start, a.end)}</td>
                    <td>{a.status}{a.active ? '' : ' (inactive)'}</td>
                    <td>{technicianList(a.technicianIds, names)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h2>Assignments</h2>
          {data.assignments.length === 0 ? <p className="muted">No assignments.</p> : (
            <table data-testid="assignments">
              <thead><tr><th>Technician</th><th>Appointment</th><th>Status</th><th>Assigned</th><th>Active</th>{canAssignJobs && <th />}</tr></thead>
              <tbody>
                {data.assignments.map((a) => {
                  const who = names.get(a.technicianId) ?? a.technicianName ?? `#${a.technicianId}`;
                  return (
                    <tr key={a.id} className={a.active ? undefined : 'inactive'}>
                      <td>{who}</td>
                      <td>{appointmentNumber.get(a.appointmentId) ?? a.appointmentId}</td>
                      <td>{a.status ?? ''}</td>
                      <td>{when(a.assignedOn)}</td>
                      <td>{a.active ? 'yes' : 'no'}</td>
                      {canAssignJobs && (
                        <td>
                          {a.active && (
                            <button type="button" disabled={unassign.isPending} aria-label={`Unassign ${who}`} onClick={() => {
                              if (window.confirm(`Unassign ${who} from appointment ${appointmentNumber.get(a.appointmentId) ?? a.appointmentId}?`)) unassign.mutate(a);
                            }}>Unassign</button>
                          )}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}

          <h2>History</h2>
          {data.history.length === 0 ? <p className="muted">No history.</p> : (
            <ol className="history" data-testid="job-history">
              {data.history.map((entry) => (
                <li key={entry.id}>{when(entry.date)}: {entry.eventType}{entry.memo ? <span className="muted"> — {entry.memo}</span> : null}</li>
              ))}
            </ol>
          )}
        </>
      )}
      {assigning && <AssignDialog detail={data} onClose={() => setParams({})} />}
    </section>
  );
}
