import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { Versioned } from '../../api/client';
import { useApi } from '../../api/ApiProvider';
import { crm, crmKeys, etagOf, type Plural } from '../../api/crm';
import { useAuth } from '../../auth/AuthProvider';
import { clearDraft } from '../../auth/drafts';
import { Dialog } from '../../components/Dialog';
import { RecordForm, valuesOf, type FieldSpec, type FormValues } from '../../components/RecordForm';

type Body = Record<string, unknown>;

/**
 * Edits a record: `PUT /api/crm/{plural}/{id}` with the full editable body (the form's fields, plus the record's
 * `keep` fields as they are) and `If-Match` with the ETag it was read with. The answer replaces the record in the
 * cache; a 412 offers to read it again.
 */
export function EditRecordDialog<T extends { id: string; version?: number }>({ title, plural, record, specs, keep = [], shape, onClose }: {
  title: string;
  plural: Plural;
  record: Versioned<T>;
  specs: readonly FieldSpec[];
  /** Editable fields the form does not show, sent back unchanged. */
  keep?: readonly (keyof T & string)[];
  /** Adjusts the body before it is sent. */
  shape?(body: Body): Body;
  onClose(): void;
}) {
  const api = useApi();
  const { tenant } = useAuth();
  const queries = useQueryClient();
  const key = crmKeys.record(tenant, plural, record.data.id);
  const kept = Object.fromEntries(keep.map((name) => [name, record.data[name] ?? null]));
  const draftKey = `crm.${plural}.${record.data.id}`;
  return (
    // Escape discards what was typed, as Cancel does.
    <Dialog title={title} onClose={() => { clearDraft(draftKey); onClose(); }}>
      <RecordForm
        specs={specs}
        initial={valuesOf(specs, record.data)}
        draftKey={draftKey}
        submitLabel="Save"
        save={(body) => {
          // The ETag as read now: a reload after a 412 brings the current one.
          const current = queries.getQueryData<Versioned<T>>(key) ?? record;
          const full = { ...kept, ...body };
          return crm.update<T>(api, plural, record.data.id, shape ? shape(full) : full, etagOf(current));
        }}
        onSaved={(saved) => {
          // Keep what only the GET serves (an account's contacts) until the refresh below.
          const before = queries.getQueryData<Versioned<T>>(key);
          if (saved.data) queries.setQueryData(key, { data: { ...before?.data, ...saved.data }, etag: saved.etag });
          void queries.invalidateQueries({ queryKey: [tenant, 'crm'] });
          toast.success('Saved');
          onClose();
        }}
        onCancel={onClose}
        reload={async () => {
          await queries.refetchQueries({ queryKey: key, exact: true });
          const fresh = queries.getQueryData<Versioned<T>>(key);
          return fresh ? valuesOf(specs, fresh.data) : null;
        }}
      />
    </Dialog>
  );
}

/** Creates a record (`POST /api/crm/{plural}`) from the form plus `extra` (what the page knows: the account…). */
export function CreateRecordDialog<T extends { id: string }>({ title, plural, specs, defaults = {}, extra = {}, draftKey, onCreated, onClose, children, submitLabel = 'Create', doneText = 'Created' }: {
  title: string;
  submitLabel?: string;
  doneText?: string;
  plural: Plural;
  specs: readonly FieldSpec[];
  defaults?: FormValues;
  extra?: Body;
  draftKey: string;
  onCreated?(record: T): void;
  onClose(): void;
  children?: ReactNode;
}) {
  const api = useApi();
  const { tenant } = useAuth();
  const queries = useQueryClient();
  return (
    <Dialog title={title} onClose={() => { clearDraft(draftKey); onClose(); }}>
      {children}
      <RecordForm
        specs={specs}
        initial={valuesOf(specs, null, defaults)}
        draftKey={draftKey}
        submitLabel={submitLabel}
        save={(body) => crm.create<T>(api, plural, { ...body, ...extra })}
        onSaved={(created) => {
          if (created.data?.id) queries.setQueryData(crmKeys.record(tenant, plural, created.data.id), created);
          void queries.invalidateQueries({ queryKey: [tenant, 'crm'] });
          toast.success(doneText);
          onClose();
          if (created.data) onCreated?.(created.data);
        }}
        onCancel={onClose}
      />
    </Dialog>
  );
}
