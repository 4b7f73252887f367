import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useAuth } from '../auth/AuthProvider';
import { ApiClient } from './client';

const ApiContext = createContext<ApiClient | null>(null);

/** The API client of the signed-in session and chosen tenant. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const client = useMemo(
    () => new ApiClient({ accessToken: auth.accessToken, tenant: () => auth.tenant, expired: auth.signIn }),
    [auth],
  );
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) {
    throw new Error('useApi outside ApiProvider');
  }
  return client;
}
