import { useEffect, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '../../api/ApiProvider';
import { images, pricebook, UPLOAD_MAX_BYTES, UPLOAD_TYPES } from '../../api/pricebook';
import { errorMessage } from '../../api/problem';
import type { CategoryEdit, CategoryView } from '../../api/types';
import { useDraft } from '../../auth/drafts';
import { Dialog } from '../../components/Dialog';
import { Thumb } from '../../components/Thumb';

interface Draft {
  name: string;
  position: string;
  isVisibleCrm: boolean;
}

/** Why a picked file cannot be uploaded, or null (image-service checks again: 415, 413). */
export function fileProblem(file: File): string | null {
  if (!UPLOAD_TYPES.includes(file.type)) {
    return `${file.name} is not a PNG, JPEG, WebP or GIF image`;
  }
  if (file.size > UPLOAD_MAX_BYTES) {
    return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; at most 5 MB`;
  }
  return null;
}

/**
 * Edits a category's local override: name, image (uploaded first, previewed), position among its
 * siblings and CRM visibility. Only changed fields are sent. What the user types is kept as a draft
 * until saved or cancelled, so an expired session loses none of it.
 */
export function EditDialog({ item, onClose, onSaved }: { item: CategoryView; onClose(): void; onSaved(): void }) {
  const api = useApi();
  const draftKey = `edit.${item.stId}`;
  const [draft, setDraft, clearDraft] = useDraft<Draft>(draftKey, () => ({ name: item.name, position: String(item.position), isVisibleCrm: item.isVisibleCrm }));
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview);
  }, [preview]);

  const save = useMutation({
    mutationFn: async () => {
      const edit: CategoryEdit = {};
      if (draft.name.trim() !== item.name) edit.name = draft.name.trim();
      if (Number(draft.position) !== item.position) edit.position = Number(draft.position);
      if (draft.isVisibleCrm !== item.isVisibleCrm) edit.isVisibleCrm = draft.isVisibleCrm;
      if (file) edit.imageUploadId = (await images.upload(api, file)).id;
      if (Object.keys(edit).length === 0) return null;
      return pricebook.override(api, item, edit);
    },
    onSuccess: (saved) => {
      clearDraft();
      if (saved) toast.success(`Saved “${saved.name}”; push to send it to ServiceTitan`);
      onSaved();
      onClose();
    },
    onError: (failure) => setError(errorMessage(failure)),
  });

  const discard = useMutation({
    mutationFn: () => pricebook.discard(api, item.stId),
    onSuccess: () => {
      clearDraft();
      toast.success(`Local changes of “${item.name}” discarded`);
      onSaved();
      onClose();
    },
    onError: (failure) => setError(errorMessage(failure)),
  });

  const pick = (picked: File | null) => {
    setFileError(null);
    setFile(null);
    setPreview(null);
    if (!picked) return;
    const problem = fileProblem(picked);
    if (problem) {
      setFileError(problem);
      return;
    }
    setFile(picked);
    setPreview(URL.createObjectURL(picked));
  };

  const nameError = draft.name.trim().length === 0 ? 'A name is required' : draft.name.trim().length > 255 ? 'At most 255 characters' : null;
  const positionError = !/^\d+$/.test(draft.position) ? 'A whole number, 0 or more' : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!nameError && !positionError && !fileError) save.mutate();
  };
  const cancel = () => {
    clearDraft();
    onClose();
  };

  return (
    <Dialog title={`Edit ${item.name}`} onClose={cancel}>
      <form onSubmit={submit} className="form" noValidate>
        <label>
          Name
          <input name="name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} aria-invalid={nameError !== null} aria-describedby="name-error" autoFocus />
        </label>
        {item.st && item.st.name !== item.name && <p className="muted">ServiceTitan: {item.st.name}</p>}
        {nameError && <p id="name-error" className="field-error">{nameError}</p>}
        <div className="image-field">
          <span>Image</span>
          <div className="image-row">
            {preview ? <img className="thumb" src={preview} alt="New image preview" width={64} height={64} /> : <Thumb url={item.imageUrl} alt={`Image of ${item.name}`} size={64} />}
            <input type="file" name="image" accept={UPLOAD_TYPES.join(',')} aria-label="Image file" aria-describedby="image-error" onChange={(e) => pick(e.target.files?.[0] ?? null)} />
          </div>
          {fileError && <p id="image-error" className="field-error" role="alert">{fileError}</p>}
        </div>
        <label>
          Position among its siblings
          <input name="position" inputMode="numeric" value={draft.position} onChange={(e) => setDraft({ ...draft, position: e.target.value })} aria-invalid={positionError !== null} />
        </label>
        {positionError && <p className="field-error">{positionError}</p>}
        <label className="checkbox">
          <input type="checkbox" name="isVisibleCrm" checked={draft.isVisibleCrm} onChange={(e) => setDraft({ ...draft, isVisibleCrm: e.target.checked })} />
          Visible in the CRM
        </label>
        {error && <p className="problem" role="alert">{error}</p>}
        <div className="buttons">
          <button type="submit" className="primary" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Save'}</button>
          <button type="button" onClick={cancel}>Cancel</button>
          {item.pending && <button type="button" className="danger" onClick={() => discard.mutate()} disabled={discard.isPending}>Discard local changes</button>}
        </div>
      </form>
    </Dialog>
  );
}
