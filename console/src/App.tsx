import { lazy, Suspense, useState, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { Layout } from './layout/Layout';
import { NotFound } from './pages/Placeholder';
import { PricebookPage } from './pages/pricebook/PricebookPage';

// The pricebook is where the console opens; the other pages load when first visited.
const SyncPage = lazy(() => import('./pages/sync/SyncPage').then((m) => ({ default: m.SyncPage })));
const CatalogPage = lazy(() => import('./pages/catalog/CatalogPage').then((m) => ({ default: m.CatalogPage })));
const PipelinesPage = lazy(() => import('./pages/crm/PipelinesPage').then((m) => ({ default: m.PipelinesPage })));
const ContactsPage = lazy(() => import('./pages/crm/ContactsPage').then((m) => ({ default: m.ContactsPage })));
const FieldLayout = lazy(() => import('./pages/field/FieldLayout').then((m) => ({ default: m.FieldLayout })));
const CustomersPage = lazy(() => import('./pages/field/CustomersPage').then((m) => ({ default: m.CustomersPage })));
const CustomerPage = lazy(() => import('./pages/field/CustomerPage').then((m) => ({ default: m.CustomerPage })));
const JobsPage = lazy(() => import('./pages/field/JobsPage').then((m) => ({ default: m.JobsPage })));
const JobPage = lazy(() => import('./pages/field/JobPage').then((m) => ({ default: m.JobPage })));
const TechniciansPage = lazy(() => import('./pages/field/TechniciansPage').then((m) => ({ default: m.TechniciansPage })));
const TechnicianPage = lazy(() => import('./pages/field/TechnicianPage').then((m) => ({ default: m.TechnicianPage })));
const ProvidersPage = lazy(() => import('./pages/field/ProvidersPage').then((m) => ({ default: m.ProvidersPage })));

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="muted" role="status">Loading…</p>}>{children}</Suspense>;
}

/** Client routes; the gateway answers index.html for each of them (SPA fallback). */
const routes = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/pricebook" replace /> },
      { path: 'pricebook', element: <PricebookPage /> },
      { path: 'sync', element: <Page><SyncPage /></Page> },
      { path: 'catalog', element: <Page><CatalogPage /></Page> },
      { path: 'pipelines', element: <Page><PipelinesPage /></Page> },
      { path: 'contacts', element: <Page><ContactsPage /></Page> },
      {
        path: 'field',
        element: <Page><FieldLayout /></Page>,
        children: [
          { index: true, element: <Navigate to="/field/jobs" replace /> },
          { path: 'customers', element: <Page><CustomersPage /></Page> },
          { path: 'customers/:id', element: <Page><CustomerPage /></Page> },
          { path: 'jobs', element: <Page><JobsPage /></Page> },
          { path: 'jobs/:id', element: <Page><JobPage /></Page> },
          { path: 'technicians', element: <Page><TechniciansPage /></Page> },
          { path: 'technicians/:id', element: <Page><TechnicianPage /></Page> },
          { path: 'providers', element: <Page><ProvidersPage /></Page> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

/**
 * The router starts from the location as it is once signed in: back from the identity provider, the
 * route the user was on has just replaced `/?code=…` (a router made earlier would keep `/`).
 */
export function App() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
