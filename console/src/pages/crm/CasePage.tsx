import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { when } from '../../api/field';
import { errorMessage } from '../../api/problem';
import type { Account, ServiceCase } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { caseFields, slaState } from './cases';
import { useRecord, useWho } from './hooks';
import { EditRecordDialog } from './RecordDialogs';
import { RecordWork } from './RecordWork';
import { PriorityBadge } from './TaskTable';

/** One case: its SLA, account and contact, edit, then tasks, activities and timeline. */
export function CasePage() {
  const id = useParams().id ?? '';
  const { canWriteCrm } = useAuth();
  const who = useWho();
  const record = useRecord<ServiceCase>('cases', id);
  const item = record.data?.data;
  const account = useRecord<Account>('accounts', item?.accountId);
  const contacts = account.data?.data.contacts ?? [];
  const contact = contacts.find((c) => c.id === item?.contactId);
  const [editing, setEditing] = useState(false);
  const sla = item ? slaState(item) : null;
  return (
    <section className="page crm-case">
      <p><Link to="/crm/cases">← Cases</Link></p>
      <div className="page-head">
        <h1>{item ? `Case ${item.caseNumber}: ${item.subject}` : 'Case'}</h1>
        {item && <span className="badge" data-testid="case-status">{item.status}</span>}
        {sla && <span className={sla.className} data-testid="sla">{sla.text}</span>}
        {item && canWriteCrm && <button type="button" onClick={() => setEditing(true)}>Edit</button>}
      </div>
      {record.error && <p className="problem" role="alert">{errorMessage(record.error)}</p>}
      {record.isPending && <p className="muted" role="status">Loading…</p>}
      {item && (
        <>
          {item.description && <p className="summary">{item.description}</p>}
          <dl className="facts">
            <div><dt>Type</dt><dd>{item.type}</dd></div>
            <div><dt>Priority</dt><dd><PriorityBadge priority={item.priority} /></dd></div>
            <div><dt>SLA due</dt><dd>{when(item.slaDueAt)}</dd></div>
            {item.resolvedAt && <div><dt>Resolved</dt><dd>{when(item.resolvedAt)}</dd></div>}
            <div><dt>Account</dt><dd><Link to={`/crm/accounts/${item.accountId}`}>{account.data?.data.name ?? 'Account'}</Link></dd></div>
            <div><dt>Contact</dt><dd>{item.contactId ? <Link to={`/crm/contacts/${item.contactId}`}>{contact?.name ?? 'Contact'}</Link> : '–'}</dd></div>
            <div><dt>Owner</dt><dd>{who(item.ownerId)}</dd></div>
            <div><dt>Opened</dt><dd>{when(item.createdAt)}</dd></div>
          </dl>
          <RecordWork type="case" id={item.id} />
        </>
      )}
      {editing && record.data && (
        <EditRecordDialog<ServiceCase> title={`Edit case ${item?.caseNumber}`} plural="cases" record={record.data} specs={caseFields(contacts)} keep={['accountId']} onClose={() => setEditing(false)} />
      )}
    </section>
  );
}
