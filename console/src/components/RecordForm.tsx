import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { fieldProblem } from '../api/problem';
import { useDraft } from '../auth/drafts';
import { errorId, FormField } from './FormField';
import { SaveProblem } from './SaveProblem';

export type FieldKind = 'text' | 'email' | 'tel' | 'number' | 'textarea' | 'select' | 'date' | 'datetime' | 'checkbox';

export type Option = string | { value: string; label: string };

/** One field of a record's form: its JSON name, label, control and limits. */
export interface FieldSpec {
  name: string;
  label: string;
  kind?: FieldKind;
  options?: readonly Option[];
  /** For a select: the text of the empty choice (the field is optional). */
  blank?: string;
  required?: boolean;
  min?: number;
  max?: number;
  /** Text length limit (names 200, descriptions 10,000). */
  maxLength?: number;
  placeholder?: string;
  /** Spans the form's width. */
  wide?: boolean;
}

/** A form's values: text per field ('' for none), true/false for a checkbox. */
export type FormValues = Record<string, string | boolean>;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An instant as a `datetime-local` value in the browser's time zone. */
export function localInput(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The form values of a record (or of `defaults` for a new one). */
export function valuesOf(specs: readonly FieldSpec[], record: object | null | undefined, defaults: FormValues = {}): FormValues {
  const source = (record ?? {}) as Record<string, unknown>;
  const values: FormValues = {};
  for (const spec of specs) {
    const value = source[spec.name];
    if (spec.kind === 'checkbox') {
      values[spec.name] = value === undefined || value === null ? Boolean(defaults[spec.name]) : Boolean(value);
    } else if (value === undefined || value === null || value === '') {
      values[spec.name] = defaults[spec.name] ?? '';
    } else {
      values[spec.name] = spec.kind === 'datetime' ? localInput(String(value)) : String(value);
    }
  }
  return values;
}

/** The JSON body of form values: empty text → null, numbers as numbers, `datetime` as an instant. */
export function bodyOf(specs: readonly FieldSpec[], values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const spec of specs) {
    const value = values[spec.name];
    if (spec.kind === 'checkbox') {
      body[spec.name] = Boolean(value);
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      body[spec.name] = null;
    } else if (spec.kind === 'number') {
      body[spec.name] = Number(text);
    } else if (spec.kind === 'datetime') {
      body[spec.name] = new Date(text).toISOString();
    } else {
      body[spec.name] = text;
    }
  }
  return body;
}

/** What the form can tell is wrong before sending, by field. */
export function validate(specs: readonly FieldSpec[], values: FormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const spec of specs) {
    const value = values[spec.name];
    if (typeof value !== 'string') continue;
    const text = value.trim();
    if (text === '') {
      if (spec.required) errors[spec.name] = 'Required';
      continue;
    }
    if (spec.maxLength !== undefined && text.length > spec.maxLength) {
      errors[spec.name] = `At most ${spec.maxLength.toLocaleString()} characters`;
    } else if (spec.kind === 'number') {
      const number = Number(text);
      if (!Number.isFinite(number)) errors[spec.name] = 'A number';
      else if (spec.min !== undefined && number < spec.min) errors[spec.name] = `At least ${spec.min}`;
      else if (spec.max !== undefined && number > spec.max) errors[spec.name] = `At most ${spec.max}`;
    } else if (spec.kind === 'datetime' && Number.isNaN(new Date(text).getTime())) {
      errors[spec.name] = 'A date and time';
    }
  }
  return errors;
}

function optionValue(option: Option): string {
  return typeof option === 'string' ? option : option.value;
}

function optionLabel(option: Option): string {
  return typeof option === 'string' ? option.replace(/_/g, ' ') : option.label;
}

