import { lazy, Suspense, useState, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { Layout } from './layout/Layout';
import { NotFound } from './pages/Placeholder';
import { PricebookPage } from './pages/pricebook/PricebookPage';

// The pricebook is where the console opens; the other pages load when first visited.
const SyncPage = lazy(() => import('./pages/sync/SyncPage').then((m) => ({ default: m.SyncPage })));
const CatalogPage = lazy(() => import('./pages/catalog/CatalogPage').then((m) => ({ default: m.CatalogPage })));
const PipelinesPage = lazy(() => import('./pages/crm/PipelinesPage').then((m) => ({ default: m.PipelinesPage })));
const CrmLayout = lazy(() => import('./pages/crm/CrmLayout').then((m) => ({ default: m.CrmLayout })));
const LeadsPage = lazy(() => import('./pages/crm/LeadsPage').then((m) => ({ default: m.LeadsPage })));
const LeadPage = lazy(() => import('./pages/crm/LeadPage').then((m) => ({ default: m.LeadPage })));
const AccountsPage = lazy(() => import('./pages/crm/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const AccountPage = lazy(() => import('./pages/crm/AccountPage').then((m) => ({ default: m.AccountPage })));
const ContactsPage = lazy(() => import('./pages/crm/ContactsPage').then((m) => ({ default: m.ContactsPage })));
const ContactPage = lazy(() => import('./pages/crm/ContactPage').then((m) => ({ default: m.ContactPage })));
const OpportunityPage = lazy(() => import('./pages/crm/OpportunityPage').then((m) => ({ default: m.OpportunityPage })));
const TasksPage = lazy(() => import('./pages/crm/TasksPage').then((m) => ({ default: m.TasksPage })));
const ProjectsPage = lazy(() => import('./pages/crm/ProjectsPage').then((m) => ({ default: m.ProjectsPage })));
const ProjectPage = lazy(() => import('./pages/crm/ProjectPage').then((m) => ({ default: m.ProjectPage })));
const CasesPage = lazy(() => import('./pages/crm/CasesPage').then((m) => ({ default: m.CasesPage })));
const CasePage = lazy(() => import('./pages/crm/CasePage').then((m) => ({ default: m.CasePage })));
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
      {
        // The CRM area: the pipelines' boards and the records, under one search.
        element: <Page><CrmLayout /></Page>,
        children: [
          { path: 'pipelines', element: <Page><PipelinesPage /></Page> },
          { path: 'crm', element: <Navigate to="/crm/leads" replace /> },
          { path: 'crm/leads', element: <Page><LeadsPage /></Page> },
          { path: 'crm/leads/:id', element: <Page><LeadPage /></Page> },
          { path: 'crm/accounts', element: <Page><AccountsPage /></Page> },
          { path: 'crm/accounts/:id', element: <Page><AccountPage /></Page> },
          { path: 'crm/contacts', element: <Page><ContactsPage /></Page> },
          { path: 'crm/contacts/:id', element: <Page><ContactPage /></Page> },
          { path: 'crm/opportunities/:id', element: <Page><OpportunityPage /></Page> },
          { path: 'crm/tasks', element: <Page><TasksPage /></Page> },
          { path: 'crm/projects', element: <Page><ProjectsPage /></Page> },
          { path: 'crm/projects/:id', element: <Page><ProjectPage /></Page> },
          { path: 'crm/cases', element: <Page><CasesPage /></Page> },
          { path: 'crm/cases/:id', element: <Page><CasePage /></Page> },
        ],
      },
      // The contacts page moved into the CRM area.
      { path: 'contacts', element: <Navigate to="/crm/contacts" replace /> },
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
