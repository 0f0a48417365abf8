import { useMemo } from 'react';
import { ISO_COUNTRY_CODES } from '../../../preload/contract/transfers';
import type { AppErrorDto } from '../../../preload/contract/result';
import { useApp } from '../../app/store';
import { CheckboxField, fieldError, SelectField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { transfersText } from './i18n';
import { SECTIONS, type FormValues, type SectionKey } from './sections';

/** Countries named in the DPO's language (Intl.DisplayNames), sorted by that name. */
export function useCountryOptions(withAll?: string) {
  const language = useApp((s) => s.language);
  return useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: 'region' });
    const list = [...ISO_COUNTRY_CODES].map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }));
    list.sort((a, b) => a.label.localeCompare(b.label, language));
    return withAll !== undefined ? [{ value: '', label: withAll }, ...list] : list;
  }, [language, withAll]);
}

export function countryName(code: string, language: string): string {
  return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
}

interface Props {
  section: SectionKey;
  values: FormValues;
  onChange(next: FormValues): void;
  error?: AppErrorDto;
}

/** The inputs of one record section; errors come from main by dotted path ("annex1.retentionTo"). */
export function SectionFields({ section, values, onChange, error }: Props) {
  const t = useT(transfersText);
  const countries = useCountryOptions();
  const set = (key: string) => (v: string | boolean) => onChange({ ...values, [key]: v });
  return (
    <div className="form-grid transfer-form-grid">
      {SECTIONS[section].map((f) => {
        const label = t(`f_${section}_${f.key}` as never);
        const err = fieldError(error, `${section}.${f.key}`);
        const cls = f.wide ? 'transfer-field--wide' : undefined;
        const v = values[f.key];
        let input;
        if (f.kind === 'checkbox') input = <CheckboxField label={label} checked={Boolean(v)} onChange={set(f.key)} error={err} />;
        else if (f.kind === 'country') {
          input = <SelectField label={label} value={String(v)} required={f.required} onChange={set(f.key)} error={err} options={[{ value: '', label: '—' }, ...countries]} />;
        } else if (f.kind === 'tristate') {
          input = <SelectField label={label} value={String(v)} onChange={set(f.key)} error={err} options={[{ value: '', label: t('c_inherit') }, { value: 'true', label: t('c_true') }, { value: 'false', label: t('c_false') }]} />;
        } else if (f.kind === 'select') {
          input = (
            <SelectField label={label} value={String(v)} onChange={set(f.key)} error={err} options={(f.options ?? []).map((o) => ({ value: o, label: t(`${f.optionPrefix}${o || 'none'}` as never) }))} />
          );
        } else {
          input = (
            <TextField
              label={label}
              value={String(v ?? '')}
              onChange={set(f.key)}
              required={f.required}
              error={err}
              type={f.kind === 'date' ? 'date' : f.kind === 'number' ? 'number' : f.kind === 'email' ? 'email' : f.kind === 'tel' ? 'tel' : 'text'}
              multiline={f.kind === 'multiline' || f.kind === 'list'}
              rows={f.kind === 'list' ? 3 : 3}
              hint={f.kind === 'list' ? t('listHint') : undefined}
              min={f.kind === 'number' ? 0 : undefined}
            />
          );
        }
        return (
          <div key={f.key} className={cls}>
            {input}
          </div>
        );
      })}
    </div>
  );
}
