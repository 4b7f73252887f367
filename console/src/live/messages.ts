import type { LiveEvent } from '../api/types';

/** What the console does with one WebSocket message: which caches to refresh and what to tell the user. */
export interface Reaction {
  /** Query key prefixes (after the tenant) to invalidate; `null` = everything. */
  refresh: string[][] | null;
  /** The toast's kind. */
  tone: 'info' | 'success' | 'error' | 'warning';
  /** A sentence for one event. */
  text: string;
  /** A sentence for `count` events of the same name arriving together. */
  many: (count: number) => string;
}

function str(value: unknown, fallback = ''): string {
  return value === null || value === undefined ? fallback : String(value);
}

function resource(data: Record<string, unknown>): string {
  const name = str(data.resource, 'pricebook');
  return name === 'pricebook' ? 'Pricebook' : name === 'pricebook.skus' ? 'Services, materials and equipment' : name === 'crm' ? 'CRM' : name;
}

const PRICEBOOK = [['pricebook']];
/** A CRM record's change shows on its page, the lists, the timelines and the boards. */
const CRM = [['crm']];
const SYNC_AND_PRICEBOOK = [['sync'], ['pricebook'], ['catalog']];
/** A job's change shows on its page, the lists, its customer's page and its technicians' availability. */
const FIELD_JOBS = [['field', 'jobs'], ['field', 'customers'], ['field', 'technicians']];

/** `ASSIGN_TECHNICIANS` → `assign technicians`. */
function action(data: Record<string, unknown>): string {
  return str(data.action, 'write').toLowerCase().replace(/_/g, ' ');
}

function job(data: Record<string, unknown>): string {
  return `Job ${str(data.jobNumber ?? data.jobId, '?')}`;
}

