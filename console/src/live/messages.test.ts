import { describe, expect, it } from 'vitest';
import { backoff, isNews, parseMessage, reactionTo, socketUrl } from './messages';

describe('live messages', () => {
  it('builds the handshake URL with token, tenant and the cursor to resume from', () => {
    expect(socketUrl({ protocol: 'https:', host: 'lazi.example' }, 't', '1', 'pricebook.changed/0:12,sync.events/0:3'))
      .toBe('wss://lazi.example/ws?access_token=t&tenant=1&cursor=pricebook.changed%2F0%3A12%2Csync.events%2F0%3A3');
    expect(socketUrl({ protocol: 'http:', host: 'localhost:8080' }, 't', '1', null)).toBe('ws://localhost:8080/ws?access_token=t&tenant=1');
  });

  it('refreshes everything on resync', () => {
    expect(reactionTo({ event: 'resync', data: { cursor: 'x' }, cursor: 'sync.events/0:4' }).refresh).toBeNull();
  });

  it('keeps the message that opens a session from the user but resumes from its cursor', () => {
    expect(isNews({ event: 'subscribed', data: { resumed: false }, cursor: 'sync.events/0:4' })).toBe(false);
    expect(isNews({ event: 'resync', data: {}, cursor: 'sync.events/0:4' })).toBe(true);
    expect(isNews({ event: 'sync:started', data: {}, id: 'e-1', cursor: 'sync.events/0:5' })).toBe(true);
  });

  it('words a push result', () => {
    const reaction = reactionTo({ event: 'pricebook:categories:pushed', data: { success: 3, failed: 1 } });
    expect(reaction.text).toBe('Pushed to ServiceTitan: 3 succeeded, 1 failed');
    expect(reaction.tone).toBe('warning');
  });

  it('refreshes the field caches a field message touches and words the outcome of a ServiceTitan command', () => {
    expect(reactionTo({ event: 'jobs:assigned', data: { jobId: 7, technicianIds: [1, 2] } })).toMatchObject({
      refresh: [['field', 'jobs'], ['field', 'customers'], ['field', 'technicians']],
      text: 'Job 7: 2 technicians assigned',
    });
    expect(reactionTo({ event: 'jobs:status-changed', data: { jobId: 7, previousStatus: 'Scheduled', jobStatus: 'Hold' } }).text).toBe('Job 7: Scheduled → Hold');
    expect(reactionTo({ event: 'customers:updated', data: { customerId: 3, name: 'Ann Lee', change: 'created' } })).toMatchObject({
      refresh: [['field', 'customers']],
      text: 'Customer “Ann Lee” created',
    });
    expect(reactionTo({ event: 'providers:changed', data: { changed: ['jobs'] } })).toMatchObject({ refresh: [['field']], text: 'Field providers changed (jobs)' });
    const done = reactionTo({ event: 'field:command-completed', data: { commandId: 'c-1', action: 'ASSIGN_TECHNICIANS', outcome: 'SUCCEEDED' } });
    expect(done).toMatchObject({ refresh: [['field']], tone: 'success', text: 'ServiceTitan applied: assign technicians' });
    const failed = reactionTo({ event: 'field:command-completed', data: { action: 'ASSIGN_TECHNICIANS', outcome: 'FAILED', error: 'Technician is off' } });
    expect(failed).toMatchObject({ tone: 'error', text: 'ServiceTitan refused to assign technicians: Technician is off' });
  });

  it('refreshes the CRM on its records\' messages and tells the assignee of a task', () => {
    expect(reactionTo({ event: 'crm:task-assigned', data: { taskId: 't-1', title: 'Call Ann back', assigneeId: 'admin@3222348440' } })).toMatchObject({
      refresh: [['crm']],
      text: 'Task assigned to you: Call Ann back',
    });
    expect(reactionTo({ event: 'crm:lead-created', data: { name: 'Ann Lee' } })).toMatchObject({ refresh: [['crm']], text: 'Lead “Ann Lee” created' });
    expect(reactionTo({ event: 'crm:opportunity-won', data: { title: 'Pool heater' } })).toMatchObject({ tone: 'success', text: 'Opportunity “Pool heater” won' });
    expect(reactionTo({ event: 'crm:opportunity-lost', data: { title: 'Pool heater' } }).tone).toBe('warning');
    expect(reactionTo({ event: 'crm:case-opened', data: { caseNumber: 7, subject: 'Leaking pump' } }).text).toBe('Case 7 opened: Leaking pump');
    expect(reactionTo({ event: 'crm:lead-converted', data: {} }).refresh).toEqual([['crm']]);
  });

  it('ignores frames that are not messages', () => {
    expect(parseMessage('nope')).toBeNull();
    expect(parseMessage('{"event":"sync:started","data":{}}')?.event).toBe('sync:started');
  });

  it('backs off up to 15 seconds', () => {
    expect(backoff(0)).toBe(1000);
    expect(backoff(10)).toBe(15000);
  });
});
