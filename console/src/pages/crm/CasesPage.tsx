import { useState } from 'react';
import { Link } from 'react-router';
import { when } from '../../api/field';
import type { ServiceCase } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { FilterSelect } from '../../components/FilterSelect';
import { PagedTable } from '../../components/PagedTable';
import { useRouteFilters } from '../../components/useRouteFilters';
import { CaseDialog } from './CaseDialog';
import { slaState } from './cases';
import { pageOf, useRecordList } from './hooks';
import { CASE_STATUSES, PRIORITIES } from './options';
import { PriorityBadge } from './TaskTable';

/** Service cases with their SLA due time and whether it is breached; filters by status, priority, breached. */
export function CasesPage() {
  const { canWriteCrm } = useAuth();
  const [params, update] = useRouteFilters();
  const [creating, setCreating] = useState(false);
  const page = pageOf(params);
  const filter = {
    status: params.get('status') ?? '',
    priority: params.get('priority') ?? '',
    breached: params.get('breached') === 'true' ? true : undefined,
    page,
    size: 50,
  };
  const cases = useRecordList<ServiceCase>('cases', filter);
  return (
    <section className="page crm-cases">
      <div className="page-head">
        <h1>Cases</h1>
        {canWriteCrm && <button type="button" className="primary" onClick={() => setCreating(true)}>New case</button>}
      </div>
      <div className="filters">
        <FilterSelect label="Status" value={filter.status} options={CASE_STATUSES} onChange={(status) => update({ status })} />
        <FilterSelect label="Priority" value={filter.priority} options={PRIORITIES} onChange={(priority) => update({ priority })} />
        <label className="checkbox">
          <input type="checkbox" checked={filter.breached === true} onChange={(e) => update({ breached: e.target.checked ? 'true' : '' })} /> SLA breached only
        </label>
      </div>
      <PagedTable
        result={cases}
        noun="cases"
        testId="case"
        rowKey={(c) => c.id}
        page={page}
        onPage={(next) => update({ page: String(next) })}
        columns={casesColumns}
      />
      {creating && <CaseDialog onClose={() => setCreating(false)} />}
    </section>
  );
}

export const casesColumns = [
  { header: '#', cell: (c: ServiceCase) => c.caseNumber },
  { header: 'Subject', cell: (c: ServiceCase) => <Link to={`/crm/cases/${c.id}`}>{c.subject}</Link> },
  { header: 'Type', cell: (c: ServiceCase) => c.type },
  { header: 'Priority', cell: (c: ServiceCase) => <PriorityBadge priority={c.priority} /> },
  { header: 'Status', cell: (c: ServiceCase) => c.status },
  {
    header: 'SLA due',
    cell: (c: ServiceCase) => {
      const sla = slaState(c);
      return <>{when(c.slaDueAt)} {sla && <span className={sla.className} data-testid="sla">{sla.text}</span>}</>;
    },
  },
  { header: 'Account', cell: (c: ServiceCase) => <Link to={`/crm/accounts/${c.accountId}`}>Account</Link> },
  { header: 'Opened', cell: (c: ServiceCase) => when(c.createdAt) },
];