/** The reaction to a message of notification-service (docs/architecture.md, "WebSocket messages"). */
export function reactionTo(message: LiveEvent): Reaction {
  const data = message.data ?? {};
  switch (message.event) {
    case 'sync:started':
      return { refresh: [['sync']], tone: 'info', text: `${resource(data)} sync started (${str(data.syncType, 'full').toLowerCase()})`, many: (n) => `${n} syncs started` };
    case 'sync:completed':
      return { refresh: [...SYNC_AND_PRICEBOOK, ['crm'], ['field']], tone: 'success', text: `${resource(data)} sync completed`, many: (n) => `${n} syncs completed` };
    case 'sync:failed':
      return { refresh: [['sync']], tone: 'error', text: `${resource(data)} sync failed${data.error ? `: ${str(data.error)}` : ''}`, many: (n) => `${n} syncs failed` };
    case 'pricebook:categories:synced':
      return { refresh: PRICEBOOK, tone: 'success', text: 'Pricebook categories synced', many: (n) => `Pricebook categories synced (${n})` };
    case 'pricebook:categories:updated':
      return { refresh: PRICEBOOK, tone: 'info', text: `Category “${str(data.name, str(data.stId))}” ${changeVerb(data)}`, many: (n) => `${n} categories updated` };
    case 'pricebook:categories:pushed': {
      const failed = Number(data.failed ?? 0);
      return {
        refresh: PRICEBOOK,
        tone: failed > 0 ? 'warning' : 'success',
        text: `Pushed to ServiceTitan: ${str(data.success, '0')} succeeded, ${failed} failed`,
        many: (n) => `${n} pushes finished`,
      };
    }
    case 'pricebook:categories:conflict':
      return { refresh: PRICEBOOK, tone: 'warning', text: `Conflict on “${str(data.localName ?? data.stName, str(data.stId))}”: ServiceTitan changed it too`, many: (n) => `${n} new conflicts` };
    case 'crm:stage-moved':
      return { refresh: [['crm']], tone: 'info', text: `Opportunity moved to ${str(data.toStage, 'another stage')}`, many: (n) => `${n} opportunities moved` };
    case 'crm:lead-created':
      return { refresh: CRM, tone: 'info', text: `Lead “${str(data.name, 'new')}” created`, many: (n) => `${n} leads created` };
    case 'crm:lead-converted':
      return { refresh: CRM, tone: 'success', text: 'A lead was converted into an account, contact and opportunity', many: (n) => `${n} leads converted` };
    case 'crm:opportunity-won':
      return { refresh: CRM, tone: 'success', text: `Opportunity “${str(data.title, '?')}” won`, many: (n) => `${n} opportunities won` };
    case 'crm:opportunity-lost':
      return { refresh: CRM, tone: 'warning', text: `Opportunity “${str(data.title, '?')}” lost`, many: (n) => `${n} opportunities lost` };
    case 'crm:task-assigned':
      // Only the assignee's sessions hear it.
      return { refresh: CRM, tone: 'info', text: `Task assigned to you: ${str(data.title, 'a task')}`, many: (n) => `${n} tasks assigned to you` };
    case 'crm:case-opened':
      return {
        refresh: CRM,
        tone: 'info',
        text: `Case ${str(data.caseNumber, '?')} opened: ${str(data.subject, '')}`.trim(),
        many: (n) => `${n} cases opened`,
      };
    case 'customers:updated':
      return {
        refresh: [['field', 'customers']],
        tone: 'info',
        text: `Customer “${str(data.name, str(data.customerId))}” ${str(data.change, 'updated').toLowerCase()}`,
        many: (n) => `${n} customers updated`,
      };
    case 'jobs:updated':
      return { refresh: FIELD_JOBS, tone: 'info', text: `${job(data)} updated`, many: (n) => `${n} jobs updated` };
    case 'jobs:status-changed':
      return {
        refresh: FIELD_JOBS,
        tone: 'info',
        text: `${job(data)}: ${data.previousStatus ? `${str(data.previousStatus)} → ` : ''}${str(data.jobStatus, 'status changed')}`,
        many: (n) => `${n} jobs changed status`,
      };
    case 'jobs:assigned': {
      const technicians = Array.isArray(data.technicianIds) ? data.technicianIds.length : 0;
      return {
        refresh: FIELD_JOBS,
        tone: 'info',
        text: `${job(data)}: ${technicians === 1 ? '1 technician' : `${technicians} technicians`} assigned`,
        many: (n) => `${n} jobs got technicians`,
      };
    }
    case 'providers:changed': {
      const changed = Array.isArray(data.changed) ? data.changed.map(String) : [];
      return {
        refresh: [['field']],
        tone: 'warning',
        text: `Field providers changed${changed.length ? ` (${changed.join(', ')})` : ''}`,
        many: (n) => `Field providers changed ${n} times`,
      };
    }
    case 'field:command-completed': {
      const outcome = str(data.outcome, 'FAILED');
      return {
        refresh: [['field']],
        tone: outcome === 'SUCCEEDED' ? 'success' : 'error',
        text: outcome === 'SUCCEEDED' ? `ServiceTitan applied: ${action(data)}`
          : outcome === 'NOT_FOUND' ? `ServiceTitan did not find the record to ${action(data)}`
            : `ServiceTitan refused to ${action(data)}${data.error ? `: ${str(data.error)}` : ''}`,
        many: (n) => `ServiceTitan answered ${n} writes`,
      };
    }
    case 'resync':
      return { refresh: null, tone: 'warning', text: 'Missed updates while disconnected: refreshed everything', many: () => 'Refreshed everything' };
    default:
      return { refresh: null, tone: 'info', text: `Update: ${message.event}`, many: (n) => `${n} updates` };
  }
}

function changeVerb(data: Record<string, unknown>): string {
  const changes = Array.isArray(data.changes) ? data.changes.map(String) : [];
  if (changes.includes('deleted')) return 'deleted';
  if (changes.includes('created')) return 'created';
  if (changes.includes('pushed')) return 'pushed';
  if (changes.includes('parent')) return 'moved';
  return changes.length > 0 ? `updated (${changes.join(', ')})` : 'updated';
}

/** Whether a message is news to the user: `subscribed`, which opens every session that missed nothing, is not. */
export function isNews(message: LiveEvent): boolean {
  return message.event !== 'subscribed';
}

/** Parses a text frame; `null` for anything that is not a message object. */
export function parseMessage(text: string): LiveEvent | null {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && typeof (value as LiveEvent).event === 'string') {
      return value as LiveEvent;
    }
  } catch {
    // ignored: not JSON
  }
  return null;
}

/**
 * The WebSocket URL of the gateway for a token and tenant, resuming from `cursor` (the `cursor` of the last message
 * received) when given.
 */
export function socketUrl(location: Pick<Location, 'protocol' | 'host'>, token: string, tenant: string, cursor: string | null): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const query = new URLSearchParams({ access_token: token, tenant });
  if (cursor !== null) {
    query.set('cursor', cursor);
  }
  return `${scheme}://${location.host}/ws?${query.toString()}`;
}

/** Reconnect delay after `attempt` failures: 1 s doubling to 15 s. */
export function backoff(attempt: number): number {
  return Math.min(15_000, 1_000 * 2 ** Math.max(0, attempt));
}
