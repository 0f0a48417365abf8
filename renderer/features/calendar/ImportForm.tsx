import { useState } from 'react';
import type { CalendarYearDto } from '../../../preload/contract/calendar';
import type { RecomputeEffects } from '../../../preload/contract/rules';
import { useMutation } from '../../app/api';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner, SelectField, TextField, fieldError } from '../../components/Field';
import { useT } from '../../i18n';
import { ChangeCounts, type ChangeCountsValue } from './ChangeCounts';
import { calendarText } from './i18n';

/** Import a year from a CSV or JSON list of dates; problems come back named by line. */
export function ImportForm({ onImported }: { onImported(y: CalendarYearDto, effects: RecomputeEffects): void }) {
  const t = useT(calendarText);
  const toast = useApp((s) => s.toast);
  const run = useMutation('calendar.import');
  const [year, setYear] = useState('');
  const [source, setSource] = useState('');
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [text, setText] = useState('');
  // The change main counted in a dry run; the dialog shows it before anything is written.
  const [confirming, setConfirming] = useState<ChangeCountsValue | null>(null);
  const input = () => ({ year: Number(year) || 0, source, format, text });

  return (
    <>
    <form
      noValidate
      className="calendar-import"
      aria-labelledby="calendar-import-title"
      onSubmit={async (e) => {
        e.preventDefault();
        const dry = await run.run({ ...input(), dryRun: true });
        if (dry) setConfirming(dry.change);
      }}
    >
      <h3 id="calendar-import-title">{t('importTitle')}</h3>
      <p className="muted">{t('importHint')}</p>
      <ErrorBanner error={run.error} />
      <div className="form-grid">
        <TextField label={t('year')} type="number" min={2000} max={2100} value={year} onChange={setYear} required error={fieldError(run.error, 'year')} />
        <TextField label={t('source')} value={source} onChange={setSource} required error={fieldError(run.error, 'source')} />
        <SelectField<'csv' | 'json'>
          label={t('format')}
          value={format}
          onChange={setFormat}
          options={[
            { value: 'csv', label: 'CSV' },
            { value: 'json', label: 'JSON' },
          ]}
        />
      </div>
      <div className="field">
        <label htmlFor="calendar-import-file">{t('file')}</label>
        <input
          id="calendar-import-file"
          type="file"
          accept=".csv,.json,text/csv,application/json,text/plain"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            setText(await file.text());
            if (file.name.toLowerCase().endsWith('.json')) setFormat('json');
            if (file.name.toLowerCase().endsWith('.csv')) setFormat('csv');
          }}
        />
      </div>
      <TextField label={t('text')} multiline rows={6} value={text} onChange={setText} error={fieldError(run.error, 'text')} />
      <div className="form-actions">
        <button type="submit" disabled={run.busy}>
          {t('import')}
        </button>
      </div>
    </form>
      {confirming ? (
        <ConfirmDialog
          open
          title={t('importTitleConfirm', { year })}
          confirmLabel={confirming.needsConfirmation ? t('removeAndImport', { removed: confirming.removed }) : t('import')}
          danger={confirming.needsConfirmation}
          onCancel={() => setConfirming(null)}
          onConfirm={async () => {
            const confirmRemoval = confirming.needsConfirmation;
            setConfirming(null);
            const r = await run.run({ ...input(), confirmRemoval });
            if (r) {
              toast(t('savedYear', { year: r.year.year, n: r.recomputed }));
              setText('');
              onImported(r.year, r.effects);
            }
          }}
        >
          <p>{t('importText', { year })}</p>
          <ChangeCounts change={confirming} year={Number(year)} />
        </ConfirmDialog>
      ) : null}
    </>
  );
}
