import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { addressLine, field, fieldKeys } from '../../api/field';
import { errorMessage } from '../../api/problem';
import type { CustomerContact } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { Pager } from '../../components/Pager';
import { useDebounced } from '../../components/useDebounced';
import { useRouteFilters } from './hooks';

/** The first contact of each kind a list shows: a phone and an email. */
export function firstContact(contacts: CustomerContact[], kind: 'phone' | 'email'): string {
  const found = contacts.find((c) => (kind === 'email' ? /mail/i.test(c.type) : /phone/i.test(c.type)));
  return found?.value ?? '';
}

/** Customers as the tenant's customers provider serves them: search by words of name, phone, email or address, paged. */
export function CustomersPage() {
  const api = useApi();
  const { tenant } = useAuth();
  const [params, update] = useRouteFilters();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebounced(search.trim(), 300);
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) update({ q });
    // Only the debounced text writes the route.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);
  const current = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '0') || 0;
  const customers = useQuery({
    queryKey: fieldKeys.customerList(tenant, current, page),
    queryFn: ({ signal }) => field.customers(api, current, page, 50, signal),
    placeholderData: keepPreviousData,
  });
  const data = customers.data;
  return (
    <section className="page field-customers">
      <h1>Customers</h1>
      <label className="search">
        Search <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name, phone, email or address" />
      </label>
      {customers.error && <p className="problem" role="alert">{errorMessage(customers.error)}</p>}
      <p className="muted" role="status" data-testid="list-count">{data ? `${data.totalItems} customers` : 'Loading…'}</p>
      <table>
        <thead><tr><th>Name</th><th>Type</th><th>Phone</th><th>Email</th><th>Address</th><th>Active</th></tr></thead>
        <tbody>
          {(data?.items ?? []).map((customer) => (
            <tr key={customer.id} data-testid="customer" data-id={customer.id} className={customer.active ? undefined : 'inactive'}>
              <td><Link to={`/field/customers/${customer.id}`}>{customer.name}</Link>{customer.source === 'lazi' && <span className="badge badge-new">Lazi</span>}</td>
              <td>{customer.type ?? ''}</td>
              <td>{firstContact(customer.contacts ?? [], 'phone')}</td>
              <td>{firstContact(customer.contacts ?? [], 'email')}</td>
              <td>{addressLine(customer.address)}</td>
              <td>{customer.active ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && <Pager page={page} totalPages={data.totalPages} onPage={(next) => update({ page: String(next) })} />}
    </section>
  );
}
