import { useState } from 'react';
import { ApiError, errorMessage, STALE_MESSAGE } from '../api/problem';

/**
 * Why a change was refused. A 412 (someone else changed the record since it was read) offers to read it again.
 */
export function SaveProblem({ error, onReload }: { error: unknown; onReload?: () => unknown }) {
  const [reloading, setReloading] = useState(false);
  if (error instanceof ApiError && error.status === 412) {
    return (
      <div className="problem stale" role="alert" data-testid="stale">
        <p>{STALE_MESSAGE}</p>
        {onReload && (
          <button type="button" disabled={reloading} onClick={async () => {
            setReloading(true);
            try {
              await onReload();
            } finally {
              setReloading(false);
            }
          }}>{reloading ? 'Reloading…' : 'Reload'}</button>
        )}
      </div>
    );
  }
  return <p className="problem" role="alert">{errorMessage(error)}</p>;
}
