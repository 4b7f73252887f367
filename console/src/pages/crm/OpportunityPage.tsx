import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '../../api/ApiProvider';
import { cents, crm, crmKeys } from '../../api/crm';
import { when } from '../../api/field';
import { errorMessage } from '../../api/problem';
import type { OpportunityView } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { clearDraft } from '../../auth/drafts';
import { Dialog } from '../../components/Dialog';
import { RecordForm, valuesOf, type FieldSpec } from '../../components/RecordForm';
import { day, useWho } from './hooks';
import { LineItems } from './LineItems';
import { RecordWork } from './RecordWork';

export const OPPORTUNITY_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Title', required: true, maxLength: 200, wide: true },
  { name: 'amountManual', label: 'Amount set by hand (else the line items’ total)', kind: 'checkbox', wide: true },
  { name: 'amount', label: 'Amount ($)', kind: 'number', min: 0 },
  { name: 'probability', label: 'Probability (%)', kind: 'number', min: 0, max: 100 },
  { name: 'expectedCloseDate', label: 'Expected close', kind: 'date' },
  { name: 'ownerId', label: 'Owner (user id)' },
  { name: 'nextStep', label: 'Next step', maxLength: 200, wide: true },
];

/** The opportunity's edit body: what the form holds, the account and contact as they are, no amount unless set by hand. */
export function opportunityBody(opportunity: OpportunityView, body: Record<string, unknown>): Record<string, unknown> {
  const manual = body.amountManual === true;
  return {
    accountId: opportunity.accountId ?? null,
    primaryContactId: opportunity.primaryContactId ?? null,
    ...body,
    amount: manual ? body.amount : null,
    amountManual: manual,
  };
}

/** `PUT /api/crm/opportunities/{id}` with `If-Match`; its stage moves on the Pipelines board. */
function EditDialog({ opportunity, etag, onClose }: { opportunity: OpportunityView; etag: string | null; onClose(): void }) {
  const api = useApi();
  const { tenant } = useAuth();
  const queries = useQueryClient();
  const key = crmKeys.opportunity(tenant, opportunity.id);
  const draftKey = `crm.opportunities.${opportunity.id}`;
  return (
    <Dialog title={`Edit ${opportunity.title}`} onClose={() => { clearDraft(draftKey); onClose(); }}>
      <RecordForm
        specs={OPPORTUNITY_FIELDS}
        initial={valuesOf(OPPORTUNITY_FIELDS, opportunity, { amountManual: false })}
        draftKey={draftKey}
        submitLabel="Save"
        save={(body) => {
          const current = queries.getQueryData<{ etag: string | null; data: { opportunity: OpportunityView } }>(key);
          return crm.updateOpportunity(api, opportunity.id, opportunityBody(opportunity, body), current ? opportunityETag(current) : etag);
        }}
        onSaved={() => {
          void queries.invalidateQueries({ queryKey: [tenant, 'crm'] });
          toast.success('Saved');
          onClose();
        }}
        onCancel={onClose}
        reload={async () => {
          await queries.refetchQueries({ queryKey: key, exact: true });
          const fresh = queries.getQueryData<{ data: { opportunity: OpportunityView } }>(key);
          return fresh ? valuesOf(OPPORTUNITY_FIELDS, fresh.data.opportunity, { amountManual: false }) : null;
        }}
      />
    </Dialog>
  );
}

function opportunityETag(read: { etag: string | null; data: { opportunity: OpportunityView } }): string | null {
  if (read.etag) return read.etag;
  const version = read.data.opportunity.version;
  return typeof version === 'number' ? `"${version}"` : null;
}

/** One opportunity: its facts, edit, line items, stage history, then tasks, activities and its timeline. */
export function OpportunityPage() {
  const id = useParams().id ?? '';
  const api = useApi();
  const { tenant, canWriteCrm } = useAuth();
  const who = useWho();
  const [editing, setEditing] = useState(false);
  const detail = useQuery({ queryKey: crmKeys.opportunity(tenant, id), queryFn: ({ signal }) => crm.opportunity(api, id, signal), enabled: id !== '' });
  const o = detail.data?.data.opportunity;
  const history = detail.data?.data.history ?? [];
  return (
    <section className="page crm-opportunity">
      <p><Link to="/pipelines">← Pipelines</Link></p>
      <div className="page-head">
        <h1>{o?.title ?? 'Opportunity'}</h1>
        {o && <span className="badge" data-testid="opportunity-status">{o.status.toLowerCase()}</span>}
        {o && canWriteCrm && <button type="button" onClick={() => setEditing(true)}>Edit</button>}
      </div>
      {detail.error && <p className="problem" role="alert">{errorMessage(detail.error)}</p>}
      {detail.isPending && <p className="muted" role="status">Loading…</p>}
      {o && (
        <>
          <dl className="facts">
            <div><dt>Pipeline</dt><dd>{o.pipelineName}</dd></div>
            <div><dt>Stage</dt><dd>{o.stageName}</dd></div>
            <div>
              <dt>Amount</dt>
              <dd><span data-testid="opportunity-amount">{cents(o.amount ?? o.monetaryValue)}</span>{o.amountManual !== undefined && <span className="muted"> {o.amountManual ? '(set by hand)' : '(line items)'}</span>}</dd>
            </div>
            <div><dt>Probability</dt><dd>{o.probability === null || o.probability === undefined ? '–' : `${o.probability} %`}</dd></div>
            <div><dt>Expected close</dt><dd>{day(o.expectedCloseDate)}</dd></div>
            <div><dt>Owner</dt><dd>{who(o.ownerId)}</dd></div>
            {o.accountId && <div><dt>Account</dt><dd><Link to={`/crm/accounts/${o.accountId}`}>Account</Link></dd></div>}
            {o.primaryContactId && <div><dt>Contact</dt><dd><Link to={`/crm/contacts/${o.primaryContactId}`}>{o.contactName ?? 'Contact'}</Link></dd></div>}
            {o.leadId && <div><dt>Lead</dt><dd><Link to={`/crm/leads/${o.leadId}`}>Lead</Link></dd></div>}
            {o.stCustomerId !== null && <div><dt>ServiceTitan customer</dt><dd>{o.stCustomerId}</dd></div>}
            {o.stJobId !== null && <div><dt>Job</dt><dd>{o.stJobId}</dd></div>}
            {o.stEstimateId !== null && <div><dt>Estimate</dt><dd>{o.stEstimateId}</dd></div>}
            <div><dt>Created</dt><dd>{when(o.createdAt)}</dd></div>
          </dl>
          {o.nextStep && <p><strong>Next step:</strong> {o.nextStep}</p>}
          <LineItems opportunityId={o.id} />
          <h2>Stage history</h2>
          <ol className="history" data-testid="history">
            {history.map((entry) => (
              <li key={`${entry.movedAt}-${entry.toStage}`}>
                {when(entry.movedAt)}: {entry.fromStage ? `${entry.fromStage} → ` : ''}{entry.toStage} <span className="muted">({entry.reason})</span>
              </li>
            ))}
          </ol>
          <RecordWork type="opportunity" id={o.id} />
        </>
      )}
      {editing && o && detail.data && <EditDialog opportunity={o} etag={opportunityETag(detail.data)} onClose={() => setEditing(false)} />}
    </section>
  );
}
