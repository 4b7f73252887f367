import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { when } from '../../api/field';
import type { Account } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { FilterSelect } from '../../components/FilterSelect';
import { PagedTable } from '../../components/PagedTable';
import { SearchBox } from '../../components/SearchBox';
import { useRouteFilters } from '../../components/useRouteFilters';
import { ACCOUNT_FIELDS, sourceText } from './accounts';
import { pageOf, useRecordList } from './hooks';
import { ACCOUNT_TYPES } from './options';
import { CreateRecordDialog } from './RecordDialogs';

/** Accounts (households and businesses; every ServiceTitan customer is one): search, type filter, paged. */
export function AccountsPage() {
  const { canWriteCrm } = useAuth();
  const navigate = useNavigate();
  const [params, update] = useRouteFilters();
  const [creating, setCreating] = useState(false);
  const page = pageOf(params);
  const filter = { q: params.get('q') ?? '', type: params.get('type') ?? '', page, size: 50 };
  const accounts = useRecordList<Account>('accounts', filter);
  return (
    <section className="page crm-accounts">
      <div className="page-head">
        <h1>Accounts</h1>
        {canWriteCrm && <button type="button" className="primary" onClick={() => setCreating(true)}>New account</button>}
      </div>
      <div className="filters">
        <SearchBox value={filter.q} onSearch={(q) => update({ q })} placeholder="Name, email, phone, city or industry" />
        <FilterSelect label="Type" value={filter.type} options={ACCOUNT_TYPES} onChange={(type) => update({ type })} />
      </div>
      <PagedTable
        result={accounts}
        noun="accounts"
        testId="account"
        rowKey={(account) => account.id}
        page={page}
        onPage={(next) => update({ page: String(next) })}
        columns={[
          { header: 'Name', cell: (a) => <Link to={`/crm/accounts/${a.id}`}>{a.name}</Link> },
          { header: 'Type', cell: (a) => a.type },
          { header: 'City', cell: (a) => a.city ?? '' },
          { header: 'Phone', cell: (a) => a.phone ?? '' },
          { header: 'Email', cell: (a) => a.email ?? '' },
          { header: 'Source', cell: (a) => sourceText(a) },
          { header: 'Created', cell: (a) => when(a.createdAt) },
        ]}
      />
      {creating && (
        <CreateRecordDialog<Account>
          title="New account"
          plural="accounts"
          specs={ACCOUNT_FIELDS}
          defaults={{ type: 'residential' }}
          draftKey="crm.account.new"
          onCreated={(account) => navigate(`/crm/accounts/${account.id}`)}
          onClose={() => setCreating(false)}
        />
      )}
    </section>
  );
}
