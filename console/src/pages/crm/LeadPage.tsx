import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { money } from '../../api/crm';
import { addressLine, when } from '../../api/field';
import { errorMessage } from '../../api/problem';
import type { Lead } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { ConvertDialog } from './ConvertDialog';
import { useRecord, useWho } from './hooks';
import { LEAD_FIELDS, statusBadge } from './leads';
import { EditRecordDialog } from './RecordDialogs';
import { RecordWork } from './RecordWork';

/** What a converted lead became, linked. */
function Conversion({ lead }: { lead: Lead }) {
  const who = useWho();
  return (
    <section className="panel conversion" data-testid="conversion" aria-labelledby="conversion-title">
      <h2 id="conversion-title">Converted</h2>
      <p className="muted">{when(lead.convertedAt)} by {who(lead.convertedBy)}</p>
      <ul className="links">
        {lead.convertedAccountId && <li><Link to={`/crm/accounts/${lead.convertedAccountId}`}>Account</Link></li>}
        {lead.convertedContactId && <li><Link to={`/crm/contacts/${lead.convertedContactId}`}>Contact</Link></li>}
        {lead.convertedOpportunityId && <li><Link to={`/crm/opportunities/${lead.convertedOpportunityId}`}>Opportunity</Link></li>}
      </ul>
    </section>
  );
}

/** One lead: its facts, edit and convert, then its tasks, activities and timeline. */
export function LeadPage() {
  const id = useParams().id ?? '';
  const { canWriteCrm } = useAuth();
  const who = useWho();
  const record = useRecord<Lead>('leads', id);
  const [open, setOpen] = useState<'edit' | 'convert' | null>(null);
  const lead = record.data?.data;
  const converted = lead?.status === 'converted';
  return (
    <section className="page crm-lead">
      <p><Link to="/crm/leads">← Leads</Link></p>
      <div className="page-head">
        <h1>{lead?.name ?? 'Lead'}</h1>
        {lead && <span className={statusBadge(lead.status)} data-testid="lead-status">{lead.status}</span>}
        {lead && canWriteCrm && !converted && (
          <div className="buttons">
            <button type="button" onClick={() => setOpen('edit')}>Edit</button>
            <button type="button" className="primary" onClick={() => setOpen('convert')}>Convert</button>
          </div>
        )}
      </div>
      {record.error && <p className="problem" role="alert">{errorMessage(record.error)}</p>}
      {record.isPending && <p className="muted" role="status">Loading…</p>}
      {lead && (
        <>
          <dl className="facts">
            <div><dt>Company</dt><dd>{lead.company ?? '–'}</dd></div>
            <div><dt>Email</dt><dd>{lead.email ?? '–'}</dd></div>
            <div><dt>Phone</dt><dd>{lead.phone ?? '–'}</dd></div>
            <div><dt>Address</dt><dd>{addressLine(lead) || '–'}</dd></div>
            <div><dt>Source</dt><dd>{lead.source}</dd></div>
            <div><dt>Estimated value</dt><dd>{money(lead.estimatedValue)}</dd></div>
            <div><dt>Score</dt><dd>{lead.score ?? '–'}</dd></div>
            <div><dt>Owner</dt><dd>{who(lead.ownerId)}</dd></div>
            {lead.stLeadId !== null && <div><dt>ServiceTitan lead</dt><dd>{lead.stLeadId}</dd></div>}
            <div><dt>Created</dt><dd>{when(lead.createdAt)}</dd></div>
          </dl>
          {converted && <Conversion lead={lead} />}
          <RecordWork type="lead" id={lead.id} />
        </>
      )}
      {open === 'edit' && record.data && (
        <EditRecordDialog title={`Edit ${lead?.name}`} plural="leads" record={record.data} specs={LEAD_FIELDS} keep={['score']} onClose={() => setOpen(null)} />
      )}
      {open === 'convert' && lead && <ConvertDialog lead={lead} onClose={() => setOpen(null)} />}
    </section>
  );
}
