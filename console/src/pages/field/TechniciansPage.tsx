import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { field, fieldKeys, type TechnicianFilter } from '../../api/field';
import { errorMessage } from '../../api/problem';
import { useAuth } from '../../auth/AuthProvider';
import { Pager } from '../../components/Pager';
import { useDebounced } from '../../components/useDebounced';
import { useBusinessUnits, useRouteFilters } from './hooks';

/** Technicians with their team, business unit and whether active; filter by team, words and active only. */
export function TechniciansPage() {
  const api = useApi();
  const { tenant } = useAuth();
  const [params, update] = useRouteFilters();
  const units = useBusinessUnits();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebounced(search.trim(), 300);
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) update({ q });
    // Only the debounced text writes the route.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);
  const teams = useQuery({ queryKey: fieldKeys.teams(tenant), queryFn: ({ signal }) => field.teams(api, signal), staleTime: 5 * 60_000 });
  const includeInactive = params.get('inactive') === '1';
  const team = params.get('teamId') ?? '';
  const page = Number(params.get('page') ?? '0') || 0;
  const filter: TechnicianFilter = { active: includeInactive ? undefined : true, teamId: team ? Number(team) : undefined, q: params.get('q') || undefined, page, size: 50 };
  const technicians = useQuery({
    queryKey: fieldKeys.technicianList(tenant, filter),
    queryFn: ({ signal }) => field.technicians(api, filter, signal),
    placeholderData: keepPreviousData,
  });
  const data = technicians.data;
  return (
    <section className="page field-technicians">
      <h1>Technicians</h1>
      <div className="filters">
        <label className="search">Search <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name, email, phone or team" /></label>
        <label className="search">Team
          <select value={team} onChange={(e) => update({ teamId: e.target.value })}>
            <option value="">All</option>
            {(teams.data ?? []).map((t) => <option key={t.id} value={String(t.id)}>{t.name}{t.active ? '' : ' (inactive)'}</option>)}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={includeInactive} onChange={(e) => update({ inactive: e.target.checked ? '1' : '' })} /> Include inactive
        </label>
      </div>
      {technicians.error && <p className="problem" role="alert">{errorMessage(technicians.error)}</p>}
      <p className="muted" role="status" data-testid="list-count">{data ? `${data.totalItems} technicians` : 'Loading…'}</p>
      <table>
        <thead><tr><th>Name</th><th>Team</th><th>Business unit</th><th>Active</th><th>Email</th><th>Phone</th></tr></thead>
        <tbody>
          {(data?.items ?? []).map((t) => (
            <tr key={t.id} data-testid="technician" data-id={t.id} className={t.active ? undefined : 'inactive'}>
              <td><Link to={`/field/technicians/${t.id}`}>{t.name}</Link></td>
              <td>{t.team ?? ''}</td>
              <td>{t.businessUnitId === null ? '' : units.get(t.businessUnitId) ?? t.businessUnitId}</td>
              <td>{t.active ? 'yes' : 'no'}</td>
              <td>{t.email ?? ''}</td>
              <td>{t.phoneNumber ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && <Pager page={page} totalPages={data.totalPages} onPage={(next) => update({ page: String(next) })} />}
    </section>
  );
}
