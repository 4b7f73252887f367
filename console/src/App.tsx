import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { Layout } from './layout/Layout';
import { NotFound, Placeholder } from './pages/Placeholder';
import { PricebookPage } from './pages/pricebook/PricebookPage';
import { SyncPage } from './pages/sync/SyncPage';
import { ContactsPage } from './pages/crm/ContactsPage';
import { PipelinesPage } from './pages/crm/PipelinesPage';

/** Client routes; the gateway answers index.html for each of them (SPA fallback). */
const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/pricebook" replace /> },
      { path: 'pricebook', element: <PricebookPage /> },
      { path: 'sync', element: <SyncPage /> },
      { path: 'catalog', element: <Placeholder title="Services, materials, equipment" /> },
      { path: 'pipelines', element: <PipelinesPage /> },
      { path: 'contacts', element: <ContactsPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
