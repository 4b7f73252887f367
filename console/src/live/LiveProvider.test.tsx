import { act, render, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { toast } from 'sonner';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthContext } from '../auth/AuthProvider';
import { testAuth } from '../test/render';
import { LiveProvider } from './LiveProvider';

vi.mock('sonner', () => ({ toast: { info: vi.fn(), success: vi.fn(), error: vi.fn(), warning: vi.fn() } }));

/** The one socket the provider opens; the test plays the server. */
class FakeSocket {
  static last: FakeSocket | null = null;
  readonly url: string;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(url: string) {
    this.url = url;
    FakeSocket.last = this;
  }
  close() {}
  receive(message: unknown) {
    act(() => this.onmessage?.({ data: JSON.stringify(message) }));
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.clearAllMocks();
});

describe('LiveProvider', () => {
  it('tells the assignee of a task assigned to them and refreshes the CRM pages', async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const queries = new QueryClient();
    const invalidate = vi.spyOn(queries, 'invalidateQueries');
    render(
      <QueryClientProvider client={queries}>
        <AuthContext.Provider value={testAuth()}>
          <LiveProvider><p>page</p></LiveProvider>
        </AuthContext.Provider>
      </QueryClientProvider>,
    );
    const socket = FakeSocket.last!;
    expect(socket.url).toContain('tenant=3222348440');
    act(() => socket.onopen?.());
    socket.receive({
      event: 'crm:task-assigned',
      id: 'e-1',
      cursor: 'crm.tasks/0:7',
      data: { taskId: 't-1', title: 'Call Ann back', type: 'call', priority: 'high', assigneeId: 'admin@3222348440', relatedType: 'lead', relatedId: 'l-1' },
    });

    await waitFor(() => expect(toast.info).toHaveBeenCalledWith('Task assigned to you: Call Ann back', expect.objectContaining({ id: expect.any(String) })));
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['3222348440', 'crm'] });
  });
});
