import type { FieldSpec } from '../../components/RecordForm';
import { ACCOUNT_TYPES } from './options';

/** What a user edits of an account (`parentId` is sent back unchanged). ServiceTitan's next change of a customer overwrites name and address. */
export const ACCOUNT_FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Name', required: true, maxLength: 200 },
  { name: 'type', label: 'Type', kind: 'select', options: ACCOUNT_TYPES },
  { name: 'industry', label: 'Industry', maxLength: 200 },
  { name: 'region', label: 'Region', maxLength: 200 },
  { name: 'email', label: 'Email', kind: 'email', maxLength: 200 },
  { name: 'phone', label: 'Phone', kind: 'tel', maxLength: 50 },
  { name: 'street', label: 'Street', maxLength: 200, wide: true },
  { name: 'city', label: 'City', maxLength: 200 },
  { name: 'state', label: 'State', maxLength: 50 },
  { name: 'zip', label: 'ZIP', maxLength: 20 },
  { name: 'ownerId', label: 'Owner (user id)', placeholder: 'Empty: you' },
];

export const CONTACT_FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Name', required: true, maxLength: 200, wide: true },
  { name: 'firstName', label: 'First name', maxLength: 200 },
  { name: 'lastName', label: 'Last name', maxLength: 200 },
  { name: 'email', label: 'Email', kind: 'email', maxLength: 200 },
  { name: 'phone', label: 'Phone', kind: 'tel', maxLength: 50 },
  { name: 'role', label: 'Role', maxLength: 200 },
  { name: 'primary', label: 'Primary contact', kind: 'checkbox' },
];

/** Where a record came from, for a list's column. */
export function sourceText(record: { source?: string | null; stCustomerId?: number | null }): string {
  if (record.stCustomerId !== null && record.stCustomerId !== undefined) return `ServiceTitan ${record.stCustomerId}`;
  return record.source === 'servicetitan' ? 'ServiceTitan' : 'Lazi';
}
