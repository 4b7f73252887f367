import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { addressLine, when } from '../../api/field';
import { errorMessage } from '../../api/problem';
import type { Account, ContactView } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { CONTACT_FIELDS, sourceText } from './accounts';
import { useRecord } from './hooks';
import { EditRecordDialog } from './RecordDialogs';
import { RecordWork } from './RecordWork';

/** One contact: who they are, their account, then tasks, activities and timeline. */
export function ContactPage() {
  const id = useParams().id ?? '';
  const { canWriteCrm } = useAuth();
  const record = useRecord<ContactView>('contacts', id);
  const contact = record.data?.data;
  const account = useRecord<Account>('accounts', contact?.accountId);
  const [editing, setEditing] = useState(false);
  return (
    <section className="page crm-contact">
      <p><Link to="/crm/contacts">← Contacts</Link></p>
      <div className="page-head">
        <h1>{contact?.name ?? 'Contact'}</h1>
        {contact?.primary && <span className="badge">primary</span>}
        {contact && canWriteCrm && <button type="button" onClick={() => setEditing(true)}>Edit</button>}
      </div>
      {record.error && <p className="problem" role="alert">{errorMessage(record.error)}</p>}
      {record.isPending && <p className="muted" role="status">Loading…</p>}
      {contact && (
        <>
          <dl className="facts">
            <div><dt>Account</dt><dd>{contact.accountId ? <Link to={`/crm/accounts/${contact.accountId}`}>{account.data?.data.name ?? 'Account'}</Link> : '–'}</dd></div>
            <div><dt>Role</dt><dd>{contact.role ?? '–'}</dd></div>
            <div><dt>Email</dt><dd>{contact.email ?? '–'}</dd></div>
            <div><dt>Phone</dt><dd>{contact.phone ?? '–'}</dd></div>
            {addressLine(contact) && <div><dt>Address</dt><dd>{addressLine(contact)}</dd></div>}
            <div><dt>Source</dt><dd>{sourceText(contact)}</dd></div>
            {contact.createdAt && <div><dt>Created</dt><dd>{when(contact.createdAt)}</dd></div>}
          </dl>
          <RecordWork type="contact" id={contact.id} />
        </>
      )}
      {editing && record.data && (
        <EditRecordDialog<ContactView> title={`Edit ${contact?.name}`} plural="contacts" record={record.data} specs={CONTACT_FIELDS} keep={['accountId']} onClose={() => setEditing(false)} />
      )}
    </section>
  );
}
