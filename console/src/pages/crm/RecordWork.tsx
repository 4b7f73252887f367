import { useState } from 'react';
import { errorMessage } from '../../api/problem';
import type { RelatedType, Task } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { ActivityDialog } from './ActivityDialog';
import { useRecordList } from './hooks';
import { TaskDialog } from './TaskDialog';
import { TaskTable } from './TaskTable';
import { Timeline } from './Timeline';

/** What every record's page ends with: its tasks (new, complete), logging an activity, and its timeline. */
export function RecordWork({ type, id }: { type: RelatedType; id: string }) {
  const { canWriteCrm } = useAuth();
  const [open, setOpen] = useState<'task' | 'activity' | null>(null);
  const tasks = useRecordList<Task>('tasks', { relatedType: type, relatedId: id, size: 50 });
  return (
    <>
      <div className="page-head section-head">
        <h2>Tasks</h2>
        {canWriteCrm && (
          <div className="buttons">
            <button type="button" onClick={() => setOpen('task')}>New task</button>
            <button type="button" onClick={() => setOpen('activity')}>Log activity</button>
          </div>
        )}
      </div>
      {tasks.error && <p className="problem" role="alert">{errorMessage(tasks.error)}</p>}
      {tasks.data && <TaskTable tasks={tasks.data.items} related={false} empty="No tasks about it." />}
      <Timeline type={type} id={id} />
      {open === 'task' && <TaskDialog related={{ type, id }} onClose={() => setOpen(null)} />}
      {open === 'activity' && <ActivityDialog related={{ type, id }} onClose={() => setOpen(null)} />}
    </>
  );
}
