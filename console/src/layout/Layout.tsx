import { NavLink, Outlet } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthProvider';
import { useApi } from '../api/ApiProvider';
import { keys, pricebook } from '../api/pricebook';
import { useLive, type Connection } from '../live/LiveProvider';

/** The console's sections; pages of later records add a line here and a route in App.tsx. */
export const SECTIONS = [
  { to: '/pricebook', label: 'Pricebook' },
  { to: '/sync', label: 'Sync and errors' },
  { to: '/catalog', label: 'Services, materials, equipment' },
  { to: '/pipelines', label: 'Pipelines' },
  { to: '/crm', label: 'CRM' },
  { to: '/field', label: 'Field' },
] as const;

const CONNECTION_TEXT: Record<Connection, string> = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
  paused: 'Paused',
};

function ConnectionIndicator() {
  const live = useLive();
  const paused = live.connection === 'paused';
  return (
    <button
      type="button"
      className={`connection connection-${live.connection}`}
      onClick={paused ? live.resume : live.pause}
      aria-label={paused ? 'Live updates paused: resume' : `Live updates: ${CONNECTION_TEXT[live.connection]}; pause`}
      title={paused ? 'Resume live updates' : 'Pause live updates'}
      data-testid="connection"
      data-state={live.connection}
    >
      <span className="dot" aria-hidden="true" />
      {CONNECTION_TEXT[live.connection]}
    </button>
  );
}

function PendingCount() {
  const api = useApi();
  const { tenant } = useAuth();
  const pending = useQuery({ queryKey: keys.pending(tenant), queryFn: ({ signal }) => pricebook.pending(api, signal) });
  const count = pending.data?.count;
  return (
    <NavLink to="/pricebook" className="pending-count" data-testid="pending-count" aria-label={`${count ?? 'Unknown number of'} changes waiting to be pushed`}>
      Pending <span className="badge">{count ?? '–'}</span>
    </NavLink>
  );
}

function TenantPicker() {
  const auth = useAuth();
  if (auth.claims.tenants.length <= 1) {
    return <span className="tenant" data-testid="tenant">Tenant {auth.tenant}</span>;
  }
  return (
    <label className="tenant">
      Tenant{' '}
      <select value={auth.tenant} onChange={(event) => auth.setTenant(event.target.value)} data-testid="tenant">
        {auth.claims.tenants.map((tenant) => <option key={tenant} value={tenant}>{tenant}</option>)}
      </select>
    </label>
  );
}

export function Layout() {
  const auth = useAuth();
  return (
    <div className="app">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="top">
        <span className="brand">Lazi</span>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.to}><NavLink to={section.to}>{section.label}</NavLink></li>
            ))}
          </ul>
        </nav>
        <div className="session">
          <PendingCount />
          <ConnectionIndicator />
          <TenantPicker />
          <span className="user" title={auth.claims.roles.join(', ')}>{auth.claims.name}</span>
          <button type="button" onClick={auth.signOut}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
