import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { money } from '../../api/crm';
import { addressLine, field, fieldKeys, when } from '../../api/field';
import { errorMessage } from '../../api/problem';
import { useAuth } from '../../auth/AuthProvider';
import { technicianList, useTechnicianNames } from './hooks';

/** One customer: contacts, locations and jobs (with their status and the technicians assigned). */
export function CustomerPage() {
  const api = useApi();
  const { tenant } = useAuth();
  const raw = useParams().id ?? '';
  const id = Number(raw);
  const names = useTechnicianNames();
  const detail = useQuery({ queryKey: fieldKeys.customer(tenant, id), queryFn: ({ signal }) => field.customer(api, id, signal), enabled: Number.isFinite(id) });
  // The customer's jobs as the jobs list serves them carry the technicians assigned.
  const jobs = useQuery({
    queryKey: fieldKeys.jobList(tenant, { customerId: id, size: 200 }),
    queryFn: ({ signal }) => field.jobs(api, { customerId: id, size: 200 }, signal),
    enabled: Number.isFinite(id),
  });
  const technicians = new Map((jobs.data?.items ?? []).map((job) => [job.id, job.technicianIds]));
  const data = detail.data;
  const customer = data?.customer;
  const locationName = new Map((data?.locations ?? []).map((l) => [l.id, l.name ?? addressLine(l.address)]));
  return (
    <section className="page field-customer">
      <p><Link to="/field/customers">← Customers</Link></p>
      <h1>{customer?.name ?? `Customer ${raw}`}</h1>
      {detail.error && <p className="problem" role="alert">{errorMessage(detail.error)}</p>}
      {!data && !detail.error && <p className="muted" role="status">Loading…</p>}
      {customer && data && (
        <>
          <dl className="facts">
            <div><dt>Type</dt><dd>{customer.type ?? '–'}</dd></div>
            <div><dt>Address</dt><dd>{addressLine(customer.address) || '–'}</dd></div>
            <div><dt>Active</dt><dd>{customer.active ? 'yes' : 'no'}</dd></div>
            <div><dt>Source</dt><dd>{customer.source === 'lazi' ? 'Lazi' : 'ServiceTitan'}</dd></div>
            <div><dt>Id</dt><dd>{customer.id}</dd></div>
          </dl>

          <h2>Contacts</h2>
          {(customer.contacts ?? []).length === 0 ? <p className="muted">No contacts.</p> : (
            <ul className="contacts" data-testid="customer-contacts">
              {customer.contacts.map((c) => (
                <li key={c.id}><span className="muted">{c.type}:</span> {c.value}{c.memo ? <span className="muted"> ({c.memo})</span> : null}</li>
              ))}
            </ul>
          )}

          <h2>Locations</h2>
          {data.locations.length === 0 ? <p className="muted">No locations.</p> : (
            <table data-testid="customer-locations">
              <thead><tr><th>Name</th><th>Address</th><th>Active</th></tr></thead>
              <tbody>
                {data.locations.map((l) => (
                  <tr key={l.id} className={l.active ? undefined : 'inactive'}>
                    <td>{l.name ?? l.id}</td>
                    <td>{addressLine(l.address)}</td>
                    <td>{l.active ? 'yes' : 'no'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h2>Jobs</h2>
          {data.jobs.length === 0 ? <p className="muted">No jobs.</p> : (
            <table data-testid="customer-jobs">
              <thead><tr><th>Job</th><th>Status</th><th>Summary</th><th>Location</th><th>Technicians</th><th>Total</th><th>Created</th></tr></thead>
              <tbody>
                {data.jobs.map((job) => {
                  const ids = technicians.get(job.id);
                  return (
                    <tr key={job.id} data-testid="customer-job">
                      <td><Link to={`/field/jobs/${job.id}`}>{job.jobNumber}</Link></td>
                      <td>{job.jobStatus}</td>
                      <td className="summary-cell">{job.summary ?? ''}</td>
                      <td>{job.locationId === null ? '' : locationName.get(job.locationId) ?? job.locationId}</td>
                      <td>{ids ? technicianList(ids, names) : jobs.isPending ? '…' : ''}</td>
                      <td>{money(job.total)}</td>
                      <td>{when(job.createdOn)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
