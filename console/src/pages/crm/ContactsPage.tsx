import { Link } from 'react-router';
import type { ContactView } from '../../api/types';
import { PagedTable } from '../../components/PagedTable';
import { SearchBox } from '../../components/SearchBox';
import { useRouteFilters } from '../../components/useRouteFilters';
import { sourceText } from './accounts';
import { pageOf, useRecordList } from './hooks';

/** CRM contacts (people at accounts; one primary contact per ServiceTitan customer) with search and paging. */
export function ContactsPage() {
  const [params, update] = useRouteFilters();
  const page = pageOf(params);
  const filter = { q: params.get('q') ?? '', page, size: 50 };
  const contacts = useRecordList<ContactView>('contacts', filter);
  return (
    <section className="page contacts">
      <h1>Contacts</h1>
      <div className="filters">
        <SearchBox value={filter.q} onSearch={(q) => update({ q })} placeholder="Name, email, phone or role" />
      </div>
      <PagedTable
        result={contacts}
        noun="contacts"
        testId="contact"
        rowKey={(contact) => contact.id}
        page={page}
        onPage={(next) => update({ page: String(next) })}
        columns={[
          { header: 'Name', cell: (c) => <><Link to={`/crm/contacts/${c.id}`}>{c.name}</Link>{c.primary && <span className="badge">primary</span>}</> },
          { header: 'Account', cell: (c) => (c.accountId ? <Link to={`/crm/accounts/${c.accountId}`}>Account</Link> : '') },
          { header: 'Role', cell: (c) => c.role ?? '' },
          { header: 'Email', cell: (c) => c.email ?? '' },
          { header: 'Phone', cell: (c) => c.phone ?? '' },
          { header: 'Source', cell: (c) => sourceText(c) },
        ]}
      />
    </section>
  );
}
