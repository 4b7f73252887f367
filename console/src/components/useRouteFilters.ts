import { useSearchParams } from 'react-router';

/** Updates some search parameters of the route, dropping the empty ones (and the page, unless given). */
export function useRouteFilters(): [URLSearchParams, (changes: Record<string, string>) => void] {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string>) => setParams((current) => {
    const next = new URLSearchParams(current);
    if (!('page' in changes)) next.delete('page');
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value); else next.delete(name);
    }
    return next;
  }, { replace: true });
  return [params, update];
}
