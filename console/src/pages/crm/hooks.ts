import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { crm, crmKeys, type Filter, type Plural } from '../../api/crm';
import { useAuth } from '../../auth/AuthProvider';

/** One record with its ETag (`GET /api/crm/{plural}/{id}`). */
export function useRecord<T>(plural: Plural, id: string | null | undefined) {
  const api = useApi();
  const { tenant } = useAuth();
  return useQuery({
    queryKey: crmKeys.record(tenant, plural, id ?? ''),
    queryFn: ({ signal }) => crm.get<T>(api, plural, id!, signal),
    enabled: Boolean(id),
  });
}

/** A page of records (`GET /api/crm/{plural}?…`); the previous page stays shown while the next loads. */
export function useRecordList<T>(plural: Plural, filter: Filter, enabled = true) {
  const api = useApi();
  const { tenant } = useAuth();
  return useQuery({
    queryKey: crmKeys.list(tenant, plural, filter),
    queryFn: ({ signal }) => crm.list<T>(api, plural, filter, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A user id (token `sub`) for people: `you` for the signed-in user. */
export function useWho(): (id: string | null | undefined) => string {
  const { claims } = useAuth();
  return (id) => (!id ? '–' : id === claims.subject ? 'you' : id);
}

/** A day (`2026-06-10`) in the browser's format. */
export function day(date: string | null | undefined): string {
  if (!date) return '–';
  const parsed = new Date(`${date}T00:00:00`);
  return Number.isNaN(parsed.getTime()) ? date : parsed.toLocaleDateString();
}

/** The page number in the route (`?page=`), 0 when absent. */
export function pageOf(params: URLSearchParams): number {
  return Number(params.get('page') ?? '0') || 0;
}
