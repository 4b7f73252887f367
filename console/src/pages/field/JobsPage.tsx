import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { field, fieldKeys, JOB_STATUSES, when, type JobFilter } from '../../api/field';
import { errorMessage } from '../../api/problem';
import { useAuth } from '../../auth/AuthProvider';
import { Pager } from '../../components/Pager';
import { useDebounced } from '../../components/useDebounced';
import { technicianList, useRouteFilters, useTechnicianNames } from './hooks';

/** Jobs, newest first, filtered by status, technician and words of the number or summary (kept in the route). */
export function JobsPage() {
  const api = useApi();
  const { tenant } = useAuth();
  const [params, update] = useRouteFilters();
  const names = useTechnicianNames();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebounced(search.trim(), 300);
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) update({ q });
    // Only the debounced text writes the route.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);
  const status = params.get('status') ?? '';
  const technician = params.get('technicianId') ?? '';
  const page = Number(params.get('page') ?? '0') || 0;
  const filter: JobFilter = { status: status || undefined, technicianId: technician ? Number(technician) : undefined, q: params.get('q') || undefined, page, size: 50 };
  const jobs = useQuery({
    queryKey: fieldKeys.jobList(tenant, filter),
    queryFn: ({ signal }) => field.jobs(api, filter, signal),
    placeholderData: keepPreviousData,
  });
  const technicians = [...names.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const data = jobs.data;
  return (
    <section className="page field-jobs">
      <h1>Jobs</h1>
      <div className="filters">
        <label className="search">Search <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Job number or summary" /></label>
        <label className="search">Status
          <select value={status} onChange={(e) => update({ status: e.target.value })}>
            <option value="">All</option>
            {JOB_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label className="search">Technician
          <select value={technician} onChange={(e) => update({ technicianId: e.target.value })}>
            <option value="">Any</option>
            {technicians.map(([id, name]) => <option key={id} value={String(id)}>{name}</option>)}
          </select>
        </label>
      </div>
      {jobs.error && <p className="problem" role="alert">{errorMessage(jobs.error)}</p>}
      <p className="muted" role="status" data-testid="list-count">{data ? `${data.totalItems} jobs` : 'Loading…'}</p>
      <table>
        <thead><tr><th>Job</th><th>Status</th><th>Summary</th><th>Customer</th><th>Technicians</th><th>Created</th></tr></thead>
        <tbody>
          {(data?.items ?? []).map((job) => (
            <tr key={job.id} data-testid="job" data-id={job.id}>
              <td><Link to={`/field/jobs/${job.id}`}>{job.jobNumber}</Link></td>
              <td>{job.jobStatus}</td>
              <td className="summary-cell">{job.summary ?? ''}</td>
              <td><Link to={`/field/customers/${job.customerId}`}>{job.customerId}</Link></td>
              <td>{technicianList(job.technicianIds, names)}</td>
              <td>{when(job.createdOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && <Pager page={page} totalPages={data.totalPages} onPage={(next) => update({ page: String(next) })} />}
    </section>
  );
}
