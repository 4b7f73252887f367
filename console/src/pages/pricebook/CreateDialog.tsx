import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '../../api/ApiProvider';
import { pricebook } from '../../api/pricebook';
import { errorMessage } from '../../api/problem';
import type { CategoryView } from '../../api/types';
import { useDraft } from '../../auth/drafts';
import { Dialog } from '../../components/Dialog';

/** Creates a subcategory under `parent`, pending until pushed. */
export function CreateDialog({ parent, onClose, onSaved }: { parent: CategoryView; onClose(): void; onSaved(): void }) {
  const api = useApi();
  const [name, setName, clearDraft] = useDraft<string>(`create.${parent.stId}`, () => '');
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => pricebook.create(api, parent.stId, { name: name.trim() }),
    onSuccess: (created) => {
      clearDraft();
      toast.success(`Created “${created.name}” under “${parent.name}”; push to send it to ServiceTitan`);
      onSaved();
      onClose();
    },
    onError: (failure) => setError(errorMessage(failure)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) create.mutate();
  };
  const cancel = () => {
    clearDraft();
    onClose();
  };
  return (
    <Dialog title={`New subcategory of ${parent.name}`} onClose={cancel}>
      <form onSubmit={submit} className="form">
        <label>
          Name
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={255} autoFocus />
        </label>
        {error && <p className="problem" role="alert">{error}</p>}
        <div className="buttons">
          <button type="submit" className="primary" disabled={create.isPending || !name.trim()}>Create</button>
          <button type="button" onClick={cancel}>Cancel</button>
        </div>
      </form>
    </Dialog>
  );
}
