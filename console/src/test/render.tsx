import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { vi } from 'vitest';
import { ApiProvider } from '../api/ApiProvider';
import { AuthContext, type Auth } from '../auth/AuthProvider';

/** A signed-in ADMIN of tenant 3222348440, for components under test. */
export function testAuth(overrides: Partial<Auth> = {}): Auth {
  return {
    claims: { subject: 'admin@3222348440', name: 'admin@3222348440', tenants: ['3222348440'], roles: ['ADMIN'] },
    tenant: '3222348440',
    setTenant: vi.fn(),
    canWrite: true,
    canWriteCrm: true,
    accessToken: () => 'token',
    expiresAt: () => null,
    signIn: vi.fn(),
    signOut: vi.fn(),
    ...overrides,
  };
}

/** Renders `ui` signed in, with a fresh query cache and `fetch` answered by `answer`. */
export function renderSignedIn(ui: ReactElement, answer: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => answer(String(input), init));
  vi.stubGlobal('fetch', fetchMock);
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const auth = testAuth();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queries}>
      <AuthContext.Provider value={auth}>
        <ApiProvider>{children}</ApiProvider>
      </AuthContext.Provider>
    </QueryClientProvider>
  );
  // A wrapper, so that `rerender` keeps the providers.
  const result = render(ui, { wrapper });
  return { ...result, fetchMock };
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
