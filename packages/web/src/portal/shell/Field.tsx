import type { ReactNode } from 'react';

/**
 * A form field: label, control, help and error, tied together for screen readers (the control gets
 * `id`, and aria-describedby/aria-invalid through `describedBy`/`invalid`).
 */
export function Field({
  id,
  label,
  help,
  error,
  required,
  optionalLabel,
  children,
}: {
  id: string;
  label: string;
  help?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  optionalLabel?: string;
  children: ReactNode;
}) {
  return (
    <div className={`wj-pub-field${error ? ' wj-pub-field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
        {!required && optionalLabel && <span className="wj-pub-muted"> {optionalLabel}</span>}
      </label>
      {children}
      {help && (
        <div id={`${id}-help`} className="wj-pub-help">
          {help}
        </div>
      )}
      {error && (
        <div id={`${id}-error`} className="wj-pub-error">
          {error}
        </div>
      )}
    </div>
  );
}

/** aria attributes for the control inside a <Field>. */
export function described(id: string, help: unknown, error: unknown) {
  const ids = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { ...(ids ? { 'aria-describedby': ids } : {}), 'aria-invalid': error ? true : undefined };
}
