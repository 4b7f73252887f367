import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { crm, crmKeys, routeOf } from '../../api/crm';
import { errorMessage } from '../../api/problem';
import { useAuth } from '../../auth/AuthProvider';
import { useDebounced } from '../../components/useDebounced';

/** One search across accounts, contacts, leads and opportunities (`GET /api/crm/search?q=`), ranked, linking to each. */
export function GlobalSearch() {
  const api = useApi();
  const { tenant } = useAuth();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const found = useQuery({ queryKey: crmKeys.search(tenant, q), queryFn: ({ signal }) => crm.search(api, q, signal), enabled: q.length > 0 });
  const items = found.data?.items ?? [];
  const shown = text.trim().length > 0 && q.length > 0;
  return (
    <div className="global-search" role="search">
      <input type="search" aria-label="Search the CRM" placeholder="Search accounts, contacts, leads, opportunities" value={text}
        onChange={(e) => setText(e.target.value)} onKeyDown={(e) => { if (e.key === 'Escape') setText(''); }} />
      {shown && (
        <div className="search-results" data-testid="search-results">
          {found.error && <p className="problem" role="alert">{errorMessage(found.error)}</p>}
          {found.isPending && <p className="muted" role="status">Searching…</p>}
          {found.data && items.length === 0 && <p className="muted">Nothing found for “{q}”.</p>}
          {items.length > 0 && (
            <ul>
              {items.map((hit) => (
                <li key={`${hit.type}-${hit.id}`}>
                  <Link to={routeOf(hit.type, hit.id) ?? '/crm'} onClick={() => setText('')}>
                    <span className="badge">{hit.type}</span> {hit.title}
                  </Link>
                  {hit.subtitle && <span className="muted"> {hit.subtitle}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
