import type { Activity, RelatedType } from '../../api/types';
import type { FieldSpec } from '../../components/RecordForm';
import { ACTIVITY_TYPES } from './options';
import { CreateRecordDialog } from './RecordDialogs';

export const ACTIVITY_FIELDS: FieldSpec[] = [
  { name: 'type', label: 'Type', kind: 'select', options: ACTIVITY_TYPES },
  { name: 'subject', label: 'Subject', maxLength: 200 },
  { name: 'occurredAt', label: 'When (empty: now)', kind: 'datetime' },
  { name: 'durationMinutes', label: 'Duration (minutes)', kind: 'number', min: 0 },
  { name: 'outcome', label: 'Outcome', maxLength: 200, wide: true },
  { name: 'body', label: 'Notes', kind: 'textarea', maxLength: 10_000 },
];

/** Logs a call, email, meeting or note about a record (`POST /api/crm/activities`); it shows on the timeline. */
export function ActivityDialog({ related, onClose }: { related: { type: RelatedType; id: string }; onClose(): void }) {
  return (
    <CreateRecordDialog<Activity>
      title={`Log an activity on this ${related.type}`}
      plural="activities"
      specs={ACTIVITY_FIELDS}
      defaults={{ type: 'call' }}
      extra={{ relatedType: related.type, relatedId: related.id }}
      draftKey={`crm.activity.new.${related.id}`}
      submitLabel="Log activity"
      doneText="Activity logged"
      onClose={onClose}
    />
  );
}
