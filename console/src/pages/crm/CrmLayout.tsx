import { NavLink, Outlet } from 'react-router';
import { GlobalSearch } from './GlobalSearch';

/** The CRM area: its records' sections and the search across them above every CRM page (the pipelines' too). */
export function CrmLayout() {
  return (
    <div className="crm">
      <div className="crm-head">
        <nav aria-label="CRM" className="subnav">
          <ul>
            <li><NavLink to="/crm/leads">Leads</NavLink></li>
            <li><NavLink to="/crm/accounts">Accounts</NavLink></li>
            <li><NavLink to="/crm/contacts">Contacts</NavLink></li>
            <li><NavLink to="/crm/tasks">Tasks</NavLink></li>
            <li><NavLink to="/crm/projects">Projects</NavLink></li>
            <li><NavLink to="/crm/cases">Cases</NavLink></li>
          </ul>
        </nav>
        <GlobalSearch />
      </div>
      <Outlet />
    </div>
  );
}
