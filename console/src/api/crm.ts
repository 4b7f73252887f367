import type { ApiClient, Versioned } from './client';
import { query } from './field';
import type {
  Activity, Conversion, Distribution, Lead, LineItem, LineItemEdit, OpportunityDetail, OpportunityView, Page,
  PipelineKey, Product, RelatedType, SearchResult, Task, TimelineEntry,
} from './types';

/** The CRM records with their own collection under `/api/crm` (the path segment of their routes). */
export type Plural = 'leads' | 'accounts' | 'contacts' | 'opportunities' | 'tasks' | 'activities' | 'projects' | 'cases';

/** A list's query parameters; empty ones are left out. */
export type Filter = Record<string, string | number | boolean | null | undefined>;

/**
 * The CRM endpoints of the gateway (crm-pipeline-service) and their query keys. Every key starts with the tenant,
 * then `crm`, so a live CRM message refreshes them all by prefix; a record's detail key is a prefix of what hangs off
 * it (its line items).
 */
export const crmKeys = {
  all: (tenant: string) => [tenant, 'crm'] as const,
  distribution: (tenant: string) => [tenant, 'crm', 'distribution'] as const,
  opportunities: (tenant: string, pipeline: PipelineKey) => [tenant, 'crm', 'opportunities', pipeline] as const,
  opportunity: (tenant: string, id: string) => [tenant, 'crm', 'opportunity', id] as const,
  lineItems: (tenant: string, id: string) => [tenant, 'crm', 'opportunity', id, 'line-items'] as const,
  list: (tenant: string, plural: Plural, filter: Filter) => [tenant, 'crm', plural, 'list', filter] as const,
  lists: (tenant: string, plural: Plural) => [tenant, 'crm', plural, 'list'] as const,
  record: (tenant: string, plural: Plural, id: string) => [tenant, 'crm', plural, 'detail', id] as const,
  timeline: (tenant: string, type: RelatedType, id: string, page: number) => [tenant, 'crm', 'timeline', type, id, page] as const,
  timelines: (tenant: string) => [tenant, 'crm', 'timeline'] as const,
  products: (tenant: string, q: string) => [tenant, 'crm', 'products', q] as const,
  search: (tenant: string, q: string) => [tenant, 'crm', 'search', q] as const,
};

const CRM = '/api/crm';

/** The collection of each related type (`/api/crm/{plural}`) and the console route of its records. */
export const PLURAL: Record<RelatedType, Plural> = {
  lead: 'leads',
  account: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
  project: 'projects',
  case: 'cases',
};

/** The console page of a record, or null for a type without one. */
export function routeOf(type: string | null | undefined, id: string | null | undefined): string | null {
  if (!type || !id || !(type in PLURAL)) return null;
  return `/crm/${PLURAL[type as RelatedType]}/${id}`;
}

/** The ETag to send as `If-Match`: the answer's header, else the version the record carries. */
export function etagOf(record: Versioned<{ version?: number } | undefined> | undefined): string | null {
  if (!record) return null;
  if (record.etag) return record.etag;
  const version = record.data?.version;
  return typeof version === 'number' ? `"${version}"` : null;
}

/** A list answer as a page, also when a service answers a bare array. */
function asPage<T>(answer: Page<T> | T[]): Page<T> {
  return Array.isArray(answer) ? { items: answer, page: 0, size: answer.length, totalItems: answer.length, totalPages: 1 } : answer;
}

