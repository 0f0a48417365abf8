import { parseDate, parseDateTime, type CalendarDate, type CalendarDateTime } from '@internationalized/date';
import { useId } from 'react';
import { DateField as AriaDateField, DateInput, DateSegment, Label } from 'react-aria-components';
import { useApp } from '../app/store';
import { useT } from '../i18n';
import { zoneLabel } from './format';
import { commonText } from './i18n';

// The one date and date-time input of the app (issue 13): react-aria's accessible segmented
// field, which follows the UI language (zh-CN reads 年/月/日, English day/month/year) instead of
// the browser's native input, which follows the browser's locale. Values stay plain strings:
// "YYYY-MM-DD" for a date, "YYYY-MM-DDTHH:mm" for a time in the display zone (format.ts turns
// that into an instant).

export interface DateFieldProps {
  label: string;
  /** "YYYY-MM-DD", or "YYYY-MM-DDTHH:mm" with `withTime`; '' when empty. */
  value: string;
  onChange(value: string): void;
  withTime?: boolean;
  hint?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  min?: string;
  max?: string;
}

const parse = (value: string, withTime: boolean): CalendarDate | CalendarDateTime | null => {
  if (!value) return null;
  try {
    return withTime ? parseDateTime(value.slice(0, 16)) : parseDate(value.slice(0, 10));
  } catch {
    return null;
  }
};

export function DateField({ label, value, onChange, withTime = false, hint, error, required, disabled, autoFocus, min, max }: DateFieldProps) {
  const t = useT(commonText);
  const language = useApp((s) => s.language);
  const zone = useApp((s) => s.displayZone);
  const id = useId();
  // A time is read in the display zone: say which, once, under the field.
  const note = [hint, withTime ? t('timeIn', { zone: zoneLabel(zone, language) }) : null].filter(Boolean).join(' · ');
  const minValue = min ? (parse(min, withTime) ?? undefined) : undefined;
  const maxValue = max ? (parse(max, withTime) ?? undefined) : undefined;
  return (
    <div className={`field field--date${error ? ' field--invalid' : ''}`}>
      <AriaDateField
        value={parse(value, withTime)}
        onChange={(v) => onChange(v ? (withTime ? v.toString().slice(0, 16) : v.toString().slice(0, 10)) : '')}
        granularity={withTime ? 'minute' : 'day'}
        hourCycle={24}
        shouldForceLeadingZeros
        isRequired={required}
        isDisabled={disabled}
        isInvalid={Boolean(error)}
        autoFocus={autoFocus}
        minValue={minValue}
        maxValue={maxValue}
        validationBehavior="aria"
        aria-describedby={[note ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}
      >
        <Label>
          {label}
          {required ? <span className="field__required" aria-hidden="true" title={t('required')}> *</span> : null}
        </Label>
        <DateInput className="date-input">{(segment) => <DateSegment segment={segment} className="date-input__segment" />}</DateInput>
      </AriaDateField>
      {note ? <div id={`${id}-hint`} className="field__hint">{note}</div> : null}
      {error ? <div id={`${id}-error`} className="field__error" role="alert">{error}</div> : null}
    </div>
  );
}
