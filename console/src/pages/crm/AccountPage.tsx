import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { money } from '../../api/crm';
import { addressLine, when } from '../../api/field';
import { errorMessage } from '../../api/problem';
import type { Account, ContactView, OpportunityView, Project, ServiceCase } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { DataTable } from '../../components/DataTable';
import { ACCOUNT_FIELDS, CONTACT_FIELDS, sourceText } from './accounts';
import { CaseDialog } from './CaseDialog';
import { casesColumns } from './CasesPage';
import { useRecord, useRecordList, useWho } from './hooks';
import { projectColumns } from './ProjectsPage';
import { CreateRecordDialog, EditRecordDialog } from './RecordDialogs';
import { RecordWork } from './RecordWork';

type Open = 'edit' | 'contact' | 'case' | null;

function Contacts({ contacts }: { contacts: ContactView[] }) {
  return (
    <DataTable
      testId="account-contact"
      rows={contacts}
      rowKey={(c) => c.id}
      empty="No contacts."
      columns={[
        { header: 'Name', cell: (c) => <><Link to={`/crm/contacts/${c.id}`}>{c.name}</Link>{c.primary && <span className="badge">primary</span>}</> },
        { header: 'Role', cell: (c) => c.role ?? '' },
        { header: 'Email', cell: (c) => c.email ?? '' },
        { header: 'Phone', cell: (c) => c.phone ?? '' },
      ]}
    />
  );
}

/** The account's opportunities (those the list serves that name this account). */
function Opportunities({ accountId }: { accountId: string }) {
  const list = useRecordList<OpportunityView>('opportunities', { accountId, size: 100 });
  const mine = (list.data?.items ?? []).filter((o) => o.accountId === accountId);
  if (list.error) return <p className="problem" role="alert">{errorMessage(list.error)}</p>;
  return (
    <DataTable
      testId="account-opportunity"
      rows={mine}
      rowKey={(o) => o.id}
      empty={list.isPending ? 'Loading…' : 'No opportunities.'}
      columns={[
        { header: 'Opportunity', cell: (o) => <Link to={`/crm/opportunities/${o.id}`}>{o.title}</Link> },
        { header: 'Pipeline', cell: (o) => o.pipelineName },
        { header: 'Stage', cell: (o) => o.stageName },
        { header: 'Status', cell: (o) => o.status.toLowerCase() },
        { header: 'Amount', cell: (o) => money(o.amount ?? o.monetaryValue) },
      ]}
    />
  );
}

function Cases({ accountId }: { accountId: string }) {
  const list = useRecordList<ServiceCase>('cases', { accountId, size: 50 });
  if (list.error) return <p className="problem" role="alert">{errorMessage(list.error)}</p>;
  return <DataTable testId="account-case" rows={list.data?.items ?? []} rowKey={(c) => c.id} empty={list.isPending ? 'Loading…' : 'No cases.'} columns={casesColumns.filter((c) => c.header !== 'Account')} />;
}

function Projects({ accountId }: { accountId: string }) {
  const list = useRecordList<Project>('projects', { accountId, size: 50 });
  if (list.error) return <p className="problem" role="alert">{errorMessage(list.error)}</p>;
  const rows = list.data?.items ?? [];
  if (rows.length === 0) return null;
  return (
    <>
      <h2>Projects</h2>
      <DataTable testId="account-project" rows={rows} rowKey={(p) => p.id} columns={projectColumns} />
    </>
  );
}

/** One account: its facts, contacts, opportunities, cases and projects, then tasks, activities and the timeline. */
export function AccountPage() {
  const id = useParams().id ?? '';
  const { canWriteCrm } = useAuth();
  const who = useWho();
  const record = useRecord<Account>('accounts', id);
  const account = record.data?.data;
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <section className="page crm-account">
      <p><Link to="/crm/accounts">← Accounts</Link></p>
      <div className="page-head">
        <h1>{account?.name ?? 'Account'}</h1>
        {account && <span className="badge">{account.type}</span>}
        {account && canWriteCrm && <button type="button" onClick={() => setOpen('edit')}>Edit</button>}
      </div>
      {record.error && <p className="problem" role="alert">{errorMessage(record.error)}</p>}
      {record.isPending && <p className="muted" role="status">Loading…</p>}
      {account && (
        <>
          <dl className="facts">
            <div><dt>Email</dt><dd>{account.email ?? '–'}</dd></div>
            <div><dt>Phone</dt><dd>{account.phone ?? '–'}</dd></div>
            <div><dt>Address</dt><dd>{addressLine(account) || '–'}</dd></div>
            <div><dt>Industry</dt><dd>{account.industry ?? '–'}</dd></div>
            <div><dt>Region</dt><dd>{account.region ?? '–'}</dd></div>
            <div><dt>Owner</dt><dd>{who(account.ownerId)}</dd></div>
            {account.parentId && <div><dt>Parent</dt><dd><Link to={`/crm/accounts/${account.parentId}`}>Parent account</Link></dd></div>}
            <div><dt>Source</dt><dd>{sourceText(account)}</dd></div>
            <div><dt>Created</dt><dd>{when(account.createdAt)}</dd></div>
          </dl>
          {account.source === 'servicetitan' && <p className="muted">Name and address are ServiceTitan's: its next change of the customer overwrites them.</p>}

          <div className="page-head section-head">
            <h2>Contacts</h2>
            {canWriteCrm && <button type="button" onClick={() => setOpen('contact')}>Add contact</button>}
          </div>
          <Contacts contacts={account.contacts ?? []} />

          <h2>Opportunities</h2>
          <Opportunities accountId={account.id} />

          <div className="page-head section-head">
            <h2>Cases</h2>
            {canWriteCrm && <button type="button" onClick={() => setOpen('case')}>New case</button>}
          </div>
          <Cases accountId={account.id} />

          <Projects accountId={account.id} />

          <RecordWork type="account" id={account.id} />
        </>
      )}
      {open === 'edit' && record.data && (
        <EditRecordDialog<Account> title={`Edit ${account?.name}`} plural="accounts" record={record.data} specs={ACCOUNT_FIELDS} keep={['parentId']} onClose={close} />
      )}
      {open === 'contact' && account && (
        <CreateRecordDialog<ContactView>
          title={`New contact at ${account.name}`}
          plural="contacts"
          specs={CONTACT_FIELDS}
          extra={{ accountId: account.id }}
          draftKey={`crm.contact.new.${account.id}`}
          onClose={close}
        />
      )}
      {open === 'case' && account && <CaseDialog account={account} onClose={close} />}
    </section>
  );
}
