import { describe, expect, it } from 'vitest';
import { backoff, parseMessage, reactionTo, socketUrl } from './messages';

describe('live messages', () => {
  it('builds the handshake URL with token, tenant and the last event', () => {
    expect(socketUrl({ protocol: 'https:', host: 'lazi.example' }, 't', '1', 'e-9'))
      .toBe('wss://lazi.example/ws?access_token=t&tenant=1&lastEventId=e-9');
    expect(socketUrl({ protocol: 'http:', host: 'localhost:8080' }, 't', '1', null)).toBe('ws://localhost:8080/ws?access_token=t&tenant=1');
  });

  it('refreshes everything on resync', () => {
    expect(reactionTo({ event: 'resync', data: { lastEventId: 'x' } }).refresh).toBeNull();
  });

  it('words a push result', () => {
    const reaction = reactionTo({ event: 'pricebook:categories:pushed', data: { success: 3, failed: 1 } });
    expect(reaction.text).toBe('Pushed to ServiceTitan: 3 succeeded, 1 failed');
    expect(reaction.tone).toBe('warning');
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
