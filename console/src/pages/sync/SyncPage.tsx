import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '../../api/ApiProvider';
import { useAuth } from '../../auth/AuthProvider';
import { keys, pricebook, syncs } from '../../api/pricebook';
import { errorMessage } from '../../api/problem';
import type { AutoFix, PushFailure, SyncRun, SyncType } from '../../api/types';

/** The syncs st-ingest runs, by their REST path (`/api/sync/{path}`). */
const RESOURCES = [
  { path: 'pricebook', label: 'Pricebook categories' },
  { path: 'pricebook/skus', label: 'Services, materials and equipment' },
  { path: 'crm', label: 'CRM (customers, jobs, appointments, estimates)' },
] as const;

const FIX_TEXT: Record<AutoFix, string> = {
  reparent: 'move it under the nearest ancestor still in ServiceTitan',
  recreate: 'create it again in ServiceTitan',
  drop_image: 'push it without the missing image',
  retry: 'push it again',
};

function seconds(ms: number | null): string {
  return ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`;
}

function when(instant: string | null): string {
  return instant ? new Date(instant).toLocaleString() : '–';
}

function RunRow({ run }: { run: SyncRun }) {
  return (
    <tr className={run.status === 'FAILED' ? 'failed' : undefined}>
      <td>{when(run.startedAt)}</td>
      <td>{run.syncType.toLowerCase()}</td>
      <td>{run.trigger.toLowerCase()}</td>
      <td>{run.status.toLowerCase()}</td>
      <td>{seconds(run.recordsPublishedMs)}</td>
      <td>{seconds(run.durationMs)}</td>
      <td>{run.rootCount}</td>
      <td>{run.subcategoryCount}</td>
      <td>{run.stCalls}</td>
      <td>{run.rateLimited}</td>
      <td className="error-cell">{run.error ?? ''}</td>
    </tr>
  );
}

function ResourceRuns({ path, label }: { path: string; label: string }) {
  const api = useApi();
  const { tenant, canWrite } = useAuth();
  const queries = useQueryClient();
  const status = useQuery({ queryKey: keys.syncStatus(tenant, path), queryFn: ({ signal }) => syncs.status(api, path, signal), refetchInterval: (q) => (q.state.data?.running ? 2000 : false) });
  const logs = useQuery({ queryKey: keys.syncLogs(tenant, path), queryFn: ({ signal }) => syncs.logs(api, path, 20, signal) });
  const start = useMutation({
    mutationFn: (type: SyncType) => syncs.start(api, path, type),
    onSuccess: () => {
      toast.info(`${label}: sync started`);
      void queries.invalidateQueries({ queryKey: [tenant, 'sync', path] });
    },
    onError: (failure) => toast.error(`${label}: ${errorMessage(failure)}`),
  });
  const running = status.data?.running;
  return (
    <section className="panel sync-resource" aria-labelledby={`sync-${path}`} data-testid={`sync-${path}`}>
      <div className="page-head">
        <h2 id={`sync-${path}`}>{label}</h2>
        {canWrite && (
          <div className="buttons">
            <button type="button" disabled={!!running || start.isPending} onClick={() => start.mutate('INCREMENTAL')}>Incremental</button>
            <button type="button" disabled={!!running || start.isPending} onClick={() => start.mutate('FULL')}>Full</button>
          </div>
        )}
      </div>
      {status.error && <p className="problem" role="alert">{errorMessage(status.error)}</p>}
      <p className="muted" role="status">
        {running ? `Running since ${when(running.startedAt)} (${running.syncType.toLowerCase()})`
          : status.data?.lastCompleted ? `Last completed ${when(status.data.lastCompleted.finishedAt)}` : 'Never synced'}
        {status.data?.cursor ? ` · next incremental from ${when(status.data.cursor)}` : ''}
      </p>
      <table>
        <caption className="visually-hidden">Runs of {label}, newest first</caption>
        <thead>
          <tr><th>Started</th><th>Type</th><th>Trigger</th><th>Status</th><th title="Until every record was out: for categories, the whole tree before its images">Records out</th><th>Duration</th><th>Roots / records</th><th>Subcategories</th><th>ST calls</th><th>429s</th><th>Error</th></tr>
        </thead>
        <tbody>
          {(logs.data?.items ?? []).map((run) => <RunRow key={run.syncRunId} run={run} />)}
        </tbody>
      </table>
      {logs.data && logs.data.items.length === 0 && <p className="muted">No runs yet.</p>}
    </section>
  );
}

function FailedPushes() {
  const api = useApi();
  const { tenant, canWrite } = useAuth();
  const queries = useQueryClient();
  const failures = useQuery({ queryKey: keys.errors(tenant), queryFn: ({ signal }) => pricebook.errors(api, signal) });
  const fix = useMutation({
    mutationFn: (failure: PushFailure) => pricebook.autoFix(api, failure.id),
    onSuccess: (result) => {
      toast.success(result.detail);
      void queries.invalidateQueries({ queryKey: [tenant, 'pricebook'] });
    },
    onError: (failure) => toast.error(`Auto-fix refused: ${errorMessage(failure)}`),
  });
  const items = failures.data ?? [];
  return (
    <section className="panel" aria-labelledby="failed-pushes" data-testid="failed-pushes">
      <h2 id="failed-pushes">Failed pushes <span className="badge">{items.length}</span></h2>
      {failures.error && <p className="problem" role="alert">{errorMessage(failures.error)}</p>}
      {items.length === 0 ? <p className="muted">No failed pushes.</p> : (
        <table>
          <thead>
            <tr><th>Category</th><th>Action</th><th>ServiceTitan</th><th>Message</th><th>Failed</th><th>Auto-fix would</th><th /></tr>
          </thead>
          <tbody>
            {items.map((failure) => (
              <tr key={failure.id}>
                <td>{failure.name} <span className="muted">({failure.stId})</span></td>
                <td>{failure.action.replace('_CATEGORY', '').toLowerCase()}</td>
                <td>{failure.stStatus ?? 'not reached'}</td>
                <td className="error-cell">{failure.message}</td>
                <td>{when(failure.failedAt)}</td>
                <td>{failure.fix ? FIX_TEXT[failure.fix] : 'nothing: fix it by hand'}</td>
                <td>{canWrite && failure.fix && <button type="button" disabled={fix.isPending} onClick={() => fix.mutate(failure)}>Auto-fix</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The developer dashboard: runs and logs of every sync, failed pushes and their auto-fix. */
export function SyncPage() {
  return (
    <section className="page sync">
      <h1>Sync and errors</h1>
      <FailedPushes />
      {RESOURCES.map((resource) => <ResourceRuns key={resource.path} {...resource} />)}
    </section>
  );
}
