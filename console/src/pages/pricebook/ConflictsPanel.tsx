import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '../../api/ApiProvider';
import { useAuth } from '../../auth/AuthProvider';
import { keys, pricebook } from '../../api/pricebook';
import { errorMessage } from '../../api/problem';
import type { CategoryConflict, ConflictSide, ConflictStrategy } from '../../api/types';

const TYPE_TEXT: Record<string, string> = {
  both_modified: 'Changed here and in ServiceTitan',
  local_deleted_st_modified: 'Deleted here, changed in ServiceTitan',
  st_deleted_local_modified: 'Deleted in ServiceTitan, changed here',
};

const STRATEGY_TEXT: Record<ConflictStrategy, string> = {
  keep_st: 'Keep ServiceTitan',
  keep_local: 'Keep local',
  manual: 'Handle manually',
};

function side(values: ConflictSide | null): string {
  if (!values) return 'deleted';
  if (values.localStatus === 'DELETED') return 'deleted';
  return [values.name, values.position !== null && values.position !== undefined ? `position ${values.position}` : null].filter(Boolean).join(', ');
}

/** Open and manual conflicts, each resolvable by keeping ServiceTitan's values, the local ones, or flagging it. */
export function ConflictsPanel() {
  const api = useApi();
  const { tenant, canWrite } = useAuth();
  const queries = useQueryClient();
  const conflicts = useQuery({ queryKey: keys.conflicts(tenant), queryFn: ({ signal }) => pricebook.conflicts(api, signal) });
  const resolve = useMutation({
    mutationFn: ({ conflict, strategy }: { conflict: CategoryConflict; strategy: ConflictStrategy }) => pricebook.resolve(api, conflict.id, strategy),
    onSuccess: (resolution, { strategy }) => {
      toast.success(`Conflict on “${resolution.item?.name ?? resolution.conflict.stId}”: ${STRATEGY_TEXT[strategy].toLowerCase()}`);
      void queries.invalidateQueries({ queryKey: [tenant, 'pricebook'] });
    },
    onError: (failure) => toast.error(errorMessage(failure)),
  });
  const items = conflicts.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="conflicts-title" data-testid="conflicts">
      <h2 id="conflicts-title">Conflicts <span className="badge">{conflicts.data?.count ?? '–'}</span></h2>
      {conflicts.error && <p className="problem" role="alert">{errorMessage(conflicts.error)}</p>}
      {items.length === 0 && !conflicts.isPending && <p className="muted">No conflicts.</p>}
      <ul className="conflicts">
        {items.map((conflict) => (
          <li key={conflict.id} data-testid="conflict" data-st-id={conflict.stId}>
            <div><strong>{conflict.local.name ?? conflict.st?.name ?? conflict.stId}</strong> — {TYPE_TEXT[conflict.type] ?? conflict.type}{conflict.status === 'manual' ? ' (flagged for manual handling)' : ''}</div>
            <div className="muted">Local: {side(conflict.local)} · ServiceTitan: {side(conflict.st)}</div>
            {canWrite && (
              <div className="buttons">
                {(['keep_st', 'keep_local', 'manual'] as ConflictStrategy[]).filter((s) => s !== 'manual' || conflict.status !== 'manual').map((strategy) => (
                  <button key={strategy} type="button" disabled={resolve.isPending} onClick={() => resolve.mutate({ conflict, strategy })}>
                    {STRATEGY_TEXT[strategy]}
                  </button>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
