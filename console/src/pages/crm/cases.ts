import type { ContactView } from '../../api/types';
import type { FieldSpec } from '../../components/RecordForm';
import { CASE_STATUSES, CASE_TYPES, PRIORITIES } from './options';

/** A case's fields; the contact is one of its account's. */
export function caseFields(contacts: readonly ContactView[]): FieldSpec[] {
  return [
    { name: 'subject', label: 'Subject', required: true, maxLength: 200, wide: true },
    { name: 'type', label: 'Type', kind: 'select', options: CASE_TYPES },
    { name: 'priority', label: 'Priority', kind: 'select', options: PRIORITIES },
    { name: 'status', label: 'Status', kind: 'select', options: CASE_STATUSES },
    { name: 'contactId', label: 'Contact', kind: 'select', blank: 'None', options: contacts.map((c) => ({ value: c.id, label: c.name })) },
    { name: 'ownerId', label: 'Owner (user id)', placeholder: 'Empty: you' },
    { name: 'description', label: 'Description', kind: 'textarea', maxLength: 10_000 },
  ];
}

/** The SLA as a person reads it: when it is due, breached or met. */
export function slaState(c: { status: string; breached: boolean }): { text: string; className: string } | null {
  if (c.breached) return { text: 'SLA breached', className: 'badge badge-deleted' };
  if (c.status === 'resolved' || c.status === 'closed') return null;
  return { text: 'within SLA', className: 'badge badge-new' };
}
