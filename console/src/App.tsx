import { useState } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { Layout } from './layout/Layout';
import { NotFound } from './pages/Placeholder';
import { PricebookPage } from './pages/pricebook/PricebookPage';
import { SyncPage } from './pages/sync/SyncPage';
import { CatalogPage } from './pages/catalog/CatalogPage';
import { ContactsPage } from './pages/crm/ContactsPage';
import { PipelinesPage } from './pages/crm/PipelinesPage';

/** Client routes; the gateway answers index.html for each of them (SPA fallback). */
const routes = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/pricebook" replace /> },
      { path: 'pricebook', element: <PricebookPage /> },
      { path: 'sync', element: <SyncPage /> },
      { path: 'catalog', element: <CatalogPage /> },
      { path: 'pipelines', element: <PipelinesPage /> },
      { path: 'contacts', element: <ContactsPage /> },
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
