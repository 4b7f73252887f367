import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { words } from '../../api/crm';
import { errorMessage } from '../../api/problem';
import type { Project } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { day, useRecord } from './hooks';
import { Milestones } from './Milestones';
import { HealthBadge, progress, PROJECT_FIELDS } from './projects';
import { EditRecordDialog } from './RecordDialogs';
import { RecordWork } from './RecordWork';

/** One install project: health, milestones (status and due date editable), then tasks, activities and timeline. */
export function ProjectPage() {
  const id = useParams().id ?? '';
  const { canWriteCrm } = useAuth();
  const record = useRecord<Project>('projects', id);
  const project = record.data?.data;
  const [editing, setEditing] = useState(false);
  return (
    <section className="page crm-project">
      <p><Link to="/crm/projects">← Projects</Link></p>
      <div className="page-head">
        <h1>{project?.name ?? 'Project'}</h1>
        {project && <HealthBadge health={project.health} />}
        {project && canWriteCrm && <button type="button" onClick={() => setEditing(true)}>Edit</button>}
      </div>
      {record.error && <p className="problem" role="alert">{errorMessage(record.error)}</p>}
      {record.isPending && <p className="muted" role="status">Loading…</p>}
      {project && (
        <>
          <dl className="facts">
            <div><dt>Status</dt><dd>{words(project.status)}</dd></div>
            <div><dt>Started</dt><dd>{day(project.startDate)}</dd></div>
            <div><dt>Milestones</dt><dd>{progress(project)}</dd></div>
            <div><dt>Opportunity</dt><dd><Link to={`/crm/opportunities/${project.opportunityId}`}>Opportunity</Link></dd></div>
            {project.accountId && <div><dt>Account</dt><dd><Link to={`/crm/accounts/${project.accountId}`}>Account</Link></dd></div>}
            {project.businessUnitId !== null && <div><dt>Business unit</dt><dd>{project.businessUnitId}</dd></div>}
          </dl>
          <h2>Milestones</h2>
          <Milestones project={project} />
          <RecordWork type="project" id={project.id} />
        </>
      )}
      {editing && record.data && (
        <EditRecordDialog<Project> title={`Edit ${project?.name}`} plural="projects" record={record.data} specs={PROJECT_FIELDS} onClose={() => setEditing(false)} />
      )}
    </section>
  );
}
