import type { LocalizedText } from '../../../preload/contract/common';
import type { ParamSpec, Period, PeriodKind, ScalarSpec } from '../../../preload/contract/rules';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { useLocalized, useT } from '../../i18n';
import { rulesText } from './i18n';

// A form built from the shape main declares for a rule's parameters: the renderer knows no rule,
// only the field types (period, whole number, flag, source kind, bilingual text, list of rows).

type Value = unknown;
type Errors = (path: string) => string | undefined;

const PERIOD_KINDS: PeriodKind[] = ['hours', 'immediate', 'calendarDays', 'workingDays', 'businessDays', 'months', 'years', 'fixedDate'];
const AMOUNT_OF: Partial<Record<PeriodKind, 'hours' | 'days' | 'months' | 'years'>> = {
  hours: 'hours',
  calendarDays: 'days',
  workingDays: 'days',
  businessDays: 'days',
  months: 'months',
  years: 'years',
};
const ROLLS: PeriodKind[] = ['calendarDays', 'months', 'years'];

/** The period a kind change leads to, keeping the number where the new kind has one. */
function withKind(p: Period, kind: PeriodKind): Period {
  const old = p as Record<string, unknown>;
  const amount = (old.hours ?? old.days ?? old.months ?? old.years ?? 1) as number;
  const roll = (old.rollOver as boolean | undefined) ?? false;
  switch (kind) {
    case 'hours':
      return { kind, hours: amount };
    case 'calendarDays':
      return { kind, days: amount, rollOver: roll };
    case 'workingDays':
    case 'businessDays':
      return { kind, days: amount };
    case 'months':
      return { kind, months: amount, rollOver: roll };
    case 'years':
      return { kind, years: amount, rollOver: roll };
    default:
      return { kind } as Period;
  }
}

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

function PeriodField({ label, value, onChange, error }: { label: string; value: Period; onChange(v: Period): void; error: Errors; path: string }) {
  const t = useT(rulesText);
  const amountKey = AMOUNT_OF[value.kind];
  const v = value as Record<string, unknown>;
  return (
    <fieldset className="param param--period">
      <legend>{label}</legend>
      <div className="form-grid">
        <SelectField<PeriodKind> label={t('kind_period')} value={value.kind} onChange={(k) => onChange(withKind(value, k))} options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`pk_${k}`) }))} error={error('kind')} />
        {amountKey ? (
          <TextField
            label={t('amount')}
            type="number"
            min={1}
            value={Number.isFinite(v[amountKey] as number) ? String(v[amountKey]) : ''}
            onChange={(s) => onChange({ ...value, [amountKey]: num(s) } as Period)}
            error={error(amountKey)}
            required
          />
        ) : null}
      </div>
      {ROLLS.includes(value.kind) ? <CheckboxField label={t('rollOver')} checked={v.rollOver === true} onChange={(on) => onChange({ ...value, rollOver: on } as Period)} /> : null}
    </fieldset>
  );
}

function ScalarField({ spec, value, onChange, error, path }: { spec: ScalarSpec; value: Value; onChange(v: Value): void; error: Errors; path: string }) {
  const t = useT(rulesText);
  const L = useLocalized();
  const label = L(spec.label);
  const err = error(path);
  switch (spec.type) {
    case 'period':
      return <PeriodField label={label} value={value as Period} onChange={onChange} error={(f) => error(`${path}.${f}`)} path={path} />;
    case 'int':
      return <TextField label={label} type="number" min={spec.min} max={spec.max} value={Number.isFinite(value as number) ? String(value) : ''} onChange={(s) => onChange(num(s))} error={err} required />;
    case 'bool':
      return <CheckboxField label={label} checked={value === true} onChange={onChange} error={err} />;
    case 'sourceKind':
      return <SelectField<'official' | 'commentary'> label={label} value={value as 'official'} onChange={onChange} options={[{ value: 'official', label: t('official') }, { value: 'commentary', label: t('commentary') }]} error={err} />;
    case 'text': {
      const text = (value as LocalizedText) ?? { en: '', zh: '' };
      return (
        <fieldset className="param param--text">
          <legend>{label}</legend>
          <TextField label={t('english')} value={text.en} onChange={(en) => onChange({ ...text, en })} error={err} />
          <TextField label={t('chinese')} value={text.zh} onChange={(zh) => onChange({ ...text, zh })} />
        </fieldset>
      );
    }
    case 'string':
      return <TextField label={label} value={(value as string) ?? ''} onChange={onChange} error={err} />;
    case 'enum':
      return <SelectField<string> label={label} value={(value as string) ?? ''} onChange={onChange} options={spec.values.map((x) => ({ value: x, label: x || t('enumNone') }))} error={err} />;
  }
}

function ListField({ spec, value, onChange, error, path }: { spec: Extract<ParamSpec, { type: 'list' }>; value: Value; onChange(v: Value): void; error: Errors; path: string }) {
  const t = useT(rulesText);
  const L = useLocalized();
  const rows = (Array.isArray(value) ? value : []) as Record<string, Value>[];
  const blank = () => Object.fromEntries(Object.entries(spec.item).map(([k, s]) => [k, s.type === 'text' ? { en: '', zh: '' } : s.type === 'int' ? 0 : s.type === 'bool' ? false : s.type === 'enum' ? (s.values[0] ?? '') : '']));
  return (
    <fieldset className="param param--list">
      <legend>{L(spec.label)}</legend>
      {error(path) ? <div className="field__error" role="alert">{error(path)}</div> : null}
      <ol className="param-rows">
        {rows.map((row, i) => (
          <li key={i} className="param-row" aria-label={t('row', { n: i + 1 })}>
            <div className="form-grid">
              {Object.entries(spec.item).map(([name, s]) =>
                spec.fixedKeys && name === spec.keyField ? (
                  <p key={name} className="param-row__key">
                    <strong>{String(row[name])}</strong>
                  </p>
                ) : (
                  <ScalarField key={name} spec={s} value={row[name]} path={`${path}.${i}.${name}`} error={error} onChange={(v) => onChange(rows.map((r, j) => (j === i ? { ...r, [name]: v } : r)))} />
                ),
              )}
            </div>
            {!spec.fixedKeys ? (
              <button type="button" className="link" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                {t('removeRow', { n: i + 1 })}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {!spec.fixedKeys ? (
        <button type="button" onClick={() => onChange([...rows, blank()])}>
          {t('addRow')}
        </button>
      ) : null}
    </fieldset>
  );
}

/** Every parameter of a rule, as its shape says; errors are main's, by path (params.period.days). */
export function ParamEditor({ fields, value, onChange, error }: { fields: Record<string, ParamSpec>; value: Record<string, Value>; onChange(v: Record<string, Value>): void; error: Errors }) {
  return (
    <div className="param-editor">
      {Object.entries(fields).map(([name, spec]) =>
        spec.type === 'list' ? (
          <ListField key={name} spec={spec} value={value[name]} path={`params.${name}`} error={error} onChange={(v) => onChange({ ...value, [name]: v })} />
        ) : (
          <ScalarField key={name} spec={spec} value={value[name]} path={`params.${name}`} error={error} onChange={(v) => onChange({ ...value, [name]: v })} />
        ),
      )}
    </div>
  );
}
