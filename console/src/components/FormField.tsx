import type { ReactNode } from 'react';

/**
 * A labelled control with its error below it. The control carries `id`, and `aria-describedby={errorId(id)}` with
 * `aria-invalid` when there is an error.
 */
export function FormField({ id, label, error, children, wide }: { id: string; label: ReactNode; error?: string | null; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`form-field${wide ? ' wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && <p id={errorId(id)} className="field-error" role="alert">{error}</p>}
    </div>
  );
}

export function errorId(id: string): string {
  return `${id}-error`;
}
