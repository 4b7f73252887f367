import { NavLink, Outlet } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';

/** The Field area: customers, jobs and technicians of field-service (`/api/v2`), and for owners and admins its providers. */
export function FieldLayout() {
  const { canWriteSettings } = useAuth();
  return (
    <div className="field">
      <nav aria-label="Field" className="subnav">
        <ul>
          <li><NavLink to="/field/customers">Customers</NavLink></li>
          <li><NavLink to="/field/jobs">Jobs</NavLink></li>
          <li><NavLink to="/field/technicians">Technicians</NavLink></li>
          {canWriteSettings && <li><NavLink to="/field/providers">Providers</NavLink></li>}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
