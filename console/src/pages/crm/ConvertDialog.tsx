import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { Versioned } from '../../api/client';
import { useApi } from '../../api/ApiProvider';
import { crm, crmKeys } from '../../api/crm';
import { ApiError } from '../../api/problem';
import type { Conversion, Lead, PipelineKey } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { clearDraft } from '../../auth/drafts';
import { Dialog } from '../../components/Dialog';
import { RecordForm, valuesOf, type FieldSpec } from '../../components/RecordForm';
import { PIPELINES } from './options';

export const ALREADY_CONVERTED = 'This lead is already converted';

const FIELDS: FieldSpec[] = [
  { name: 'opportunityTitle', label: 'Opportunity title', maxLength: 200, wide: true },
  { name: 'amount', label: 'Amount ($)', kind: 'number', min: 0 },
  { name: 'pipeline', label: 'Pipeline', kind: 'select', options: PIPELINES },
];

/**
 * Converts a lead (`POST /api/crm/leads/{id}/convert`): an account and a contact are created from it and an
 * opportunity opened; the page then links to the three. A 409 means someone converted it first: the dialog says so
 * and the page reads the lead again, with its links.
 */
export function ConvertDialog({ lead, onClose }: { lead: Lead; onClose(): void }) {
  const api = useApi();
  const { tenant } = useAuth();
  const queries = useQueryClient();
  const key = crmKeys.record(tenant, 'leads', lead.id);
  const draftKey = `crm.lead.convert.${lead.id}`;
  return (
    <Dialog title={`Convert ${lead.name}`} onClose={() => { clearDraft(draftKey); onClose(); }}>
      <p className="muted">
        Creates {lead.company ? `the commercial account “${lead.company}”` : `a residential account “${lead.name}”`}, a contact for {lead.name} and an
        opportunity with them.
      </p>
      <RecordForm<Versioned<Lead>>
        specs={FIELDS}
        initial={valuesOf(FIELDS, { opportunityTitle: lead.name, amount: lead.estimatedValue, pipeline: 'SALES' })}
        draftKey={draftKey}
        submitLabel="Convert lead"
        idPrefix="convert"
        save={async (body) => {
          const conversion: Conversion = { pipeline: (body.pipeline as PipelineKey | null) ?? 'SALES' };
          if (body.opportunityTitle) conversion.opportunityTitle = String(body.opportunityTitle);
          if (body.amount !== null && body.amount !== undefined) conversion.amount = Number(body.amount);
          try {
            return await crm.convert(api, lead.id, conversion);
          } catch (failure) {
            if (failure instanceof ApiError && failure.status === 409) {
              void queries.invalidateQueries({ queryKey: key });
              throw new Error(ALREADY_CONVERTED, { cause: failure });
            }
            throw failure;
          }
        }}
        onSaved={(converted) => {
          if (converted.data) queries.setQueryData(key, converted);
          void queries.invalidateQueries({ queryKey: [tenant, 'crm'] });
          toast.success(`${lead.name} converted`);
          onClose();
        }}
        onCancel={onClose}
      />
    </Dialog>
  );
}
