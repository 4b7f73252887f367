import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Toaster } from 'sonner';
import 'sonner/dist/styles.css';
import './styles.css';
import { App } from './App';
import { ApiProvider } from './api/ApiProvider';
import { ApiError } from './api/problem';
import { AuthProvider, createUserManager } from './auth/AuthProvider';
import { loadConfig } from './config';
import { LiveProvider } from './live/LiveProvider';

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // 4xx other than 429 will not change by asking again.
      retry: (failures, error) =>
        failures < 3 && (!(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500),
      retryDelay: (failures, error) => error instanceof ApiError && error.retryAfter !== null
        ? error.retryAfter * 1000 : Math.min(8_000, 500 * 2 ** failures),
    },
  },
});

async function start() {
  const root = createRoot(document.getElementById('root')!);
  try {
    const config = await loadConfig();
    root.render(
      <StrictMode>
        <QueryClientProvider client={queries}>
          <AuthProvider manager={createUserManager(config)}>
            <ApiProvider>
              <LiveProvider>
                <App />
              </LiveProvider>
            </ApiProvider>
          </AuthProvider>
          <Toaster position="bottom-right" richColors closeButton visibleToasts={5} />
        </QueryClientProvider>
      </StrictMode>,
    );
  } catch (error) {
    root.render(<div className="splash" role="alert">The console could not start: {String(error)}</div>);
  }
}

void start();
