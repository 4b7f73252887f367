import { useAuth } from '../../auth/AuthProvider';
import type { FieldSpec } from '../../components/RecordForm';
import type { RelatedType, Task } from '../../api/types';
import { PRIORITIES, TASK_TYPES } from './options';
import { CreateRecordDialog } from './RecordDialogs';

export const TASK_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Title', required: true, maxLength: 200, wide: true },
  { name: 'type', label: 'Type', kind: 'select', options: TASK_TYPES },
  { name: 'priority', label: 'Priority', kind: 'select', options: PRIORITIES },
  { name: 'dueAt', label: 'Due', kind: 'datetime' },
  { name: 'assigneeId', label: 'Assignee (user id)', placeholder: 'Empty: nobody' },
  { name: 'description', label: 'Description', kind: 'textarea', maxLength: 10_000 },
];

/** The browser's IANA time zone, the one a due time typed here is meant in. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A new task, assigned to the user unless changed, about `related` when given. */
export function TaskDialog({ related, onClose }: { related?: { type: RelatedType; id: string }; onClose(): void }) {
  const { claims } = useAuth();
  return (
    <CreateRecordDialog<Task>
      title={related ? `New task about this ${related.type}` : 'New task'}
      plural="tasks"
      specs={TASK_FIELDS}
      defaults={{ type: 'to_do', priority: 'medium', assigneeId: claims.subject }}
      extra={{ timeZone: browserTimeZone(), relatedType: related?.type ?? null, relatedId: related?.id ?? null }}
      draftKey={`crm.task.new.${related?.id ?? 'none'}`}
      onClose={onClose}
    />
  );
}