export const crm = {
  distribution: (api: ApiClient, signal?: AbortSignal) => api.get<Distribution>(`${CRM}/sync/stats`, signal),
  /** A pipeline's opportunities (500 at most: a board shows what fits; the counts come from the distribution). */
  opportunities: (api: ApiClient, pipeline: PipelineKey, signal?: AbortSignal) =>
    api.get<Page<OpportunityView>>(`${CRM}/opportunities?pipeline=${pipeline}&size=500`, signal).then((page) => page.items),
  opportunity: (api: ApiClient, id: string, signal?: AbortSignal) =>
    api.versioned<OpportunityDetail>(`${CRM}/opportunities/${id}`, { signal }),
  move: (api: ApiClient, id: string, stage: string) =>
    api.request<OpportunityDetail>(`${CRM}/opportunities/${id}/stage`, { method: 'PUT', body: { stage } }),
  /** `PUT /api/crm/opportunities/{id}`: the full editable body, guarded by the ETag read. */
  updateOpportunity: (api: ApiClient, id: string, body: Record<string, unknown>, etag: string | null) =>
    api.versioned<unknown>(`${CRM}/opportunities/${id}`, { method: 'PUT', body, ifMatch: etag }),

  // ---- the records' uniform routes ----
  list: <T>(api: ApiClient, plural: Plural, filter: Filter, signal?: AbortSignal) =>
    api.get<Page<T> | T[]>(`${CRM}/${plural}${query(filter)}`, signal).then(asPage),
  get: <T>(api: ApiClient, plural: Plural, id: string, signal?: AbortSignal) =>
    api.versioned<T>(`${CRM}/${plural}/${id}`, { signal }),
  create: <T>(api: ApiClient, plural: Plural, body: unknown) =>
    api.versioned<T>(`${CRM}/${plural}`, { method: 'POST', body }),
  update: <T>(api: ApiClient, plural: Plural, id: string, body: unknown, etag: string | null) =>
    api.versioned<T>(`${CRM}/${plural}/${id}`, { method: 'PUT', body, ifMatch: etag }),
  remove: (api: ApiClient, plural: Plural, id: string, etag: string | null) =>
    api.request<void>(`${CRM}/${plural}/${id}`, { method: 'DELETE', ifMatch: etag }),

  // ---- what only some records have ----
  convert: (api: ApiClient, id: string, conversion: Conversion) =>
    api.versioned<Lead>(`${CRM}/leads/${id}/convert`, { method: 'POST', body: conversion }),
  completeTask: (api: ApiClient, id: string) => api.request<Task>(`${CRM}/tasks/${id}/complete`, { method: 'PUT' }),
  timeline: (api: ApiClient, type: RelatedType, id: string, page: number, size = 20, signal?: AbortSignal) =>
    api.get<Page<TimelineEntry>>(`${CRM}/${PLURAL[type]}/${id}/timeline${query({ page, size })}`, signal),
  logActivity: (api: ApiClient, activity: Partial<Activity>) => api.post<Activity>(`${CRM}/activities`, activity),
  updateMilestone: (api: ApiClient, projectId: string, milestoneId: string, body: { status: string; dueDate: string | null }) =>
    api.request<unknown>(`${CRM}/projects/${projectId}/milestones/${milestoneId}`, { method: 'PUT', body }),
  products: (api: ApiClient, q: string, signal?: AbortSignal) =>
    api.get<Page<Product> | Product[]>(`${CRM}/products${query({ q: q.trim(), size: 20 })}`, signal).then(asPage),
  lineItems: (api: ApiClient, opportunityId: string, signal?: AbortSignal) =>
    api.get<Page<LineItem> | LineItem[]>(`${CRM}/opportunities/${opportunityId}/line-items`, signal).then((answer) => asPage(answer).items),
  addLineItem: (api: ApiClient, opportunityId: string, item: LineItemEdit) =>
    api.post<LineItem>(`${CRM}/opportunities/${opportunityId}/line-items`, item),
  updateLineItem: (api: ApiClient, opportunityId: string, itemId: string, item: LineItemEdit) =>
    api.request<LineItem>(`${CRM}/opportunities/${opportunityId}/line-items/${itemId}`, { method: 'PUT', body: item }),
  removeLineItem: (api: ApiClient, opportunityId: string, itemId: string) =>
    api.delete<void>(`${CRM}/opportunities/${opportunityId}/line-items/${itemId}`),
  search: (api: ApiClient, q: string, signal?: AbortSignal) =>
    api.get<SearchResult>(`${CRM}/search${query({ q: q.trim(), size: 20 })}`, signal),
};

/** ServiceTitan's id of a product, whichever name the snapshot serves it under. */
export function productId(product: Product): number {
  return product.id ?? product.stId ?? 0;
}

/** Stages a user may move to by hand (the rules enter the others; the service refuses what breaks them). */
export const MANUAL_STAGES = new Set(['ESTIMATE_FOLLOW_UP', 'PRE_INSTALL_PLANNING']);

/** Whole dollars, for amounts at a glance. */
export function money(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(value);
}

/** Dollars and cents, for prices and line totals. */
export function cents(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** `follow_up` → `follow up`, `at_risk` → `at risk`. */
export function words(value: string | null | undefined): string {
  return value ? value.replace(/[_-]/g, ' ') : '';
}
