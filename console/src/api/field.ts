import type { ApiClient } from './client';
import type {
  Assignment, Availability, BusinessUnit, CustomerDetail, FieldCommand, FieldCustomer, FieldJob, JobDetail, Page,
  ProviderSettings, Team, Technician, Written, Zone,
} from './types';

/**
 * The domain API v2 of field-service (`/api/v2`, docs/openapi/field-service.json) and its query keys. Every key
 * starts with the tenant, then `field`, so a live message of the field domains refreshes them all by prefix.
 */
export const fieldKeys = {
  all: (tenant: string) => [tenant, 'field'] as const,
  customers: (tenant: string) => [tenant, 'field', 'customers'] as const,
  customerList: (tenant: string, search: string, page: number) => [tenant, 'field', 'customers', 'list', search, page] as const,
  customer: (tenant: string, id: number) => [tenant, 'field', 'customers', 'detail', id] as const,
  jobs: (tenant: string) => [tenant, 'field', 'jobs'] as const,
  jobLists: (tenant: string) => [tenant, 'field', 'jobs', 'list'] as const,
  jobList: (tenant: string, filter: JobFilter) => [tenant, 'field', 'jobs', 'list', filter] as const,
  job: (tenant: string, id: number) => [tenant, 'field', 'jobs', 'detail', id] as const,
  technicians: (tenant: string) => [tenant, 'field', 'technicians'] as const,
  technicianList: (tenant: string, filter: TechnicianFilter) => [tenant, 'field', 'technicians', 'list', filter] as const,
  /** Every technician, active or not, for names. */
  technicianNames: (tenant: string) => [tenant, 'field', 'technicians', 'names'] as const,
  technician: (tenant: string, id: number) => [tenant, 'field', 'technicians', 'detail', id] as const,
  availability: (tenant: string, id: number, from: string, to: string) => [tenant, 'field', 'technicians', 'availability', id, from, to] as const,
  teams: (tenant: string) => [tenant, 'field', 'teams'] as const,
  zones: (tenant: string) => [tenant, 'field', 'zones'] as const,
  businessUnits: (tenant: string) => [tenant, 'field', 'business-units'] as const,
  command: (tenant: string, id: string) => [tenant, 'field', 'commands', id] as const,
  providers: (tenant: string) => [tenant, 'field', 'providers'] as const,
};

export interface JobFilter {
  customerId?: number;
  technicianId?: number;
  status?: string;
  q?: string;
  page?: number;
  size?: number;
}

export interface TechnicianFilter {
  active?: boolean;
  teamId?: number;
  businessUnitId?: number;
  q?: string;
  page?: number;
  size?: number;
}

const V2 = '/api/v2';

/** `?a=1&b=x` of the given parameters, leaving out the empty ones; '' when none. */
export function query(params: Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value) search.append(name, String(item));
    } else {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const field = {
  customers: (api: ApiClient, search: string, page: number, size = 50, signal?: AbortSignal) =>
    api.get<Page<FieldCustomer>>(`${V2}/customers${query({ q: search.trim(), page, size })}`, signal),
  customer: (api: ApiClient, id: number, signal?: AbortSignal) => api.get<CustomerDetail>(`${V2}/customers/${id}`, signal),
  jobs: (api: ApiClient, filter: JobFilter, signal?: AbortSignal) =>
    api.get<Page<FieldJob>>(`${V2}/jobs${query({ ...filter, q: filter.q?.trim() })}`, signal),
  job: (api: ApiClient, id: number, signal?: AbortSignal) => api.get<JobDetail>(`${V2}/jobs/${id}`, signal),
  /** 200 `applied` with the job for a Lazi-owned job; 202 `sent` with the command for a ServiceTitan one. */
  assign: (api: ApiClient, jobId: number, assignment: Assignment) =>
    api.post<Written<JobDetail>>(`${V2}/jobs/${jobId}/technicians`, assignment),
  unassign: (api: ApiClient, jobId: number, technicianIds: number[], appointmentId?: number) =>
    api.delete<Written<JobDetail>>(`${V2}/jobs/${jobId}/technicians${query({ technicianIds, appointmentId })}`),
  technicians: (api: ApiClient, filter: TechnicianFilter, signal?: AbortSignal) =>
    api.get<Page<Technician>>(`${V2}/technicians${query({ ...filter, q: filter.q?.trim() })}`, signal),
  technician: (api: ApiClient, id: number, signal?: AbortSignal) => api.get<Technician>(`${V2}/technicians/${id}`, signal),
  /** Free, busy and time off between two instants (at most 31 days apart). */
  availability: (api: ApiClient, id: number, from: string, to: string, signal?: AbortSignal) =>
    api.get<Availability>(`${V2}/technicians/${id}/availability${query({ from, to })}`, signal),
  teams: (api: ApiClient, signal?: AbortSignal) => api.get<Team[]>(`${V2}/teams`, signal),
  zones: (api: ApiClient, signal?: AbortSignal) => api.get<Zone[]>(`${V2}/zones`, signal),
  businessUnits: (api: ApiClient, signal?: AbortSignal) => api.get<BusinessUnit[]>(`${V2}/business-units`, signal),
  command: (api: ApiClient, id: string, signal?: AbortSignal) => api.get<FieldCommand>(`${V2}/commands/${id}`, signal),
  providers: (api: ApiClient, signal?: AbortSignal) => api.get<ProviderSettings>(`${V2}/providers`, signal),
  /** Needs `settings:write` (OWNER, ADMIN); a switch to `lazi` copies ServiceTitan's records into Lazi. */
  switchProviders: (api: ApiClient, providers: Record<string, string>) =>
    api.request<ProviderSettings>(`${V2}/providers`, { method: 'PUT', body: providers }),
};

/** ServiceTitan's job statuses (field-service filters on them as given). */
export const JOB_STATUSES = ['Scheduled', 'Dispatched', 'InProgress', 'Working', 'Hold', 'Completed', 'Canceled'] as const;

export const DOMAINS = ['customers', 'jobs', 'technicians', 'estimates'] as const;
export const PROVIDERS = ['servicetitan', 'lazi', 'hybrid'] as const;

export const PROVIDER_TEXT: Record<string, string> = {
  servicetitan: 'ServiceTitan',
  lazi: 'Lazi',
  hybrid: 'Hybrid',
};

/** One line of an address, without the empty parts. */
export function addressLine(address: { street?: string | null; unit?: string | null; city?: string | null; state?: string | null; zip?: string | null } | null | undefined): string {
  if (!address) return '';
  const street = [address.street, address.unit].filter(Boolean).join(' ');
  return [street, address.city, [address.state, address.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

export function when(instant: string | null | undefined): string {
  return instant ? new Date(instant).toLocaleString() : '–';
}

/** `09:00–12:30` of an interval, in the browser's time zone. */
export function timeRange(start: string, end: string): string {
  const format = (instant: string) => new Date(instant).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return `${format(start)}–${format(end)}`;
}

/** `3 h 30 min`, `45 min`, `0 min`. */
export function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** The local day holding `instant`: its start and the next day's start, as ISO instants. */
export function dayOf(instant: string | Date): { from: string; to: string } {
  const start = new Date(instant);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** Minutes of the free intervals between `from` and `to`. */
export function freeMinutesWithin(free: { start: string; end: string }[], from: string, to: string): number {
  const lo = Date.parse(from);
  const hi = Date.parse(to);
  return free.reduce((sum, interval) => {
    const start = Math.max(lo, Date.parse(interval.start));
    const end = Math.min(hi, Date.parse(interval.end));
    return end > start ? sum + (end - start) / 60_000 : sum;
  }, 0);
}
