import { Link } from 'react-router';
import { words } from '../../api/crm';
import type { Project } from '../../api/types';
import { FilterSelect } from '../../components/FilterSelect';
import { PagedTable } from '../../components/PagedTable';
import { useRouteFilters } from '../../components/useRouteFilters';
import { day, pageOf, useRecordList } from './hooks';
import { HEALTHS, PROJECT_STATUSES } from './options';
import { HealthBadge, progress } from './projects';

/** Install projects (one per Install opportunity from Estimate Approved on) with their health; filters by status and health. */
export function ProjectsPage() {
  const [params, update] = useRouteFilters();
  const page = pageOf(params);
  const filter = { status: params.get('status') ?? '', health: params.get('health') ?? '', page, size: 50 };
  const projects = useRecordList<Project>('projects', filter);
  return (
    <section className="page crm-projects">
      <h1>Projects</h1>
      <div className="filters">
        <FilterSelect label="Status" value={filter.status} options={PROJECT_STATUSES} onChange={(status) => update({ status })} />
        <FilterSelect label="Health" value={filter.health} options={HEALTHS} onChange={(health) => update({ health })} />
      </div>
      <PagedTable
        result={projects}
        noun="projects"
        testId="project"
        rowKey={(p) => p.id}
        page={page}
        onPage={(next) => update({ page: String(next) })}
        columns={projectColumns}
      />
    </section>
  );
}

export const projectColumns = [
  { header: 'Project', cell: (p: Project) => <Link to={`/crm/projects/${p.id}`}>{p.name}</Link> },
  { header: 'Health', cell: (p: Project) => <HealthBadge health={p.health} /> },
  { header: 'Status', cell: (p: Project) => words(p.status) },
  { header: 'Started', cell: (p: Project) => day(p.startDate) },
  { header: 'Milestones', cell: (p: Project) => progress(p) },
  { header: 'Opportunity', cell: (p: Project) => <Link to={`/crm/opportunities/${p.opportunityId}`}>Opportunity</Link> },
];
