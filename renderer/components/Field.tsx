import { useId, type ReactNode } from 'react';
import type { AppErrorDto } from '../../preload/contract/result';
import { DateField } from './DateField';
import { commonText } from './i18n';
import { currentLanguage, errorMessage, fieldProblem, fieldProblems } from './problems';
import { useApp } from '../app/store';
import { useT } from '../i18n';

/** What main found wrong with this field, in the UI language (fields are dotted paths: "profile.dpoEmail"). */
export function fieldError(error: AppErrorDto | undefined, name: string): string | undefined {
  return fieldProblem(error, name, currentLanguage());
}

interface FieldShellProps {
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

function FieldShell({ label, hint, error, required, children }: FieldShellProps) {
  const id = useId();
  const t = useT(commonText);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {/* The input's own `required` is what assistive tech announces; the star is for the eye. */}
        {required ? <span className="field__required" aria-hidden="true" title={t('required')}> *</span> : null}
      </label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint ? <div id={hintId} className="field__hint">{hint}</div> : null}
      {error ? <div id={errorId} className="field__error" role="alert">{error}</div> : null}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'datetime-local' | 'search' | 'number';
  hint?: string;
  error?: string;
  required?: boolean;
  autoFocus?: boolean;
  autoComplete?: string;
  placeholder?: string;
  multiline?: boolean;
  rows?: number;
  disabled?: boolean;
  min?: string | number;
  max?: string | number;
}

export function TextField(props: TextFieldProps) {
  const { label, value, onChange, type = 'text', hint, error, required, multiline, rows = 4, ...rest } = props;
  // Dates and times use the app's one accessible date field (it follows the UI language).
  if (type === 'date' || type === 'datetime-local') {
    return (
      <DateField
        label={label}
        value={value}
        onChange={onChange}
        withTime={type === 'datetime-local'}
        hint={hint}
        error={error}
        required={required}
        disabled={rest.disabled}
        autoFocus={rest.autoFocus}
        min={rest.min === undefined ? undefined : String(rest.min)}
        max={rest.max === undefined ? undefined : String(rest.max)}
      />
    );
  }
  return (
    <FieldShell label={label} hint={hint} error={error} required={required}>
      {({ id, describedBy, invalid }) =>
        multiline ? (
          <textarea
            id={id}
            value={value}
            rows={rows}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            required={required}
            onChange={(e) => onChange(e.target.value)}
            disabled={rest.disabled}
            placeholder={rest.placeholder}
            autoFocus={rest.autoFocus}
          />
        ) : (
          <input
            id={id}
            type={type}
            value={value}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            required={required}
            onChange={(e) => onChange(e.target.value)}
            {...rest}
          />
        )
      }
    </FieldShell>
  );
}

interface SelectFieldProps<V extends string> {
  label: string;
  value: V;
  options: { value: V; label: string }[];
  onChange(value: V): void;
  hint?: string;
  error?: string;
  required?: boolean;
}

export function SelectField<V extends string>({ label, value, options, onChange, hint, error, required }: SelectFieldProps<V>) {
  // (select boxes size to their longest option: see .field select in styles.css)
  return (
    <FieldShell label={label} hint={hint} error={error} required={required}>
      {({ id, describedBy, invalid }) => (
        <select id={id} value={value} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.target.value as V)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
  error?: string;
  disabled?: boolean;
}

export function CheckboxField({ label, checked, onChange, hint, error, disabled }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className={`field field--checkbox${error ? ' field--invalid' : ''}`}>
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint ? <div id={`${id}-hint`} className="field__hint">{hint}</div> : null}
      {error ? <div className="field__error" role="alert">{error}</div> : null}
    </div>
  );
}

/**
 * The error of a failed action, above the form: the message, and each field's problem named by
 * its label on screen ("Legal name: Required"), never by an internal key. `labels` maps main's
 * field paths to the form's labels; a path without one shows its message alone.
 */
export function ErrorBanner({ error, labels }: { error: AppErrorDto | undefined; labels?: Record<string, string> }) {
  const t = useT(commonText);
  const language = useApp((s) => s.language);
  if (!error) return null;
  return (
    <div className="banner banner--error" role="alert">
      <strong>{t('errorTitle')}</strong> {error.fields ? t('fieldErrors') : errorMessage(error, language)}
      {error.fields ? (
        <ul>
          {fieldProblems(error, language).map(([field, message]) => (
            <li key={field}>{labels?.[field] ? t('fieldProblem', { label: labels[field], problem: message }) : message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
