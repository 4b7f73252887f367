import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { money } from '../../api/crm';
import { when } from '../../api/field';
import type { Lead } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { FilterSelect } from '../../components/FilterSelect';
import { PagedTable } from '../../components/PagedTable';
import { SearchBox } from '../../components/SearchBox';
import { useRouteFilters } from '../../components/useRouteFilters';
import { pageOf, useRecordList } from './hooks';
import { LEAD_FIELDS, statusBadge } from './leads';
import { LEAD_SOURCES, LEAD_STATUSES } from './options';
import { CreateRecordDialog } from './RecordDialogs';

/** Leads: search, status and source filters, paged; a new lead opens once created. */
export function LeadsPage() {
  const { canWriteCrm } = useAuth();
  const navigate = useNavigate();
  const [params, update] = useRouteFilters();
  const [creating, setCreating] = useState(false);
  const page = pageOf(params);
  const filter = { q: params.get('q') ?? '', status: params.get('status') ?? '', source: params.get('source') ?? '', page, size: 50 };
  const leads = useRecordList<Lead>('leads', filter);
  return (
    <section className="page crm-leads">
      <div className="page-head">
        <h1>Leads</h1>
        {canWriteCrm && <button type="button" className="primary" onClick={() => setCreating(true)}>New lead</button>}
      </div>
      <div className="filters">
        <SearchBox value={filter.q} onSearch={(q) => update({ q })} placeholder="Name, company, email, phone or city" />
        <FilterSelect label="Status" value={filter.status} options={LEAD_STATUSES} onChange={(status) => update({ status })} />
        <FilterSelect label="Source" value={filter.source} options={LEAD_SOURCES} onChange={(source) => update({ source })} />
      </div>
      <PagedTable
        result={leads}
        noun="leads"
        testId="lead"
        rowKey={(lead) => lead.id}
        page={page}
        onPage={(next) => update({ page: String(next) })}
        columns={[
          { header: 'Name', cell: (lead) => <Link to={`/crm/leads/${lead.id}`}>{lead.name}</Link> },
          { header: 'Company', cell: (lead) => lead.company ?? '' },
          { header: 'Status', cell: (lead) => <span className={statusBadge(lead.status)}>{lead.status}</span> },
          { header: 'Source', cell: (lead) => lead.source },
          { header: 'Estimated value', cell: (lead) => money(lead.estimatedValue) },
          { header: 'Email', cell: (lead) => lead.email ?? '' },
          { header: 'Phone', cell: (lead) => lead.phone ?? '' },
          { header: 'Created', cell: (lead) => when(lead.createdAt) },
        ]}
      />
      {creating && (
        <CreateRecordDialog<Lead>
          title="New lead"
          plural="leads"
          specs={LEAD_FIELDS}
          defaults={{ source: 'other', status: 'new' }}
          draftKey="crm.lead.new"
          onCreated={(lead) => navigate(`/crm/leads/${lead.id}`)}
          onClose={() => setCreating(false)}
        />
      )}
    </section>
  );
}
