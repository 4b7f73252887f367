import type { FieldSpec } from '../../components/RecordForm';
import { LEAD_EDIT_STATUSES, LEAD_SOURCES } from './options';

/** What a user edits of a lead (`score` is analytics', sent back unchanged). */
export const LEAD_FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Name', required: true, maxLength: 200 },
  { name: 'company', label: 'Company', maxLength: 200 },
  { name: 'email', label: 'Email', kind: 'email', maxLength: 200 },
  { name: 'phone', label: 'Phone', kind: 'tel', maxLength: 50 },
  { name: 'street', label: 'Street', maxLength: 200, wide: true },
  { name: 'city', label: 'City', maxLength: 200 },
  { name: 'state', label: 'State', maxLength: 50 },
  { name: 'zip', label: 'ZIP', maxLength: 20 },
  { name: 'source', label: 'Source', kind: 'select', options: LEAD_SOURCES },
  { name: 'status', label: 'Status', kind: 'select', options: LEAD_EDIT_STATUSES },
  { name: 'estimatedValue', label: 'Estimated value ($)', kind: 'number', min: 0 },
  { name: 'ownerId', label: 'Owner (user id)', placeholder: 'Empty: you' },
];

export function statusBadge(status: string): string {
  switch (status) {
    case 'converted':
    case 'qualified':
      return 'badge badge-new';
    case 'unqualified':
      return 'badge badge-deleted';
    case 'contacted':
      return 'badge badge-pending';
    default:
      return 'badge';
  }
}
