import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { crm, crmKeys } from '../../api/crm';
import { errorMessage } from '../../api/problem';
import { useAuth } from '../../auth/AuthProvider';
import { useDebounced } from '../../components/useDebounced';
import { Pager } from '../../components/Pager';

/** CRM contacts (ServiceTitan customers) with search and paging. */
export function ContactsPage() {
  const api = useApi();
  const { tenant } = useAuth();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const query = useDebounced(search.trim(), 300);
  const contacts = useQuery({
    queryKey: crmKeys.contacts(tenant, query, page),
    queryFn: ({ signal }) => crm.contacts(api, query, page, signal),
    placeholderData: keepPreviousData,
  });
  const data = contacts.data;
  return (
    <section className="page contacts">
      <h1>Contacts</h1>
      <label className="search">
        Search <input type="search" value={search} onChange={(e) => { setSearch(e.target.value); setPage(0); }} placeholder="Name, email or phone" />
      </label>
      {contacts.error && <p className="problem" role="alert">{errorMessage(contacts.error)}</p>}
      <p className="muted" role="status">{data ? `${data.totalItems} contacts` : 'Loading…'}</p>
      <table>
        <thead><tr><th>Name</th><th>Email</th><th>Phone</th><th>Address</th><th>ServiceTitan customer</th></tr></thead>
        <tbody>
          {(data?.items ?? []).map((contact) => (
            <tr key={contact.id} data-testid="contact">
              <td>{contact.name}</td>
              <td>{contact.email ?? ''}</td>
              <td>{contact.phone ?? ''}</td>
              <td>{[contact.street, contact.city, contact.state, contact.zip].filter(Boolean).join(', ')}</td>
              <td>{contact.stCustomerId}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && <Pager page={page} totalPages={data.totalPages} onPage={setPage} />}
    </section>
  );
}
