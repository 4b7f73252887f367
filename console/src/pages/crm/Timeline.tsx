import { useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { crm, crmKeys, routeOf, words } from '../../api/crm';
import { when } from '../../api/field';
import { errorMessage } from '../../api/problem';
import type { RelatedType } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { Pager } from '../../components/Pager';
import { useWho } from './hooks';

/** A record's timeline, newest first: activities, tasks, stage moves and ServiceTitan's facts, paged. */
export function Timeline({ type, id }: { type: RelatedType; id: string }) {
  const api = useApi();
  const { tenant } = useAuth();
  const who = useWho();
  const [page, setPage] = useState(0);
  const timeline = useQuery({
    queryKey: crmKeys.timeline(tenant, type, id, page),
    queryFn: ({ signal }) => crm.timeline(api, type, id, page, 20, signal),
    placeholderData: keepPreviousData,
  });
  const items = timeline.data?.items ?? [];
  return (
    <section aria-labelledby={`timeline-${id}`}>
      <h2 id={`timeline-${id}`}>Timeline</h2>
      {timeline.error && <p className="problem" role="alert">{errorMessage(timeline.error)}</p>}
      {timeline.isPending && <p className="muted" role="status">Loading…</p>}
      {timeline.data && items.length === 0 && <p className="muted">Nothing has happened yet.</p>}
      <ol className="timeline-list" data-testid="timeline">
        {items.map((entry, index) => {
          const to = entry.refId && !(entry.refType === type && entry.refId === id) ? routeOf(entry.refType, entry.refId) : null;
          return (
            <li key={`${entry.at}-${index}`} data-kind={entry.kind}>
              <span className="muted">{when(entry.at)}</span>{' '}
              <span className="badge">{words(entry.kind)}</span>{' '}
              {to ? <Link to={to}>{entry.title}</Link> : entry.title}
              {entry.detail && <span className="muted"> — {entry.detail}</span>}
              {entry.actor && <span className="muted"> · {who(entry.actor)}</span>}
            </li>
          );
        })}
      </ol>
      {timeline.data && <Pager page={page} totalPages={timeline.data.totalPages} onPage={setPage} />}
    </section>
  );
}
