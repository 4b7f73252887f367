import { words } from '../../api/crm';
import type { Health, Project } from '../../api/types';
import type { FieldSpec } from '../../components/RecordForm';
import { PROJECT_STATUSES } from './options';

export const PROJECT_FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Name', required: true, maxLength: 200, wide: true },
  { name: 'status', label: 'Status', kind: 'select', options: PROJECT_STATUSES },
];

const HEALTH_CLASS: Record<Health, string> = {
  healthy: 'badge badge-new',
  at_risk: 'badge badge-pending',
  critical: 'badge badge-deleted',
};

/** Healthy (green), at risk (amber) or critical (red): from overdue milestones and stale activity. */
export function HealthBadge({ health }: { health: Health | string }) {
  return <span className={HEALTH_CLASS[health as Health] ?? 'badge'} data-testid="health">{words(health)}</span>;
}

/** `3 of 5 done` (skipped ones count as done). */
export function progress(project: Project): string {
  const milestones = project.milestones ?? [];
  const done = milestones.filter((m) => m.status === 'done' || m.status === 'skipped').length;
  return `${done} of ${milestones.length} done`;
}