function Control({ spec, id, value, error, onChange }: { spec: FieldSpec; id: string; value: string | boolean; error: string | undefined; onChange(value: string | boolean): void }) {
  const aria = { id, name: spec.name, 'aria-invalid': error !== undefined, 'aria-describedby': error ? errorId(id) : undefined };
  const text = typeof value === 'string' ? value : '';
  switch (spec.kind) {
    case 'checkbox':
      return <input type="checkbox" {...aria} checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} />;
    case 'textarea':
      return <textarea {...aria} rows={3} value={text} placeholder={spec.placeholder} onChange={(e) => onChange(e.target.value)} />;
    case 'select':
      return (
        <select {...aria} value={text} onChange={(e) => onChange(e.target.value)}>
          {spec.blank !== undefined && <option value="">{spec.blank}</option>}
          {(spec.options ?? []).map((option) => <option key={optionValue(option)} value={optionValue(option)}>{optionLabel(option)}</option>)}
        </select>
      );
    default: {
      const type = spec.kind === 'datetime' ? 'datetime-local' : spec.kind === 'number' ? 'text' : spec.kind ?? 'text';
      return (
        <input {...aria} type={type} inputMode={spec.kind === 'number' ? 'decimal' : undefined} value={text} placeholder={spec.placeholder}
          required={spec.required} onChange={(e) => onChange(e.target.value)} />
      );
    }
  }
}

/**
 * A record's create or edit form from its fields' specs. Checks what it can before sending; a 400 naming a field
 * shows next to that field, other refusals below the form, and a 412 (the record changed meanwhile) offers to read
 * it again, which replaces what was typed. Input is kept as a draft (`draftKey`) until saved or cancelled.
 */
export function RecordForm<T>({ specs, initial, draftKey, submitLabel, save, onSaved, onCancel, reload, children, idPrefix = 'record' }: {
  specs: readonly FieldSpec[];
  initial: FormValues;
  draftKey: string;
  submitLabel: string;
  /** Sends the body the values make. */
  save(body: Record<string, unknown>): Promise<T>;
  onSaved(saved: T): void;
  onCancel(): void;
  /** Reads the record again (after a 412): the form's values then. */
  reload?(): Promise<FormValues | null>;
  /** Shown above the buttons. */
  children?: ReactNode;
  idPrefix?: string;
}) {
  const [values, setValues, clearDraft] = useDraft<FormValues>(draftKey, () => initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) => save(body),
    onSuccess: (saved) => {
      clearDraft();
      onSaved(saved);
    },
    onError: (failure) => {
      const named = fieldProblem(failure);
      if (named && specs.some((spec) => spec.name === named.field)) {
        setErrors({ [named.field]: named.message });
      }
    },
  });
  const named = fieldProblem(mutation.error);
  const shownElsewhere = named !== null && specs.some((spec) => spec.name === named.field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(specs, values);
    setErrors(found);
    if (Object.keys(found).length === 0) {
      mutation.reset();
      mutation.mutate(bodyOf(specs, values));
    }
  };
  const cancel = () => {
    clearDraft();
    onCancel();
  };
  const reloaded = reload ? async () => {
    const fresh = await reload();
    if (fresh) {
      setValues(fresh);
      setErrors({});
      mutation.reset();
    }
  } : undefined;

  return (
    <form className="form record-form" onSubmit={submit} noValidate>
      <div className="fields">
        {specs.map((spec) => {
          const id = `${idPrefix}-${spec.name}`;
          const control = (
            <Control spec={spec} id={id} value={values[spec.name] ?? ''} error={errors[spec.name]}
              onChange={(value) => {
                setValues({ ...values, [spec.name]: value });
                if (errors[spec.name]) setErrors({ ...errors, [spec.name]: '' });
              }} />
          );
          return (
            <FormField key={spec.name} id={id} label={<>{spec.label}{spec.required && <span aria-hidden="true"> *</span>}</>} error={errors[spec.name] || null}
              wide={spec.wide || spec.kind === 'textarea'}>
              {control}
            </FormField>
          );
        })}
      </div>
      {children}
      {mutation.error && !shownElsewhere && <SaveProblem error={mutation.error} onReload={reloaded} />}
      <div className="buttons">
        <button type="submit" className="primary" disabled={mutation.isPending}>{mutation.isPending ? 'Saving…' : submitLabel}</button>
        <button type="button" onClick={cancel}>Cancel</button>
      </div>
    </form>
  );
}
