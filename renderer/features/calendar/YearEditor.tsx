import { useState } from 'react';
import type { CalendarYearDto } from '../../../preload/contract/calendar';
import type { RecomputeEffects } from '../../../preload/contract/rules';
import { useMutation } from '../../app/api';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner, SelectField, TextField, fieldError } from '../../components/Field';
import { formatDate } from '../../components/format';
import { useLocalized, useT } from '../../i18n';
import { ChangeCounts, type ChangeCountsValue } from './ChangeCounts';
import { calendarText } from './i18n';

type Day = CalendarYearDto['holidays'][number];
type Kind = 'holiday' | 'workday';

/** One year's days off and weekend working days, editable; saving replaces the year. */
export function YearEditor({ year, onSaved }: { year: CalendarYearDto; onSaved(y: CalendarYearDto, effects: RecomputeEffects): void }) {
  const t = useT(calendarText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const toast = useApp((s) => s.toast);
  const save = useMutation('calendar.upsertYear');
  const [source, setSource] = useState(year.source);
  const [days, setDays] = useState<Record<Kind, Day[]>>({ holiday: year.holidays, workday: year.workdays });
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<Kind>('holiday');
  const [name, setName] = useState('');
  const [confirming, setConfirming] = useState<ChangeCountsValue | null>(null);
  const input = () => ({ country: year.country, year: year.year, source, holidays: days.holiday, workdays: days.workday });

  const add = () => {
    if (!date) return;
    const entry: Day = { date, name: name.trim() ? { en: name.trim(), zh: name.trim() } : null };
    setDays({ ...days, [kind]: [...days[kind].filter((d) => d.date !== date), entry].sort((a, b) => a.date.localeCompare(b.date)) });
    setDate('');
    setName('');
  };
  const remove = (k: Kind, d: string) => setDays({ ...days, [k]: days[k].filter((x) => x.date !== d) });

  const list = (k: Kind, title: string) => (
    <div className="year-editor__list">
      <h4>
        {title} ({days[k].length})
      </h4>
      {days[k].length === 0 ? <p className="muted">{t('emptyDays')}</p> : null}
      <ul>
        {days[k].map((d, i) => (
          <li key={d.date} className={fieldError(save.error, `${k === 'holiday' ? 'holidays' : 'workdays'}.${i}`) ? 'year-editor__bad' : undefined}>
            <span>{formatDate(d.date, language)}</span> <span className="muted">{L(d.name)}</span>{' '}
            <button type="button" className="link" onClick={() => remove(k, d.date)} aria-label={t('remove', { date: d.date })}>
              ×
            </button>
            {fieldError(save.error, `${k === 'holiday' ? 'holidays' : 'workdays'}.${i}`) ? (
              <span className="field__error"> {fieldError(save.error, `${k === 'holiday' ? 'holidays' : 'workdays'}.${i}`)}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );

  return (
    <section className="year-editor" aria-labelledby="year-editor-title">
      <h3 id="year-editor-title">{t('editorTitle', { country: year.country, year: year.year })}</h3>
      <ErrorBanner error={save.error} />
      <TextField label={t('source')} value={source} onChange={setSource} required error={fieldError(save.error, 'source')} />
      <div className="year-editor__lists">
        {list('holiday', t('holidays'))}
        {list('workday', t('workdays'))}
      </div>
      <fieldset className="year-editor__add">
        <legend>{t('addDate')}</legend>
        <TextField label={t('date')} type="date" value={date} onChange={setDate} min={`${year.year}-01-01`} max={`${year.year}-12-31`} />
        <SelectField<Kind>
          label={t('kind')}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'holiday', label: t('kind_holiday') },
            { value: 'workday', label: t('kind_workday') },
          ]}
        />
        <TextField label={t('name')} value={name} onChange={setName} />
        <button type="button" onClick={add} disabled={!date}>
          {t('addDate')}
        </button>
      </fieldset>
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          onClick={async () => {
            const dry = await save.run({ ...input(), dryRun: true });
            if (dry) setConfirming(dry.change);
          }}
          disabled={save.busy}
        >
          {t('saveYear', { year: year.year })}
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          open
          title={t('saveTitle', { year: year.year })}
          confirmLabel={confirming.needsConfirmation ? t('removeAndSave', { removed: confirming.removed }) : t('saveYear', { year: year.year })}
          danger={confirming.needsConfirmation}
          onCancel={() => setConfirming(null)}
          onConfirm={async () => {
            const confirmRemoval = confirming.needsConfirmation;
            setConfirming(null);
            const r = await save.run({ ...input(), confirmRemoval });
            if (r) {
              toast(t('savedYear', { year: year.year, n: r.recomputed }));
              onSaved(r.year, r.effects);
            }
          }}
        >
          <p>{t('saveText', { year: year.year })}</p>
          <ChangeCounts change={confirming} year={year.year} />
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
