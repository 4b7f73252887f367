import type { ApiClient } from './client';
import type {
  AutoFixResult, CategoryCreate, CategoryEdit, CategoryStats, CategoryTreeView, CategoryView, ConflictList,
  ConflictStrategy, Deletion, Page, PendingItems, PushFailure, PushStarted, PushStatus, Reorder, Resolution,
  SyncAccepted, SyncRun, SyncStatusView, SyncType, Upload,
} from './types';

/**
 * The pricebook endpoints of the gateway (pricebook-service, st-ingest-service for syncs, image-service
 * for uploads) and their TanStack Query keys. Every key starts with the tenant, so switching tenants
 * never shows another tenant's cache.
 */
export const keys = {
  all: (tenant: string) => [tenant] as const,
  roots: (tenant: string) => [tenant, 'pricebook', 'roots'] as const,
  stats: (tenant: string) => [tenant, 'pricebook', 'stats'] as const,
  tree: (tenant: string, rootStId: number) => [tenant, 'pricebook', 'tree', rootStId] as const,
  trees: (tenant: string) => [tenant, 'pricebook', 'tree'] as const,
  pending: (tenant: string) => [tenant, 'pricebook', 'pending'] as const,
  conflicts: (tenant: string) => [tenant, 'pricebook', 'conflicts'] as const,
  push: (tenant: string, pushId: string) => [tenant, 'pricebook', 'push', pushId] as const,
  errors: (tenant: string) => [tenant, 'pricebook', 'errors'] as const,
  syncStatus: (tenant: string, resource: string) => [tenant, 'sync', resource, 'status'] as const,
  syncLogs: (tenant: string, resource: string) => [tenant, 'sync', resource, 'logs'] as const,
};

const CATEGORIES = '/api/pricebook/categories';

export const pricebook = {
  /** Every active root (the API pages by at most 500; a tenant has a few dozen). */
  roots: (api: ApiClient, signal?: AbortSignal) =>
    api.get<Page<CategoryView>>(`${CATEGORIES}?size=500`, signal).then((page) => page.items),
  stats: (api: ApiClient, signal?: AbortSignal) => api.get<CategoryStats>(`${CATEGORIES}/stats`, signal),
  tree: (api: ApiClient, rootStId: number, signal?: AbortSignal) =>
    api.get<CategoryTreeView>(`${CATEGORIES}/${rootStId}/subcategories/tree`, signal),
  pending: (api: ApiClient, signal?: AbortSignal) => api.get<PendingItems>(`${CATEGORIES}/pending`, signal),
  override: (api: ApiClient, item: CategoryView, edit: CategoryEdit) =>
    api.post<CategoryView>(item.depth === 0 ? `${CATEGORIES}/${item.stId}/override`
      : `${CATEGORIES}/subcategories/${item.stId}/override`, edit),
  discard: (api: ApiClient, stId: number) => api.delete<CategoryView>(`${CATEGORIES}/${stId}/override`),
  reorder: (api: ApiClient, item: Pick<CategoryView, 'stId' | 'depth'>, reorder: Reorder) =>
    api.post<CategoryView>(item.depth === 0 ? `${CATEGORIES}/${item.stId}/reorder`
      : `${CATEGORIES}/subcategories/${item.stId}/reorder`, reorder),
  create: (api: ApiClient, parentStId: number, create: CategoryCreate) =>
    api.post<CategoryView>(`${CATEGORIES}/${parentStId}/subcategories`, create),
  remove: (api: ApiClient, stId: number) => api.delete<Deletion>(`${CATEGORIES}/subcategories/${stId}`),
  push: (api: ApiClient) => api.post<PushStarted>(`${CATEGORIES}/push`),
  pushStatus: (api: ApiClient, pushId: string, signal?: AbortSignal) =>
    api.get<PushStatus>(`${CATEGORIES}/pushes/${pushId}`, signal),
  errors: (api: ApiClient, signal?: AbortSignal) => api.get<PushFailure[]>(`${CATEGORIES}/errors`, signal),
  autoFix: (api: ApiClient, failureId: string) => api.post<AutoFixResult>(`${CATEGORIES}/errors/${failureId}/auto-fix`),
  conflicts: (api: ApiClient, signal?: AbortSignal) => api.get<ConflictList>('/api/sync/pricebook/conflicts', signal),
  resolve: (api: ApiClient, conflictId: string, strategy: ConflictStrategy) =>
    api.post<Resolution>(`/api/sync/pricebook/resolve-conflict/${conflictId}`, { strategy }),
};

export const syncs = {
  start: (api: ApiClient, resource: string, type: SyncType) =>
    api.post<SyncAccepted>(`/api/sync/${resource}/${type === 'FULL' ? 'full' : 'incremental'}`),
  status: (api: ApiClient, resource: string, signal?: AbortSignal) =>
    api.get<SyncStatusView>(`/api/sync/${resource}/status`, signal),
  run: (api: ApiClient, resource: string, runId: string, signal?: AbortSignal) =>
    api.get<SyncRun>(`/api/sync/${resource}/runs/${runId}`, signal),
  logs: (api: ApiClient, resource: string, size = 20, signal?: AbortSignal) =>
    api.get<Page<SyncRun>>(`/api/sync/${resource}/logs?size=${size}`, signal),
};

/** Image types and size image-service accepts (README, "Images"): checked here first for a quick answer. */
export const UPLOAD_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

export const images = {
  upload: (api: ApiClient, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.request<Upload>('/images/uploads', { method: 'POST', form });
  },
};
