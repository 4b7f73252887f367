import type { Option } from '../../components/RecordForm';

/** The wire values of the CRM records' enums (crm-design.md), in the order a user picks them. */
export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'unqualified', 'converted'] as const;
/** What a user may set: `converted` only comes from converting. */
export const LEAD_EDIT_STATUSES = ['new', 'contacted', 'qualified', 'unqualified'] as const;
export const LEAD_SOURCES = ['website', 'referral', 'phone', 'social', 'email', 'event', 'other'] as const;
export const ACCOUNT_TYPES = ['residential', 'commercial'] as const;
export const TASK_TYPES: Option[] = [
  { value: 'to_do', label: 'to-do' },
  { value: 'call', label: 'call' },
  { value: 'email', label: 'email' },
  { value: 'meeting', label: 'meeting' },
  { value: 'follow_up', label: 'follow-up' },
];
export const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export const ACTIVITY_TYPES = ['call', 'email', 'meeting', 'note'] as const;
export const PROJECT_STATUSES: Option[] = [
  { value: 'active', label: 'active' },
  { value: 'on_hold', label: 'on hold' },
  { value: 'completed', label: 'completed' },
  { value: 'cancelled', label: 'cancelled' },
];
export const HEALTHS: Option[] = [
  { value: 'healthy', label: 'healthy' },
  { value: 'at_risk', label: 'at risk' },
  { value: 'critical', label: 'critical' },
];
export const MILESTONE_STATUSES: Option[] = [
  { value: 'pending', label: 'pending' },
  { value: 'in_progress', label: 'in progress' },
  { value: 'done', label: 'done' },
  { value: 'skipped', label: 'skipped' },
];
export const CASE_TYPES = ['warranty', 'complaint', 'question'] as const;
export const CASE_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export const PIPELINES: Option[] = [
  { value: 'SALES', label: 'Sales' },
  { value: 'INSTALL', label: 'Install' },
];
