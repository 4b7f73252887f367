import type { ReactElement, ReactNode } from 'react';
import { act, render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { vi } from 'vitest';
import { ApiProvider } from '../api/ApiProvider';
import type { LiveEvent } from '../api/types';
import { AuthContext, type Auth } from '../auth/AuthProvider';
import { canAssignJobs, canWriteCrm, canWritePricebook, canWriteSettings } from '../auth/claims';
import { LiveContext, type Live, type LiveListener } from '../live/LiveProvider';

/** A signed-in user of tenant 3222348440 (ADMIN unless `roles` says otherwise), for components under test. */
export function testAuth(overrides: Partial<Auth> = {}, roles: string[] = ['ADMIN']): Auth {
  return {
    claims: { subject: 'admin@3222348440', name: 'admin@3222348440', tenants: ['3222348440'], roles },
    tenant: '3222348440',
    setTenant: vi.fn(),
    canWrite: canWritePricebook(roles),
    canWriteCrm: canWriteCrm(roles),
    canAssignJobs: canAssignJobs(roles),
    canWriteSettings: canWriteSettings(roles),
    accessToken: () => 'token',
    expiresAt: () => null,
    signIn: vi.fn(),
    signOut: vi.fn(),
    ...overrides,
  };
}

/** An open live channel whose messages the test sends with `emit`. */
export interface TestLive extends Live {
  emit(message: LiveEvent): void;
}

export function testLive(): TestLive {
  const listeners = new Set<LiveListener>();
  return {
    connection: 'open',
    cursor: null,
    pause: vi.fn(),
    resume: vi.fn(),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit: (message) => act(() => {
      for (const listener of [...listeners]) listener(message);
    }),
  };
}

export interface RenderOptions {
  /** The user's roles (ADMIN by default). */
  roles?: string[];
}

/** Renders `ui` signed in, with a fresh query cache, a test live channel and `fetch` answered by `answer`. */
export function renderSignedIn(ui: ReactElement, answer: (url: string, init?: RequestInit) => Response | Promise<Response>, options: RenderOptions = {}) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => answer(String(input), init));
  vi.stubGlobal('fetch', fetchMock);
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const auth = testAuth({}, options.roles);
  const live = testLive();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queries}>
      <AuthContext.Provider value={auth}>
        <ApiProvider>
          <LiveContext.Provider value={live}>{children}</LiveContext.Provider>
        </ApiProvider>
      </AuthContext.Provider>
    </QueryClientProvider>
  );
  // A wrapper, so that `rerender` keeps the providers.
  const result = render(ui, { wrapper });
  return { ...result, fetchMock, live, queries };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function problem(status: number, detail: string, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ type: 'https://lazi.io/problems/x', title: 'Refused', status, detail, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}
