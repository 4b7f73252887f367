import type { ApiClient } from './client';
import type { ContactView, Distribution, OpportunityDetail, OpportunityView, Page, PipelineKey } from './types';

/** The CRM endpoints of the gateway (crm-pipeline-service) and their query keys. */
export const crmKeys = {
  distribution: (tenant: string) => [tenant, 'crm', 'distribution'] as const,
  opportunities: (tenant: string, pipeline: PipelineKey) => [tenant, 'crm', 'opportunities', pipeline] as const,
  opportunity: (tenant: string, id: string) => [tenant, 'crm', 'opportunity', id] as const,
  contacts: (tenant: string, search: string, page: number) => [tenant, 'crm', 'contacts', search, page] as const,
};

export const crm = {
  distribution: (api: ApiClient, signal?: AbortSignal) => api.get<Distribution>('/api/crm/sync/stats', signal),
  /** A pipeline's opportunities (500 at most: a board shows what fits; the counts come from the distribution). */
  opportunities: (api: ApiClient, pipeline: PipelineKey, signal?: AbortSignal) =>
    api.get<Page<OpportunityView>>(`/api/crm/opportunities?pipeline=${pipeline}&size=500`, signal).then((page) => page.items),
  opportunity: (api: ApiClient, id: string, signal?: AbortSignal) => api.get<OpportunityDetail>(`/api/crm/opportunities/${id}`, signal),
  move: (api: ApiClient, id: string, stage: string) =>
    api.request<OpportunityDetail>(`/api/crm/opportunities/${id}/stage`, { method: 'PUT', body: { stage } }),
  contacts: (api: ApiClient, search: string, page: number, signal?: AbortSignal) =>
    api.get<Page<ContactView>>(`/api/crm/contacts?size=50&page=${page}${search ? `&search=${encodeURIComponent(search)}` : ''}`, signal),
};

/** Stages a user may move to by hand (the rules enter the others; the service refuses what breaks them). */
export const MANUAL_STAGES = new Set(['ESTIMATE_FOLLOW_UP', 'PRE_INSTALL_PLANNING']);

export function money(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(value);
}
